import { recordAdvice } from "../decisions/index.js";
import type { AdviceRequest } from "../decisions/index.js";
import type { Decision } from "../store/index.js";
import { answerMessage } from "./blocks/answer.js";
import type { AnswerMessage } from "./blocks/answer.js";
import { context as contextBlock } from "./blocks/text.js";
import type { Tools } from "./context.js";
import { publishHome } from "./home/publish-home.js";
import type { PrivateReply } from "./reply-privately.js";
import { failureReason, slackAnswered } from "./web-api-errors.js";
import { waitingOutShortRateLimit } from "./web-api-policy.js";
import { slackActor } from "./workspace-admin.js";
import { say } from "./words.js";

export interface AnswerRequest extends Omit<AdviceRequest, "workspace"> {
  user: string;
}

/**
 * Records the advice (src/decisions: once per dedupe key; a re-run becomes a proposed replacement), posts
 * the answer and refreshes the author's Home. When neither the channel nor a DM takes the answer, it goes to
 * the person through `privateReply` (a command's response_url) when there is one.
 */
export async function deliverAnswer(
  tools: Tools,
  request: AnswerRequest,
  privateReply?: PrivateReply,
): Promise<Decision> {
  const { context } = tools;
  const { decision, created } = await recordAdvice(
    context.services,
    { ...request, workspace: context.workspace },
    slackActor(tools, request.user),
  );
  if (!created) return decision;
  const message = answerMessage(decision, context.services.knowledge);
  const posted = await postAnswer(tools, request, message, privateReply);
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
  privateReply: PrivateReply | undefined,
): Promise<Posted | null> {
  if (request.channel === null) {
    const direct = await postToDirectMessage(tools, request.user, message, null);
    if (direct === null) await replyWithAnswer(tools, privateReply, message, null);
    return direct;
  }
  try {
    const channel = request.channel;
    const result = await waitingOutShortRateLimit(() =>
      tools.client.chat.postMessage({ channel, ...message }),
    );
    return { channel: result.channel ?? request.channel, ts: result.ts ?? "" };
  } catch (error) {
    const reason = failureReason(error);
    const notice = say("fallback-notice", { reason, channel: request.channel });
    tools.logger.warn(
      `chat.postMessage to ${request.channel} failed (${reason}); answering ${request.user} another way`,
    );
    const direct = slackAnswered(error)
      ? await postToDirectMessage(tools, request.user, message, notice)
      : null;
    if (direct === null) await replyWithAnswer(tools, privateReply, message, notice);
    return direct;
  }
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
    logger.warn(`Could not deliver the answer to ${user} by DM either (${failureReason(error)})`);
    return null;
  }
}

// The last way left: the answer itself, seen only by the person, through the command's response_url.
async function replyWithAnswer(
  { logger }: Tools,
  privateReply: PrivateReply | undefined,
  message: AnswerMessage,
  notice: string | null,
): Promise<void> {
  if (privateReply === undefined) {
    logger.error("An answer was saved but reached no one: no channel, DM or response_url took it");
    return;
  }
  const blocks = notice === null ? message.blocks : [contextBlock(notice), ...message.blocks];
  try {
    await privateReply({ response_type: "ephemeral", text: message.text, blocks });
  } catch (error) {
    logger.error(`An answer was saved but reached no one: the response_url failed too (${String(error)})`);
  }
}
