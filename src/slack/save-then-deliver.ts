import { setTimeout as delay } from "node:timers/promises";
import type { RecordedAdvice } from "../decisions/index.js";
import type { Tools } from "./context.js";
import { deliverNow } from "./deliver-answer.js";
import { saveFailureMessage } from "./save-failure.js";
import { say } from "./words.js";

/**
 * How long a request waits for its save before acknowledging anyway. A save is a millisecond when the
 * database is free; this leaves Slack's 3 seconds room for the network while another process holds the lock.
 */
export const ACK_SAVE_BUDGET_MS = 1_500;

/** A save as it stood when the request had to be acknowledged. */
export type SaveAtAck =
  { saved: RecordedAdvice } | { failed: unknown } | { stillSaving: Promise<RecordedAdvice> };

/** Waits for `saving` up to ACK_SAVE_BUDGET_MS; what has not settled by then goes on in the background. */
export async function saveBeforeAck(saving: Promise<RecordedAdvice>): Promise<SaveAtAck> {
  const timer = new AbortController();
  const settled = saving.then(
    (saved): SaveAtAck => ({ saved }),
    (failed: unknown): SaveAtAck => ({ failed }),
  );
  const timedOut = delay(ACK_SAVE_BUDGET_MS, undefined, { signal: timer.signal }).then(
    (): SaveAtAck => ({ stillSaving: saving }),
    (): SaveAtAck => ({ stillSaving: saving }),
  );
  try {
    return await Promise.race([settled, timedOut]);
  } finally {
    timer.abort();
  }
}

/**
 * After the ack: delivers a saved answer from the outbox, or tells the person (through `tell`) that the save
 * failed and what to do; a save still waiting for the database is announced, then finished the same way.
 * Never throws: a delivery that fails here stays pending for the delivery worker.
 */
export async function deliverAfterAck(
  tools: Tools,
  atAck: SaveAtAck,
  user: string,
  tell: (text: string) => Promise<void>,
): Promise<void> {
  let recorded: RecordedAdvice;
  try {
    if ("failed" in atAck) throw atAck.failed;
    if ("stillSaving" in atAck) await tellOrLog(tools, tell, say("still-saving"), user);
    recorded = "saved" in atAck ? atAck.saved : await atAck.stillSaving;
  } catch (error) {
    await tellOrLog(tools, tell, saveFailureMessage(tools, error, user), user);
    return;
  }
  if (recorded.delivery === null) return;
  try {
    await deliverNow(tools, recorded.delivery);
  } catch (error) {
    // Saved, with its delivery pending: the worker delivers it (claims expire after their lease).
    tools.logger.warn(
      `Delivering ${recorded.decision.id} in ${tools.context.workspace} failed; the delivery worker will retry it`,
      error,
    );
  }
}

async function tellOrLog(
  { logger }: Tools,
  tell: (text: string) => Promise<void>,
  text: string,
  user: string,
): Promise<void> {
  try {
    await tell(text);
  } catch (error) {
    logger.error(`Could not tell ${user} what happened to their answer: ${String(error)}`);
  }
}
