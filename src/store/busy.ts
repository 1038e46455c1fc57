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
      if (!isBusy(error)) throw cannotWrite(error, path) ?? error;
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

/** A full disk or a read-only file, as a StoreError saying so; undefined for any other error. */
function cannotWrite(error: unknown, path: string): StoreError | undefined {
  if (!(error instanceof Database.SqliteError)) return undefined;
  if (error.code === "SQLITE_FULL")
    return new StoreError(
      "full",
      `${path}: the disk is full; nothing was changed. Make room on it, then try again.`,
      { cause: error },
    );
  if (error.code === "SQLITE_READONLY" || error.code.startsWith("SQLITE_READONLY_"))
    return new StoreError(
      "read-only",
      `${path} can only be read at the moment (its file, folder or file system is read-only); nothing was changed.`,
      { cause: error },
    );
  return undefined;
}

function isBusy(error: unknown): boolean {
  return (
    error instanceof Database.SqliteError &&
    (error.code === "SQLITE_BUSY" || error.code.startsWith("SQLITE_BUSY_"))
  );
}
