import type Database from "better-sqlite3";
import { decisions } from "./001-decisions.js";
import { searchAndAudit } from "./002-search-and-audit.js";
import { outbox } from "./003-outbox.js";
import { installations } from "./004-installations.js";

/** Marks a SQLite file as ours (PRAGMA application_id): "EAdv" in ASCII. */
export const APPLICATION_ID = 0x45416476;

/** Schema versions in order; version N is the N-th entry and is recorded in PRAGMA user_version. */
export const MIGRATIONS: readonly string[] = [decisions, searchAndAudit, outbox, installations];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the file up to `target`, one transaction per migration. Each transaction re-reads the version
 * under the write lock, so two processes opening the same new file at once apply every step exactly once.
 */
export function migrate(db: Database.Database, target = SCHEMA_VERSION): void {
  MIGRATIONS.slice(0, target).forEach((sql, index) => {
    const version = index + 1;
    const step = db.transaction(() => {
      if (schemaVersion(db) >= version) return;
      db.exec(sql);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${version}`);
    });
    step.immediate();
  });
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma("user_version", { simple: true }) as number;
}
