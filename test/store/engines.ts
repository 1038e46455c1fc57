import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { openStore, type DecisionStore, type StoreOptions } from "../../src/store/index.js";
import { tempFolder } from "./new-decision.js";

/** The engines every contract test runs on. */
export const ENGINES = ["sqlite", "postgres"] as const;
export type EngineName = (typeof ENGINES)[number];

export interface TestDatabase {
  /** What openStore takes: a file path, or a URL whose search_path is a schema of this test's own. */
  location: string;
  open(options?: StoreOptions): Promise<DecisionStore>;
  remove(): Promise<void>;
}

/** A new, empty database on `engine`: a file in a temporary folder, or a fresh PostgreSQL schema. */
export async function testDatabase(engine: EngineName): Promise<TestDatabase> {
  if (engine === "sqlite") {
    const folder = tempFolder();
    const location = folder.path("nested/decisions.db");
    return {
      location,
      open: (options) => openStore(location, options),
      remove: () => Promise.resolve(folder.remove()),
    };
  }
  const url = inject("postgresUrl");
  const schema = `t_${randomBytes(6).toString("hex")}`;
  await admin(url, `CREATE SCHEMA ${schema}`);
  const location = `${url}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    location,
    open: (options) => openStore(location, options),
    remove: () => admin(url, `DROP SCHEMA ${schema} CASCADE`),
  };
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
