import { sql } from "kysely";
import type { Advice } from "../advice/advice.js";
import type { OptionId, Requirements } from "../vocabulary/index.js";
import { encodeCursor } from "./cursor.js";
import type { Db, Engine } from "./engine.js";
import { decisionNumber, displayId } from "./ids.js";
import { installationRecords } from "./installations.js";
import { statusChangeErrors } from "./lifecycle.js";
import { deliveryStore, insertDelivery, newDelivery } from "./outbox.js";
import { insertDecisions, resyncCounters, type DecisionInsert } from "./postgres/save.js";
import { DECISION_COLUMNS, DECISION_SOURCE, listQuery } from "./search.js";
import type {
  Decision,
  DecisionPage,
  DecisionQuery,
  DecisionStats,
  DecisionStatus,
  DecisionStore,
  NewDecision,
  Result,
  SavedDecision,
  StatusChange,
  StatusChangeRequest,
} from "./types.js";

export interface StoreOptions {
  /** The clock for created and status-change times. */
  now?: () => Date;
  /** SQLite: how long a call waits in all while another process holds the write lock (default 10 s). */
  lockWaitMs?: number;
  /** Only read: a missing or empty file is refused, nothing is created, migrated or written. */
  readOnly?: boolean;
}

/** The decisions repository on either engine. Every query is scoped to a workspace. */
export function decisionStore(engine: Engine, options: StoreOptions = {}): DecisionStore {
  const clock = options.now ?? (() => new Date());
  const now = () => clock().toISOString();

  // SQLite: one writer at a time, so the next number is max(number) + 1, read in the save's transaction.
  const insert = async (db: Db, decision: NewDecision): Promise<SavedDecision> => {
    const existing = await findByDedupeKey(db, decision.workspace, decision.dedupeKey);
    if (existing !== undefined) return { decision: toDecision(existing), created: false, delivery: null };
    const columns = decisionColumns(decision, now());
    const supersedes = supersededNumber(decision);
    const inserted = await first<{ id: number; number: number }>(
      db,
      sql`INSERT INTO decision (workspace, number, dedupe_key, channel, author, created_at, title, requirements,
          advice, option, service, monthly_cost_usd, rendered, supersedes)
        VALUES (${columns.workspace},
          (SELECT coalesce(max(number), 0) + 1 FROM decision WHERE workspace = ${columns.workspace}),
          ${columns.dedupe_key}, ${columns.channel}, ${columns.author}, ${columns.created_at}, ${columns.title},
          ${columns.requirements}, ${columns.advice}, ${columns.option}, ${columns.service},
          ${columns.monthly_cost_usd}, ${columns.rendered},
          (SELECT id FROM decision WHERE workspace = ${columns.workspace} AND number = ${supersedes}))
        RETURNING id, number`,
    );
    const { id, number } = inserted as { id: number; number: number };
    const delivery =
      decision.delivery === undefined
        ? null
        : await insertDelivery(
            db,
            { id, number, workspace: decision.workspace },
            decision.delivery,
            columns.created_at,
          );
    return { decision: savedRecord(decision, columns, { id, number }), created: true, delivery };
  };

  // PostgreSQL: one statement per save (postgres/save.ts), run again when it lost a race.
  const savePostgres = async (decision: NewDecision): Promise<SavedDecision> => {
    const columns = decisionColumns(decision, now());
    const [inserted] = await retryingRaces(() =>
      engine.writeStatement((db) => insertDecisions(db, [insertRow(decision, columns)])),
    );
    if (inserted === undefined) {
      const existing = await engine.read((db) => findByDedupeKey(db, decision.workspace, decision.dedupeKey));
      return { decision: toDecision(existing as DecisionRow), created: false, delivery: null };
    }
    const delivery =
      decision.delivery === undefined || inserted.delivery_id === null
        ? null
        : newDelivery(
            inserted.delivery_id,
            { number: inserted.number, workspace: decision.workspace },
            decision.delivery,
          );
    return { decision: savedRecord(decision, columns, inserted), created: true, delivery };
  };

  const saveManyPostgres = (decisions: NewDecision[]): Promise<number> => {
    // A repeated key within the batch is saved once, as its first occurrence.
    const firsts = new Map<string, NewDecision>();
    for (const decision of decisions) {
      const key = `${decision.workspace}\n${decision.dedupeKey}`;
      if (!firsts.has(key)) firsts.set(key, decision);
    }
    // Columns are built a statement's worth at a time: a whole batch of JSON at once would be hundreds of MB.
    const unique = [...firsts.values()];
    return retryingRaces(() =>
      engine.write(async (db) => {
        let created = 0;
        for (let start = 0; start < unique.length; start += POSTGRES_BATCH) {
          const rows = unique
            .slice(start, start + POSTGRES_BATCH)
            .map((decision) => insertRow(decision, decisionColumns(decision, now())));
          created += (await insertDecisions(db, rows)).length;
        }
        return created;
      }),
    );
  };

  /**
   * Runs a PostgreSQL save again after it lost a race, rolled back whole: another save of the same new
   * dedupe key committed first (the next attempt finds it), or a decision was numbered without the
   * workspace's counter (by an instance of an earlier version during an upgrade: the counters are
   * brought up to date first).
   */
  const retryingRaces = async <T>(save: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await save();
      } catch (error) {
        const constraint = uniqueViolation(error);
        if (constraint === undefined || attempt === RACE_ATTEMPTS) throw error;
        if (constraint === NUMBER_CONSTRAINT) await engine.writeStatement(resyncCounters);
      }
    }
  };

  const changeStatus = async (
    db: Db,
    workspace: string,
    id: string,
    change: StatusChangeRequest,
  ): Promise<Result<Decision>> => {
    const row = await find(db, workspace, id);
    if (row === undefined)
      return { ok: false, errors: [{ field: "id", message: `no decision ${id} in this workspace` }] };
    const decision = toDecision(row);
    const successorRow =
      change.supersededBy === undefined ? undefined : await find(db, workspace, change.supersededBy);
    const errors = statusChangeErrors(decision, change, successorRow && toDecision(successorRow));
    if (errors.length > 0) return { ok: false, errors };
    const comment = change.comment?.trim() ?? "";
    const notes = [row.notes, comment].filter((text) => text !== "").join("\n");
    await sql`UPDATE decision SET status = ${change.status}, superseded_by = ${successorRow?.id ?? null},
      notes = ${notes} WHERE id = ${row.id}`.execute(db);
    if (successorRow !== undefined)
      await sql`UPDATE decision SET supersedes = ${row.id} WHERE id = ${successorRow.id}`.execute(db);
    await sql`INSERT INTO status_change (decision_id, status, actor, at, comment)
      VALUES (${row.id}, ${change.status}, ${change.actor}, ${now()}, ${comment})`.execute(db);
    // Accepting a replacement supersedes the decision it replaces in the same transaction, so no crash can
    // leave both accepted. An original that became final meanwhile (rejected, superseded) stays so.
    if (change.status === "accepted" && decision.supersedes !== null) {
      await changeStatus(db, workspace, decision.supersedes, {
        status: "superseded",
        actor: change.actor,
        supersededBy: decision.id,
      });
    }
    const changed = await first<DecisionRow>(
      db,
      sql`SELECT ${DECISION_COLUMNS} FROM ${DECISION_SOURCE} WHERE d.id = ${row.id}`,
    );
    return { ok: true, value: toDecision(changed as DecisionRow) };
  };

  return {
    saveDecision: (decision) =>
      engine.kind === "postgres" ? savePostgres(decision) : engine.write((db) => insert(db, decision)),
    saveDecisions: (decisions) => {
      const all = [...decisions]; // a retried transaction must see every decision again
      if (engine.kind === "postgres") return saveManyPostgres(all);
      return engine.write(async (db) => {
        let created = 0;
        for (const decision of all) if ((await insert(db, decision)).created) created += 1;
        return created;
      });
    },
    getDecision: (workspace, id) =>
      engine.read(async (db) => {
        const row = await find(db, workspace, id);
        return row && toDecision(row);
      }),
    listDecisions: (workspace, query = {}) => listDecisions(engine, workspace, query),
    changeStatus: (workspace, id, change) => engine.write((db) => changeStatus(db, workspace, id, change)),
    history: (workspace, id) =>
      engine.read(async (db) => {
        const row = await find(db, workspace, id);
        if (row === undefined) return [];
        // Creation is the first entry; it is not stored twice (every save would write two more pages).
        const created: StatusChange = {
          status: "proposed",
          actor: row.author,
          at: row.created_at,
          comment: "",
        };
        const { rows } = await sql<StatusChange>`SELECT status, actor, at, comment FROM status_change
          WHERE decision_id = ${row.id} ORDER BY id`.execute(db);
        return [created, ...rows];
      }),
    setMessageRef: async (workspace, id, channel, ts) => {
      const number = decisionNumber(id);
      if (number === undefined) return;
      await engine.write((db) =>
        sql`UPDATE decision SET message_channel = ${channel}, message_ts = ${ts}
          WHERE workspace = ${workspace} AND number = ${number}`.execute(db),
      );
    },
    stats: (workspace) => engine.read((db) => decisionStats(db, workspace)),
    allDecisions: (workspace) => allDecisions(engine, workspace),
    ...deliveryStore(engine, clock),
    installations: installationRecords(engine),
    close: () => engine.close(),
  };
}

