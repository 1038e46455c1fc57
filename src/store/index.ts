import { DEFAULT_LOCK_WAIT_MS } from "./busy.js";
import { connect, connectForReading } from "./connection.js";
import { decisionStore, type StoreOptions } from "./decisions.js";
import { sqliteEngine } from "./sqlite.js";
import type { DecisionStore } from "./types.js";

export { StoreError, type StoreErrorCode } from "./errors.js";
export { parseDecisionId } from "./ids.js";
export { MAX_PAGE_SIZE } from "./search.js";
export type { StoreOptions } from "./decisions.js";
export * from "./types.js";
export type * from "./installations.js";

/**
 * Opens the decision history at `location`: a PostgreSQL URL (postgres://… or postgresql://…), or the path
 * of a SQLite file. Either is migrated to this version first (unless `readOnly`); a database that is not
 * ours, is newer, or is damaged is refused with a StoreError, and left untouched.
 *
 * The store's API, all asynchronous (see DecisionStore for each method):
 * - decisions: saveDecision (idempotent per dedupe key; numbers EA-n per workspace), saveDecisions,
 *   getDecision, listDecisions (filters, full-text search, opaque cursors; refusals are values),
 *   changeStatus (lifecycle + audit), history, setMessageRef, stats, allDecisions (for recheck, exports).
 * - outbox: a NewDecision's `delivery` is recorded in the save's transaction; claimDeliveries claims
 *   waiting ones exclusively for a lease; markDelivered / markDeliveryFailed finish an attempt;
 *   deliveries lists a decision's.
 */
export async function openStore(location: string, options: StoreOptions = {}): Promise<DecisionStore> {
  if (isPostgresUrl(location)) {
    // Loaded only when used: the SQLite default starts without the PostgreSQL driver.
    const { openPostgres } = await import("./postgres/connection.js");
    return decisionStore(await openPostgres(location, { readOnly: options.readOnly ?? false }), options);
  }
  const lockWaitMs = options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS;
  const db = await (options.readOnly ? connectForReading : connect)(location, lockWaitMs);
  return decisionStore(sqliteEngine(db, location, lockWaitMs), options);
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}
export { TokenCipherError, tokenCipher, tokenKeyProblem, type TokenCipher } from "./token-cipher.js";
