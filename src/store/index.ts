import { DEFAULT_LOCK_WAIT_MS } from "./busy.js";
import { connect } from "./connection.js";
import { decisionStore, type StoreOptions } from "./decisions.js";
import type { DecisionStore } from "./types.js";

export { StoreError } from "./errors.js";
export { parseDecisionId } from "./decision-id.js";
export { MAX_PAGE_SIZE } from "./search.js";
export type { StoreOptions } from "./decisions.js";
export * from "./types.js";

/**
 * Opens the decision history at `path`: creates the folder and file if needed, migrates it, and refuses
 * (with a StoreError, leaving the file untouched) a file that is not ours, is newer, or is damaged.
 */
export async function openStore(path: string, options: StoreOptions = {}): Promise<DecisionStore> {
  const db = await connect(path, options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS);
  return decisionStore(db, path, options);
}