async function listDecisions(
  engine: Engine,
  workspace: string,
  query: DecisionQuery,
): Promise<Result<DecisionPage>> {
  const list = listQuery(engine.kind, workspace, query);
  if (!list.ok) return list;
  const { rows } = await engine.read((db) => list.value.query.execute(db));
  const items = (rows as DecisionRow[]).slice(0, list.value.limit);
  const last = items.at(-1);
  return {
    ok: true,
    value: {
      items: items.map(toDecision),
      nextCursor:
        rows.length > list.value.limit && last !== undefined ? encodeCursor(last.id, workspace, query) : null,
    },
  };
}

/** Reads in batches by row id, so no statement stays open between batches while others write. */
async function* allDecisions(engine: Engine, workspace: string | undefined): AsyncGenerator<Decision> {
  const scope = workspace === undefined ? sql`` : sql`d.workspace = ${workspace} AND`;
  for (let after = 0; ;) {
    const { rows } = await engine.read((db) =>
      sql<DecisionRow>`SELECT ${DECISION_COLUMNS} FROM ${DECISION_SOURCE}
        WHERE ${scope} d.id > ${after} ORDER BY d.id LIMIT ${ALL_BATCH}`.execute(db),
    );
    for (const row of rows) yield toDecision(row);
    const last = rows.at(-1);
    if (last === undefined || rows.length < ALL_BATCH) return;
    after = last.id;
  }
}

