import { recordAdvice } from "../decisions/index.js";
import type { AdviceRequest } from "../decisions/index.js";
import type { Decision } from "../store/index.js";
import { answerMessage } from "./blocks/answer.js";
import type { AnswerMessage } from "./blocks/answer.js";
import { context as contextBlock } from "./blocks/text.js";
import type { Tools } from "./context.js";
import { publishHome } from "./home/publish-home.js";
import { slackErrorCode } from "./web-api-errors.js";
import { slackActor } from "./workspace-admin.js";
import { say } from "./words.js";

export interface AnswerRequest extends Omit<AdviceRequest, "workspace"> {
  user: string;
}

/**
 * Records the advice (src/decisions: once per dedupe key; a re-run becomes a proposed replacement), posts
 * the answer and refreshes the author's Home.
 */
export async function deliverAnswer(tools: Tools, request: AnswerRequest): Promise<Decision> {
  const { context } = tools;
  const { decision, created } = await recordAdvice(
    context.services,
    { ...request, workspace: context.workspace },
    slackActor(tools, request.user),
  );
  if (!created) return decision;
  const posted = await postAnswer(tools, request, answerMessage(decision, context.services.knowledge));
  if (posted !== null)
    await context.services.store.setMessageRef(context.workspace, decision.id, posted.channel, posted.ts);
  await publishHome(tools, request.user);
  return decision;
}

interface Posted {
  channel: string;
  ts: string;
}

// Where the bot cannot post in the channel, the person still gets the answer: in a DM, saying why.
async function postAnswer(
  tools: Tools,
  request: AnswerRequest,
  message: AnswerMessage,
): Promise<Posted | null> {
  if (request.channel !== null) {
    try {
      const result = await tools.client.chat.postMessage({ channel: request.channel, ...message });
      return { channel: result.channel ?? request.channel, ts: result.ts ?? "" };
    } catch (error) {
      tools.logger.warn(`chat.postMessage to ${request.channel} failed`, error);
      const reason = slackErrorCode(error) ?? "unknown";
      const notice = say("fallback-notice", { reason, channel: request.channel });
      return postToDirectMessage(tools, request.user, message, notice);
    }
  }
  return postToDirectMessage(tools, request.user, message, null);
}

async function postToDirectMessage(
  { client, logger }: Tools,
  user: string,
  message: AnswerMessage,
  notice: string | null,
): Promise<Posted | null> {
  try {
    const opened = await client.conversations.open({ users: user });
    const channel = opened.channel?.id ?? user;
    const blocks = notice === null ? message.blocks : [contextBlock(notice), ...message.blocks];
    const result = await client.chat.postMessage({ channel, text: message.text, blocks });
    return { channel, ts: result.ts ?? "" };
  } catch (error) {
    logger.error(`Could not deliver the answer to ${user} by DM either`, error);
    return null;
  }
}
