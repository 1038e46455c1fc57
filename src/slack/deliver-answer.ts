import { recordAdvice } from "../decisions/index.js";
import type { AdviceRequest, RecordedAdvice } from "../decisions/index.js";
import { ATTEMPT_STARTED, type Delivery } from "../store/index.js";
import { answerMessage } from "./blocks/answer.js";
import type { AnswerMessage } from "./blocks/answer.js";
import { context as contextBlock } from "./blocks/text.js";
import type { Tools } from "./context.js";
import { publishHome } from "./home/publish-home.js";
import { postToResponseUrl } from "./response-url.js";
import { postDirectMessage } from "./tell-privately.js";
import { failureReason, slackAnswered } from "./web-api-errors.js";
import { waitingOutShortRateLimit } from "./web-api-policy.js";
import { slackActor } from "./workspace-admin.js";
import { say } from "./words.js";

export interface AnswerRequest extends Omit<AdviceRequest, "workspace" | "delivery"> {
  user: string;
  /** A slash command's response_url: the last way to reach the person when no post works. */
  responseUrl?: string;
}

/** How long a claimed delivery is ours before another deliverer (after a crash, another instance) may take it. */
export const DELIVERY_LEASE_MS = 30_000;

/**
 * Records the advice (src/decisions: once per dedupe key; a re-run becomes a proposed replacement) together
 * with the pending delivery of its answer, in one transaction: once this resolves, a crash loses nothing,
 * since a restarted app delivers what is pending (delivery-worker.ts).
 */
export function recordAnswer(tools: Tools, request: AnswerRequest): Promise<RecordedAdvice> {
  const { context } = tools;
  const { user, responseUrl, ...advice } = request;
  return recordAdvice(
    context.services,
    {
      ...advice,
      workspace: context.workspace,
      delivery: { kind: "answer", channel: request.channel, user, responseUrl: responseUrl ?? null },
    },
    slackActor(tools, user),
  );
}

/** Delivers a just-recorded answer now, unless a deliverer (the worker) claimed it first. */
export async function deliverNow(tools: Tools, delivery: Delivery): Promise<void> {
  const { store } = tools.context.services;
  const [claimed] = await store.claimDeliveries({ id: delivery.id, leaseMs: DELIVERY_LEASE_MS });
  if (claimed !== undefined) await deliverClaimed(tools, claimed);
}

/**
 * Posts a claimed delivery's answer: in its channel, else by DM, else privately (response_url or an
 * ephemeral), then records where it went. When nothing took it, the delivery is tried again later, up to
 * MAX_ATTEMPTS, then given up with one error line. A delivery claimed again after an attempt that began
 * posting and never finished (the app was killed mid-post) may be in Slack already: it goes to the person
 * privately, saying so, so that a channel never sees an answer twice.
 */
export async function deliverClaimed(tools: Tools, delivery: Delivery): Promise<void> {
  const { context, logger } = tools;
  const { store, knowledge } = context.services;
  const decision = await store.getDecision(delivery.workspace, delivery.decisionId);
  if (decision === undefined) {
    await store.markDeliveryFailed(delivery.id, "decision_gone", null);
    return;
  }
  const message = answerMessage(decision, knowledge);
  const mayHavePosted = delivery.lastError === ATTEMPT_STARTED;
  await store.markDeliveryStarted(delivery.id);
  const outcome = mayHavePosted
    ? await answerPrivately(tools, delivery, message, say("restart-notice", { id: decision.id }))
    : await postAnswer(tools, delivery, message);
  if (outcome.delivered) {
    await store.markDelivered(delivery.id, outcome.posted ?? undefined);
    await publishHome(tools, delivery.user);
    return;
  }
  const giveUp = delivery.attempts >= MAX_ATTEMPTS;
  await store.markDeliveryFailed(delivery.id, outcome.reason, giveUp ? null : retryAt(delivery.attempts));
  if (giveUp)
    logger.error(
      `The answer ${decision.id} in ${delivery.workspace} reached no one after ${delivery.attempts} attempts (${outcome.reason}); it stays in the history`,
    );
}

const MAX_ATTEMPTS = 5;

// 30 s, 1, 2, 4 minutes: a Slack outage of a few minutes still ends in a delivery.
function retryAt(attempts: number): Date {
  return new Date(Date.now() + 30_000 * 2 ** (attempts - 1));
}

interface Posted {
  channel: string;
  ts: string;
}

type Outcome = { delivered: true; posted: Posted | null } | { delivered: false; reason: string };

// Where the bot cannot post in the channel, the person still gets the answer: in a DM, saying why.
async function postAnswer(tools: Tools, delivery: Delivery, message: AnswerMessage): Promise<Outcome> {
  const { channel, user } = delivery;
  if (channel === null) {
    const direct = await postToDirectMessage(tools, user, message, null);
    return direct.delivered ? direct : answerPrivately(tools, delivery, message, null);
  }
  try {
    const result = await waitingOutShortRateLimit(() =>
      tools.client.chat.postMessage({ channel, ...message }),
    );
    return { delivered: true, posted: { channel: result.channel ?? channel, ts: result.ts ?? "" } };
  } catch (error) {
    const reason = failureReason(error);
    const notice = say("fallback-notice", { reason, channel });
    tools.logger.warn(`chat.postMessage to ${channel} failed (${reason}); answering ${user} another way`);
    // A Slack that did not answer will not take a DM either.
    if (slackAnswered(error)) {
      const direct = await postToDirectMessage(tools, user, message, notice);
      if (direct.delivered) return direct;
    }
    const reply = await answerPrivately(tools, delivery, message, notice);
    return reply.delivered ? reply : { delivered: false, reason };
  }
}

async function postToDirectMessage(
  { client, logger }: Tools,
  user: string,
  message: AnswerMessage,
  notice: string | null,
): Promise<Outcome> {
  try {
    const posted = await postDirectMessage(client, user, {
      text: message.text,
      blocks: noted(message, notice),
    });
    return { delivered: true, posted };
  } catch (error) {
    const reason = failureReason(error);
    logger.warn(`Could not deliver the answer to ${user} by DM either (${reason})`);
    return { delivered: false, reason };
  }
}

// The answer itself, seen only by the person: by the command's response_url, or else as an ephemeral in
// the channel (a modal's submission has no response_url).
async function answerPrivately(
  { client, logger }: Tools,
  { responseUrl, channel, user }: Delivery,
  message: AnswerMessage,
  notice: string | null,
): Promise<Outcome> {
  const blocks = noted(message, notice);
  try {
    if (responseUrl !== null)
      await postToResponseUrl(responseUrl, { response_type: "ephemeral", text: message.text, blocks });
    else if (channel !== null) await client.chat.postEphemeral({ channel, user, text: message.text, blocks });
    else return { delivered: false, reason: "no_private_way" };
    return { delivered: true, posted: null };
  } catch (error) {
    const reason = failureReason(error);
    logger.warn(`Could not answer ${user} privately either (${reason})`);
    return { delivered: false, reason };
  }
}

function noted(message: AnswerMessage, notice: string | null): AnswerMessage["blocks"] {
  return notice === null ? message.blocks : [contextBlock(notice), ...message.blocks];
}
