import { StoreError } from "../store/index.js";
import type { Tools } from "./context.js";
import { say } from "./words.js";

/** Why a save failed, in the words a person can act on. */
export type SaveFailureReason = "busy" | "full" | "read-only" | "unexpected";

/**
 * What to tell a person whose answer could not be saved, logged once with who and where: one line for the
 * expected failures (a lock held too long, a full disk, a read-only file), the stack for anything else.
 */
export function saveFailureMessage({ context, logger }: Tools, error: unknown, user: string): string {
  const reason = saveFailureReason(error);
  const what = `Saving the answer for ${user} in ${context.workspace} failed (${reason})`;
  if (reason === "unexpected") logger.error(what, error);
  else logger.error(`${what}: ${(error as StoreError).message}`);
  return say("save-failed", { reason });
}

function saveFailureReason(error: unknown): SaveFailureReason {
  if (!(error instanceof StoreError)) return "unexpected";
  return error.code === "busy" || error.code === "full" || error.code === "read-only"
    ? error.code
    : "unexpected";
}
