import { sql, type Kysely } from "kysely";

/** What the queries see: every table is written in SQL through Kysely's `sql` tag, so no table types. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type Tables = {};
export type Db = Kysely<Tables>;

export type EngineKind = "sqlite" | "postgres";

/**
 * One database behind the store: the same queries run on both, and the few differences live here and in
 * search.ts (full-text search).
 */
export interface Engine {
  kind: EngineKind;
  /** Where the data lives, for messages: the file path, or the server and database (never a password). */
  location: string;
  /** Runs one read, retried whole while another process holds a lock (SQLite). */
  read<T>(work: (db: Db) => Promise<T>): Promise<T>;
  /**
   * Runs `work` in one transaction that takes the write lock up front (SQLite: BEGIN IMMEDIATE), so it
   * never fails halfway for want of the lock; retried whole while the database is busy; rolled back on
   * any error, leaving nothing half-done.
   */
  write<T>(work: (db: Db) => Promise<T>): Promise<T>;
  /**
   * Runs `work`, which writes with one statement only, as a transaction: on PostgreSQL the statement's
   * own (no BEGIN and COMMIT round trips); on SQLite as `write` does.
   */
  writeStatement<T>(work: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A transaction on one connection of `db`: `begin`, `work`, then commit, or rollback on any error. */
export function inTransaction<T>(db: Db, begin: string, work: (db: Db) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql.raw(begin).execute(connection);
    try {
      const result = await work(connection);
      await sql`COMMIT`.execute(connection);
      return result;
    } catch (error) {
      await sql`ROLLBACK`.execute(connection).catch(() => undefined);
      throw error;
    }
  });
}
