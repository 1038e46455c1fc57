import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DecisionStore } from "../../src/store/index.js";
import { testDatabase, type TestDatabase } from "./engines.js";
import { newDecision } from "./new-decision.js";

// PostgreSQL numbers a workspace's decisions from its counter row; these are the ways numbers can be
// written around it: by an earlier version during an upgrade, and by the purge after an uninstall.
describe("the workspace counter on postgres", () => {
  let database: TestDatabase;
  let store: DecisionStore;

  beforeEach(async () => {
    database = await testDatabase("postgres");
    store = await database.open();
  });
  afterEach(async () => {
    await store.close();
    await database.remove();
  });

  async function run(statement: string): Promise<void> {
    const client = new pg.Client({ connectionString: database.location });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  }

  it("numbers on after a decision an earlier version numbered with max(number) + 1", async () => {
    await store.saveDecision(newDecision({ dedupeKey: "first" }));
    await run(`INSERT INTO decision (workspace, number, dedupe_key, channel, author, created_at, title,
        requirements, advice, option, service, monthly_cost_usd, rendered)
      SELECT workspace, number + 1, 'by-an-earlier-version', channel, author, created_at, title, requirements,
        advice, option, service, monthly_cost_usd, rendered FROM decision WHERE number = 1`);
    const saved = await store.saveDecision(newDecision({ dedupeKey: "third" }));
    expect(saved.decision.id).toBe("EA-3");
    expect((await store.saveDecision(newDecision({ dedupeKey: "fourth" }))).decision.id).toBe("EA-4");
  });

  it("follows the decisions that remain when some are deleted", async () => {
    for (const key of ["a", "b", "c"]) await store.saveDecision(newDecision({ dedupeKey: key }));
    await run("DELETE FROM decision WHERE number = 3");
    expect((await store.saveDecision(newDecision({ dedupeKey: "d" }))).decision.id).toBe("EA-3");
  });
});
