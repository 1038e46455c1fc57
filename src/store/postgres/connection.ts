import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { inTransaction, type Db, type Engine, type Tables } from "../engine.js";
import { StoreError } from "../errors.js";
import { POSTGRES_MIGRATIONS, POSTGRES_SCHEMA_VERSION } from "./migrations.js";
import { preparingPool } from "./prepared.js";

/** First key of every advisory lock the store takes ("EA"); the second says what is locked. */
const LOCK_SPACE = 0x4541;
const MIGRATION_LOCK = 0;

export interface PostgresOptions {
  /** Connections in the pool (default 10: at least as many as the saves a busy instance runs at once). */
  poolSize?: number;
  /** Read only: no migration; a database not at this version is refused. */
  readOnly?: boolean;
}

/**
 * Connects to the PostgreSQL database at `url` and migrates it under an advisory lock, so instances
 * starting at once apply each version exactly once. A database written by a newer version is refused.
 */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Engine> {
  const location = describe(url);
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  // An idle connection the server drops must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  try {
    await (options.readOnly ? checkVersion(db, location) : migrate(db, location));
  } catch (error) {
    await db.destroy();
    throw asStoreError(error, location);
  }
  return {
    kind: "postgres",
    location,
    read: (work) => work(db),
    write: (work) => inTransaction(db, options.readOnly ? "BEGIN READ ONLY" : "BEGIN", work),
    // One statement is a transaction of its own: no BEGIN and COMMIT round trips.
    writeStatement: (work) => work(db),
    close: () => db.destroy(),
  };
}

async function migrate(db: Db, location: string): Promise<void> {
  await db.connection().execute(async (connection) => {
    await sql`SELECT pg_advisory_lock(${LOCK_SPACE}::int, ${MIGRATION_LOCK}::int)`.execute(connection);
    try {
      await sql`CREATE TABLE IF NOT EXISTS endpoint_advice_schema (version integer NOT NULL)`.execute(
        connection,
      );
      const current = await versionOf(connection);
      refuseNewer(current, location);
      for (let version = current + 1; version <= POSTGRES_SCHEMA_VERSION; version += 1) {
        await inTransaction(connection, "BEGIN", async (trx) => {
          await sql.raw(POSTGRES_MIGRATIONS[version - 1] as string).execute(trx);
          await sql`DELETE FROM endpoint_advice_schema`.execute(trx);
          await sql`INSERT INTO endpoint_advice_schema (version) VALUES (${version})`.execute(trx);
        });
      }
    } finally {
      await sql`SELECT pg_advisory_unlock(${LOCK_SPACE}::int, ${MIGRATION_LOCK}::int)`.execute(connection);
    }
  });
}

async function checkVersion(db: Db, location: string): Promise<void> {
  const exists = await sql<{
    found: boolean;
  }>`SELECT to_regclass('endpoint_advice_schema') IS NOT NULL AS found`.execute(db);
  const version = exists.rows[0]?.found ? await versionOf(db) : 0;
  refuseNewer(version, location);
  if (version < POSTGRES_SCHEMA_VERSION) {
    throw new StoreError(
      "not-initialised",
      `${location} has no endpoint-advice history at this version yet (schema version ${version}); start the app, or save a decision, once to create or upgrade it.`,
    );
  }
}

async function versionOf(db: Db): Promise<number> {
  const { rows } = await sql<{
    version: number;
  }>`SELECT max(version) AS version FROM endpoint_advice_schema`.execute(db);
  return rows[0]?.version ?? 0;
}

function refuseNewer(version: number, location: string): void {
  if (version > POSTGRES_SCHEMA_VERSION) {
    throw new StoreError(
      "newer-schema",
      `${location} was written by a newer endpoint-advice (schema version ${version}; this one knows up to ${POSTGRES_SCHEMA_VERSION}). Upgrade endpoint-advice to use it.`,
    );
  }
}

/** The server and database of a connection URL, for messages: never its password. */
export function describe(url: string): string {
  try {
    const parsed = new URL(url);
    return `PostgreSQL database ${parsed.pathname.slice(1) || "(default)"} on ${parsed.host || "localhost"}`;
  } catch {
    return "the PostgreSQL database in DATABASE_URL";
  }
}

function asStoreError(error: unknown, location: string): unknown {
  if (error instanceof StoreError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new StoreError(
    "unreachable",
    `${location} could not be used (${message}); check DATABASE_URL and that the server is running.`,
    { cause: error },
  );
}
