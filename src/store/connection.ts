import { mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { BUSY_TIMEOUT_MS, retryWhileBusy } from "./busy.js";
import { StoreError } from "./errors.js";
import { APPLICATION_ID, SCHEMA_VERSION, migrate, schemaVersion } from "./migrations/index.js";

/**
 * Opens (creating if needed) an endpoint-advice database and migrates it. A file that is not ours, is
 * from a newer version, or is damaged is refused before anything is written to it.
 */
export async function connect(path: string, lockWaitMs: number): Promise<Database.Database> {
  mkdirSync(dirname(path), { recursive: true });
  const db = openFile(path);
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    await retryWhileBusy(() => prepareFile(db, path), lockWaitMs, path);
    return db;
  } catch (error) {
    db.close();
    throw asStoreError(error, path);
  }
}

/**
 * Opens an existing history only to read it: nothing is created, migrated or written. A missing or empty
 * file, one that is not ours, or one at another schema version is refused with what to do.
 */
export async function connectForReading(path: string, lockWaitMs: number): Promise<Database.Database> {
  refuseMissingOrEmpty(path);
  const db = openFile(path, { readonly: true, fileMustExist: true });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    await retryWhileBusy(
      () => {
        if (isNewFile(db, path) || schemaVersion(db) < SCHEMA_VERSION) {
          throw new StoreError(
            "not-initialised",
            `${path} holds no decision history at this version yet (schema version ${schemaVersion(db)}); save a decision or start the app once to create or upgrade it, or choose another file with --db or DATABASE_PATH.`,
          );
        }
      },
      lockWaitMs,
      path,
    );
    return db;
  } catch (error) {
    db.close();
    throw asStoreError(error, path);
  }
}

function refuseMissingOrEmpty(path: string): void {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    throw new StoreError(
      "missing",
      `${path} does not exist, so there is no decision history to read; save one with advise --save, or choose the file with --db or DATABASE_PATH.`,
    );
  }
  if (size === 0) {
    throw new StoreError(
      "empty",
      `${path} is an empty file (0 bytes), not a decision history; choose another file with --db or DATABASE_PATH, or delete it and save a decision to start a new one.`,
    );
  }
}

/** Settings, then migrations: each step may meet another process's lock, and is then retried whole. */
function prepareFile(db: Database.Database, path: string): void {
  // A save touches about a dozen pages (row, indexes, full-text segment) but changes few bytes in most:
  // small pages cut the bytes each save writes to the WAL by more than half. Only a new file can take it.
  if (isNewFile(db, path)) db.pragma("page_size = 1024");
  else refuseDamaged(db, path);
  db.pragma("journal_mode = WAL");
  // Checkpoint every 16 MiB of WAL rather than every 1,000 pages: fewer fsyncs, each page copied once.
  db.pragma("wal_autocheckpoint = 16384");
  // In WAL mode NORMAL never corrupts and keeps every commit across a process crash; only a power cut
  // can lose the last commits. FULL would fsync every save and halve the write rate.
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  migrate(db);
}

function openFile(path: string, options?: Database.Options): Database.Database {
  try {
    return new Database(path, options);
  } catch (error) {
    throw asStoreError(error, path);
  }
}

/** True for an empty file; throws for a file that is not ours or is newer. */
function isNewFile(db: Database.Database, path: string): boolean {
  // Counting the schema reads the first page, so a damaged file fails here rather than mid-command.
  const empty = isEmpty(db);
  const applicationId = db.pragma("application_id", { simple: true }) as number;
  const version = schemaVersion(db);
  if (applicationId === 0 && version === 0 && empty) return true;
  if (applicationId !== APPLICATION_ID) {
    throw new StoreError(
      "foreign-file",
      `${path} is not an endpoint-advice database; choose another file with --db or DATABASE_PATH.`,
    );
  }
  if (version > SCHEMA_VERSION) {
    throw new StoreError(
      "newer-schema",
      `${path} was written by a newer endpoint-advice (schema version ${version}; this one knows up to ${SCHEMA_VERSION}). Upgrade endpoint-advice to use it.`,
    );
  }
  return false;
}

/**
 * A writer checks every page's structure first (PRAGMA quick_check): writing into a damaged file could
 * spread the damage and still report the save as done.
 */
function refuseDamaged(db: Database.Database, path: string): void {
  // Under the write lock: the check reads the full-text index with several statements, and another process
  // writing the file meanwhile looks like damage to it, even within one read transaction. Saves are short,
  // so the lock comes at once (and is waited for, as any write, while another process holds it).
  const [first] = db.transaction(() => db.pragma("quick_check(1)") as { quick_check: string }[]).immediate();
  const problem = first?.quick_check ?? "ok";
  if (problem !== "ok") {
    // One line: the problem without SQLite's banner, then what to do.
    const detail = problem
      .replace(/\*\*\* in database \w+ \*\*\*/, "")
      .trim()
      .replace(/\s+/g, " ");
    throw new StoreError(
      "corrupt",
      `${path} is damaged (${detail}); nothing was written. Restore it from a backup, or move it away to start a new file.`,
    );
  }
}

function isEmpty(db: Database.Database): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_schema").get() as { n: number };
  return row.n === 0;
}

function asStoreError(error: unknown, path: string): unknown {
  if (error instanceof StoreError || !(error instanceof Database.SqliteError)) return error;
  if (error.code === "SQLITE_NOTADB") {
    return new StoreError(
      "foreign-file",
      `${path} is not an endpoint-advice database (not SQLite at all); choose another file with --db or DATABASE_PATH.`,
      { cause: error },
    );
  }
  if (error.code.startsWith("SQLITE_CORRUPT")) {
    return new StoreError(
      "corrupt",
      `${path} is damaged (${error.message}); nothing was written. Restore it from a backup, or move it away to start a new file.`,
      { cause: error },
    );
  }
  return error;
}
