import type Database from "better-sqlite3";
import { Kysely, SqliteDialect, type SqliteDatabase, type SqliteStatement } from "kysely";
import { retryWhileBusy } from "./busy.js";
import { inTransaction, type Db, type Engine, type Tables } from "./engine.js";

/**
 * The store's engine over an open, migrated SQLite file. Kysely's SQLite driver keeps one connection and
 * queues callers, so a transaction here is never interleaved with another query of this process.
 */
export function sqliteEngine(db: Database.Database, path: string, lockWaitMs: number): Engine {
  const kysely = new Kysely<Tables>({ dialect: new SqliteDialect({ database: cachingStatements(db) }) });
  const retried = <T>(attempt: () => Promise<T>) => retryWhileBusy(attempt, lockWaitMs, path);
  const write = <T>(work: (db: Db) => Promise<T>) =>
    retried(() => inTransaction(kysely, "BEGIN IMMEDIATE", work));
  return {
    kind: "sqlite",
    location: path,
    read: (work) => retried(() => work(kysely)),
    write,
    writeStatement: write,
    close: async () => {
      await kysely.destroy();
      // Kysely opens its driver on the first query; a store that ran none still holds the file.
      if (db.open) db.close();
    },
  };
}

/** Kysely prepares every query it runs; preparing each distinct SQL text once saves that on every call. */
function cachingStatements(db: Database.Database): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    prepare: (text) => {
      let statement = statements.get(text);
      if (statement === undefined) {
        statement = db.prepare(text);
        statements.set(text, statement);
      }
      return statement;
    },
    close: () => db.close(),
  };
}