const ALL_BATCH = 500;

/** Rows per statement when PostgreSQL saves many: their columns travel as arrays (a few MB). */
const POSTGRES_BATCH = 500;
const RACE_ATTEMPTS = 3;
const NUMBER_CONSTRAINT = "decision_workspace_number_key";

/** The constraint a PostgreSQL unique violation names (SQLSTATE 23505), else undefined. */
function uniqueViolation(error: unknown): string | undefined {
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return code === "23505" && typeof constraint === "string" ? constraint : undefined;
}

function findByDedupeKey(db: Db, workspace: string, dedupeKey: string): Promise<DecisionRow | undefined> {
  return first<DecisionRow>(
    db,
    sql`SELECT ${DECISION_COLUMNS} FROM ${DECISION_SOURCE}
      WHERE d.workspace = ${workspace} AND d.dedupe_key = ${dedupeKey}`,
  );
}

function find(db: Db, workspace: string, id: string): Promise<DecisionRow | undefined> {
  const number = decisionNumber(id);
  if (number === undefined) return Promise.resolve(undefined);
  return first<DecisionRow>(
    db,
    sql`SELECT ${DECISION_COLUMNS} FROM ${DECISION_SOURCE} WHERE d.workspace = ${workspace} AND d.number = ${number}`,
  );
}

async function first<T>(db: Db, query: ReturnType<typeof sql<unknown>>): Promise<T | undefined> {
  const { rows } = await query.execute(db);
  return rows[0] as T | undefined;
}

