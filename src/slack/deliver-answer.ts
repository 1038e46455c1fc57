import type { webApi } from "@slack/bolt";
import { recordAdvice } from "../decisions/index.js";
import type { AdviceRequest } from "../decisions/index.js";
import { answerMessage } from "./blocks/answer.js";
import type { AnswerMessage } from "./blocks/answer.js";
import { context } from "./blocks/text.js";
import type { SlackDeps } from "./deps.js";
import { publishHome } from "./home/publish-home.js";
import type { Decision } from "../store/index.js";
import { slackErrorCode } from "./web-api-errors.js";
import { slackActor } from "./workspace-admin.js";
import { say } from "./words.js";

export interface AnswerRequest extends AdviceRequest {
  user: string;
}

/**
 * Records the advice (src/decisions: once per dedupe key; a re-run becomes a proposed replacement), posts
 * the answer and refreshes the author's Home.
 */
export async function deliverAnswer(
  client: webApi.WebClient,
  deps: SlackDeps,
  request: AnswerRequest,
): Promise<Decision> {
  const { decision, created } = await recordAdvice(deps, request, slackActor(client, deps, request.user));
  if (!created) return decision;
  const posted = await postAnswer(client, deps, request, answerMessage(decision));
  if (posted !== null) deps.store.setMessageRef(request.workspace, decision.id, posted.channel, posted.ts);
  await publishHome(client, deps, request.workspace, request.user);
  return decision;
}

interface Posted {
  channel: string;
  ts: string;
}

// Where the bot cannot post in the channel, the person still gets the answer: in a DM, saying why.
async function postAnswer(
  client: webApi.WebClient,
  deps: SlackDeps,
  request: AnswerRequest,
  message: AnswerMessage,
): Promise<Posted | null> {
  if (request.channel !== null) {
    try {
      const result = await client.chat.postMessage({ channel: request.channel, ...message });
      return { channel: result.channel ?? request.channel, ts: result.ts ?? "" };
    } catch (error) {
      deps.logger.warn(`chat.postMessage to ${request.channel} failed`, error);
      const reason = slackErrorCode(error) ?? "unknown";
      return postToDirectMessage(
        client,
        deps,
        request.user,
        message,
        say("fallback-notice", { reason, channel: request.channel }),
      );
    }
  }
  return postToDirectMessage(client, deps, request.user, message, null);
}

async function postToDirectMessage(
  client: webApi.WebClient,
  deps: SlackDeps,
  user: string,
  message: AnswerMessage,
  notice: string | null,
): Promise<Posted | null> {
  try {
    const opened = await client.conversations.open({ users: user });
    const channel = opened.channel?.id ?? user;
    const blocks = notice === null ? message.blocks : [context(notice), ...message.blocks];
    const result = await client.chat.postMessage({ channel, text: message.text, blocks });
    return { channel, ts: result.ts ?? "" };
  } catch (error) {
    deps.logger.error(`Could not deliver the answer to ${user} by DM either`, error);
    return null;
  }
}
