import { sql, type RawBuilder } from "kysely";
import type { DecisionColumns } from "../decisions.js";
import type { Db } from "../engine.js";
import { PREPARED } from "./prepared.js";

/** A new decision's columns as the save writes them, with the number it replaces and its delivery. */
export interface DecisionInsert extends DecisionColumns {
  supersedes: number | null;
  delivery_kind: string | null;
  delivery_channel: string | null;
  delivery_user: string | null;
  delivery_response_url: string | null;
}

/** What the save wrote for the `index`-th input; inputs whose dedupe key was stored already are absent. */
export interface Inserted {
  index: number;
  id: number;
  number: number;
  delivery_id: number | null;
}

/**
 * Saves decisions in one statement, so one save is one round trip and one implicit transaction:
 * the inputs whose dedupe key is new in their workspace are numbered from the workspace's counter row
 * (decision_counter, 005) and inserted with their deliveries. The counter row's lock, taken by the
 * upsert, orders the writers of one workspace until commit: numbers stay gapless, since a save that
 * rolls back rolls its increment back too, and ids grow with the numbers within a workspace.
 *
 * Two saves of one new dedupe key at once: the second waits on the counter row, then fails the unique
 * (workspace, dedupe_key) constraint and is rolled back whole; the caller runs it again and finds the key.
 */
export async function insertDecisions(db: Db, rows: readonly DecisionInsert[]): Promise<Inserted[]> {
  const input = rows.length === 1 ? oneRow(rows[0] as DecisionInsert) : manyRows(rows);
  const { rows: inserted } = await sql<Inserted>`${PREPARED} WITH input AS (${input}),
    fresh AS (
      SELECT i.*, row_number() OVER (PARTITION BY i.workspace ORDER BY i.ord) AS k FROM input i
      WHERE NOT EXISTS (SELECT 1 FROM decision d WHERE d.workspace = i.workspace AND d.dedupe_key = i.dedupe_key)
    ),
    wanted AS (SELECT workspace, CAST(count(*) AS integer) AS n FROM fresh GROUP BY workspace),
    counter AS (
      INSERT INTO decision_counter AS c (workspace, last_number) SELECT workspace, n FROM wanted
      ON CONFLICT (workspace) DO UPDATE SET last_number = c.last_number + excluded.last_number
      RETURNING workspace, last_number
    ),
    saved AS (
      INSERT INTO decision (workspace, number, dedupe_key, channel, author, created_at, title, requirements,
        advice, option, service, monthly_cost_usd, rendered, supersedes)
      SELECT f.workspace, c.last_number - w.n + f.k, f.dedupe_key, f.channel, f.author, f.created_at, f.title,
        f.requirements, f.advice, f.option, f.service, f.monthly_cost_usd, f.rendered,
        (SELECT s.id FROM decision s WHERE s.workspace = f.workspace AND s.number = f.supersedes)
      FROM fresh f JOIN wanted w USING (workspace) JOIN counter c USING (workspace)
      ORDER BY f.ord
      RETURNING id, workspace, number, dedupe_key
    ),
    delivered AS (
      INSERT INTO delivery (decision_id, workspace, decision_number, kind, channel, user_id, response_url,
        available_at, created_at)
      SELECT s.id, s.workspace, s.number, f.delivery_kind, f.delivery_channel, f.delivery_user,
        f.delivery_response_url, f.created_at, f.created_at
      FROM saved s JOIN fresh f USING (workspace, dedupe_key) WHERE f.delivery_kind IS NOT NULL
      RETURNING id, decision_id
    )
    SELECT CAST(f.ord AS integer) - 1 AS index, s.id, s.number, d.id AS delivery_id
    FROM saved s JOIN fresh f USING (workspace, dedupe_key) LEFT JOIN delivered d ON d.decision_id = s.id`.execute(
    db,
  );
  return inserted;
}

/**
 * Brings every workspace's counter up to its highest number, for a decision numbered by an earlier
 * version (an instance not yet upgraded, which took max(number) + 1) after the counters were created.
 */
export async function resyncCounters(db: Db): Promise<void> {
  await sql`INSERT INTO decision_counter AS c (workspace, last_number)
      SELECT workspace, max(number) FROM decision GROUP BY workspace
    ON CONFLICT (workspace) DO UPDATE SET last_number = greatest(c.last_number, excluded.last_number)`.execute(
    db,
  );
}

const COLUMNS = [
  ["workspace", "text"],
  ["dedupe_key", "text"],
  ["channel", "text"],
  ["author", "text"],
  ["created_at", "text"],
  ["title", "text"],
  ["requirements", "text"],
  ["advice", "text"],
  ["option", "text"],
  ["service", "text"],
  ["monthly_cost_usd", "double precision"],
  ["rendered", "text"],
  ["supersedes", "integer"],
  ["delivery_kind", "text"],
  ["delivery_channel", "text"],
  ["delivery_user", "text"],
  ["delivery_response_url", "text"],
] as const satisfies readonly (readonly [keyof DecisionInsert, string])[];

// One save binds plain values: no array literal to build and parse for a single row.
function oneRow(row: DecisionInsert): RawBuilder<unknown> {
  const values = COLUMNS.map(
    ([name, type]) => sql`CAST(${row[name]} AS ${sql.raw(type)}) AS ${sql.ref(name)}`,
  );
  return sql`SELECT ${sql.join(values)}, CAST(1 AS bigint) AS ord`;
}

function manyRows(rows: readonly DecisionInsert[]): RawBuilder<unknown> {
  const arrays = COLUMNS.map(
    ([name, type]) => sql`CAST(${rows.map((row) => row[name])} AS ${sql.raw(type)}[])`,
  );
  const names = COLUMNS.map(([name]) => name).join(", ");
  return sql`SELECT * FROM unnest(${sql.join(arrays)}) WITH ORDINALITY AS i(${sql.raw(names)}, ord)`;
}