async function decisionStats(db: Db, workspace: string): Promise<DecisionStats> {
  const perOption = await sql<
    DecisionStats["perOption"][number]
  >`SELECT option, CAST(count(*) AS integer) AS count
    FROM decision WHERE workspace = ${workspace} GROUP BY option ORDER BY count DESC, option`.execute(db);
  const perMonth = await sql<DecisionStats["perMonth"][number]>`SELECT substr(created_at, 1, 7) AS month,
      CAST(count(*) AS integer) AS count
    FROM decision WHERE workspace = ${workspace} GROUP BY substr(created_at, 1, 7) ORDER BY month`.execute(
    db,
  );
  const accepted = await first<{ usd: number }>(
    db,
    sql`SELECT coalesce(sum(monthly_cost_usd), 0) AS usd FROM decision
      WHERE workspace = ${workspace} AND status = 'accepted'`,
  );
  return {
    perOption: perOption.rows,
    perMonth: perMonth.rows,
    acceptedMonthlyCostUsd: Math.round((accepted?.usd ?? 0) * 100) / 100,
  };
}

/** The columns a new decision is inserted with, named as the row returns them (both engines' saves). */
export interface DecisionColumns {
  workspace: string;
  dedupe_key: string;
  channel: string | null;
  author: string;
  created_at: string;
  title: string;
  requirements: string;
  advice: string;
  option: string;
  service: string | null;
  monthly_cost_usd: number;
  rendered: string;
}

/** A row as DECISION_COLUMNS returns it. */
interface DecisionRow extends Omit<DecisionColumns, "dedupe_key"> {
  id: number;
  number: number;
  status: string;
  notes: string;
  message_channel: string | null;
  message_ts: string | null;
  superseded_by_number: number | null;
  supersedes_number: number | null;
}

function decisionColumns(decision: NewDecision, createdAt: string): DecisionColumns {
  const { advice } = decision;
  return {
    workspace: decision.workspace,
    dedupe_key: decision.dedupeKey,
    channel: decision.channel,
    author: decision.author,
    created_at: createdAt,
    title: decision.title,
    requirements: JSON.stringify(decision.requirements),
    advice: JSON.stringify(advice),
    option: advice.recommendation.option,
    service: decision.requirements.service ?? null,
    monthly_cost_usd: advice.recommendation.monthlyCostUsd,
    rendered: decision.rendered,
  };
}

/** The number of the decision a re-run replaces, or null. */
function supersededNumber(decision: NewDecision): number | null {
  return decision.supersedes === undefined ? null : (decisionNumber(decision.supersedes) ?? null);
}

function insertRow(decision: NewDecision, columns: DecisionColumns): DecisionInsert {
  const { delivery } = decision;
  return {
    ...columns,
    supersedes: supersededNumber(decision),
    delivery_kind: delivery?.kind ?? null,
    delivery_channel: delivery?.channel ?? null,
    delivery_user: delivery?.user ?? null,
    delivery_response_url: delivery?.responseUrl ?? null,
  };
}

/** The decision just saved, built from what was written: no read back, no JSON parsing on the hot path. */
function savedRecord(
  decision: NewDecision,
  columns: DecisionColumns,
  saved: { id: number; number: number },
): Decision {
  const row: DecisionRow = {
    ...columns,
    ...NEW_DECISION_STATE,
    supersedes_number: supersededNumber(decision),
    id: saved.id,
    number: saved.number,
  };
  return recordOf(row, decision.requirements, decision.advice);
}

/** What every new decision starts with. */
const NEW_DECISION_STATE = {
  status: "proposed",
  notes: "",
  message_channel: null,
  message_ts: null,
  superseded_by_number: null,
  supersedes_number: null,
} as const;

function toDecision(row: DecisionRow): Decision {
  return recordOf(row, JSON.parse(row.requirements) as Requirements, JSON.parse(row.advice) as Advice);
}

function recordOf(row: DecisionRow, requirements: Requirements, advice: Advice): Decision {
  return {
    id: displayId(row.number),
    workspace: row.workspace,
    channel: row.channel,
    author: row.author,
    createdAt: row.created_at,
    title: row.title,
    requirements,
    advice,
    option: row.option as OptionId,
    service: row.service,
    monthlyCostUsd: row.monthly_cost_usd,
    rendered: row.rendered,
    versions: advice.versions,
    status: row.status as DecisionStatus,
    supersededBy: row.superseded_by_number === null ? null : displayId(row.superseded_by_number),
    supersedes: row.supersedes_number === null ? null : displayId(row.supersedes_number),
    notes: row.notes,
    messageChannel: row.message_channel,
    messageTs: row.message_ts,
  };
}
