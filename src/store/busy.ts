import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { StoreError } from "./errors.js";

/**
 * How long one attempt may wait for another process's lock inside SQLite. better-sqlite3 is synchronous, so
 * this wait blocks the event loop: it is kept short, and longer waits happen between attempts, asynchronously.
 */
export const BUSY_TIMEOUT_MS = 20;

/** How long a call waits in all for a lock another process holds, unless the store is opened with another. */
export const DEFAULT_LOCK_WAIT_MS = 10_000;

/**
 * Runs `attempt` (one whole statement or transaction) until it does not meet a busy database, waiting
 * between attempts without blocking (doubling from 2 ms to 50 ms, so the lock is taken soon after the
 * other writer lets go), for `lockWaitMs` in all. A transaction that met SQLITE_BUSY was rolled back whole
 * (every write begins IMMEDIATE), so a retry starts clean and a final failure leaves nothing half-done.
 */
export async function retryWhileBusy<T>(
  attempt: () => T | Promise<T>,
  lockWaitMs: number,
  path: string,
): Promise<T> {
  const deadline = Date.now() + lockWaitMs;
  for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusy(error)) throw error;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new StoreError(
          "busy",
          `${path} stayed locked by another process for ${Math.round(lockWaitMs / 1000)} s; nothing was changed. Try again when it has finished (a backup or a long command).`,
          { cause: error },
        );
      }
      await sleep(Math.min(pause, left));
    }
  }
}

function isBusy(error: unknown): boolean {
  return (
    error instanceof Database.SqliteError &&
    (error.code === "SQLITE_BUSY" || error.code.startsWith("SQLITE_BUSY_"))
  );
}
