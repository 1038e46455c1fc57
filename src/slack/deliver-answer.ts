import type { webApi } from "@slack/bolt";
import type { Requirements } from "../vocabulary/index.js";
import { answerMessage } from "./blocks/answer.js";
import type { AnswerMessage } from "./blocks/answer.js";
import { context } from "./blocks/text.js";
import type { SlackDeps } from "./deps.js";
import { publishHome } from "./home/publish-home.js";
import { renderAdviceSections, renderTemplate } from "../render/index.js";
import type { Decision } from "../store/index.js";
import { advise } from "../advice/index.js";
import { supersede } from "./supersede.js";
import type { PrivateReply } from "./reply-privately.js";
import { failureReason, slackAnswered } from "./web-api-errors.js";
import { waitingOutShortRateLimit } from "./web-api-policy.js";
import { mayChangeStatus } from "./workspace-admin.js";
import { say } from "./words.js";

export interface AnswerRequest {
  workspace: string;
  user: string;
  /** The channel the person asked from; null → the answer goes to a DM. */
  channel: string | null;
  requirements: Requirements;
  /** Same key → same decision: a retried or double-clicked submission is stored and posted once. */
  dedupeKey: string;
  /** A re-run: the decision it started from, superseded when the person may (author or admin). */
  basedOn?: string;
}

/**
 * Advises, stores the answer as a `proposed` decision (once), supersedes the decision a re-run started from
 * when the person may, posts the answer and refreshes the author's Home. When neither the channel nor a DM
 * takes the answer, it goes to the person through `privateReply` (a command's response_url) when there is one.
 */
export async function deliverAnswer(
  client: webApi.WebClient,
  deps: SlackDeps,
  request: AnswerRequest,
  privateReply?: PrivateReply,
): Promise<Decision> {
  const advice = advise(request.requirements, deps.knowledge);
  const { sections } = renderAdviceSections(advice, request.requirements);
  const previous =
    request.basedOn === undefined
      ? undefined
      : await deps.store.getDecision(request.workspace, request.basedOn);
  const permission = previous && (await mayChangeStatus(client, deps, previous, request.user));
  const { title } = request.requirements;
  const saved = await deps.store.saveDecision({
    workspace: request.workspace,
    channel: request.channel,
    author: request.user,
    // Someone else's re-run stands beside the original, naming it.
    title:
      previous !== undefined && permission?.allowed === false
        ? renderTemplate("slack-based-on-title", { title, id: previous.id }, "text").trim()
        : title,
    requirements: request.requirements,
    advice,
    rendered: sections.join("\n\n"),
    dedupeKey: request.dedupeKey,
  });
  if (!saved.created) return saved.decision;
  const decision =
    previous !== undefined && permission?.allowed === true
      ? await supersede(client, deps, previous, saved.decision, {
          user: request.user,
          isAdmin: permission.isAdmin,
        })
      : saved.decision;
  const posted = await postAnswer(client, deps, request, answerMessage(decision), privateReply);
  if (posted !== null)
    await deps.store.setMessageRef(request.workspace, decision.id, posted.channel, posted.ts);
  await publishHome(client, deps, request.workspace, request.user);
  return decision;
}

interface Posted {
  channel: string;
  ts: string;
}

// Where the bot cannot post in the channel, the person still gets the answer: in a DM when Slack refused
// the channel (not_in_channel, a rate limit on it), else — or when the DM fails too — privately by reply.
async function postAnswer(
  client: webApi.WebClient,
  deps: SlackDeps,
  request: AnswerRequest,
  message: AnswerMessage,
  privateReply: PrivateReply | undefined,
): Promise<Posted | null> {
  if (request.channel === null) {
    const direct = await postToDirectMessage(client, deps, request.user, message, null);
    if (direct === null) await replyWithAnswer(deps, privateReply, message, null);
    return direct;
  }
  try {
    const channel = request.channel;
    const result = await waitingOutShortRateLimit(() => client.chat.postMessage({ channel, ...message }));
    return { channel: result.channel ?? request.channel, ts: result.ts ?? "" };
  } catch (error) {
    const reason = failureReason(error);
    const notice = say("fallback-notice", { reason, channel: request.channel });
    deps.logger.warn(
      `chat.postMessage to ${request.channel} failed (${reason}); answering ${request.user} another way`,
    );
    const direct = slackAnswered(error)
      ? await postToDirectMessage(client, deps, request.user, message, notice)
      : null;
    if (direct === null) await replyWithAnswer(deps, privateReply, message, notice);
    return direct;
  }
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
    deps.logger.warn(`Could not deliver the answer to ${user} by DM either (${failureReason(error)})`);
    return null;
  }
}

// The last way left: the answer itself, seen only by the person, through the command's response_url.
async function replyWithAnswer(
  deps: SlackDeps,
  privateReply: PrivateReply | undefined,
  message: AnswerMessage,
  notice: string | null,
): Promise<void> {
  if (privateReply === undefined) {
    deps.logger.error("An answer was saved but reached no one: no channel, DM or response_url took it");
    return;
  }
  const blocks = notice === null ? message.blocks : [context(notice), ...message.blocks];
  try {
    await privateReply({ response_type: "ephemeral", text: message.text, blocks });
  } catch (error) {
    deps.logger.error(
      `An answer was saved but reached no one: the response_url failed too (${String(error)})`,
    );
  }
}
