import type Database from "better-sqlite3";
import type { Advice } from "../advice/advice.js";
import type { OptionId, Requirements } from "../vocabulary/index.js";
import { DEFAULT_LOCK_WAIT_MS, retryWhileBusy } from "./busy.js";
import { decisionNumber } from "./decision-id.js";
import { statusChangeErrors } from "./lifecycle.js";
import { DECISION_COLUMNS, DECISION_SOURCE, listStatement } from "./search.js";
import type {
  Decision,
  DecisionPage,
  DecisionStats,
  DecisionId,
  DecisionStatus,
  DecisionStore,
  NewDecision,
  Result,
  StatusChange,
  StatusChangeRequest,
} from "./types.js";

export interface StoreOptions {
  /** The clock for created and status-change times. */
  now?: () => Date;
  /** How long a call waits in all while another process holds the write lock (default 10 s). */
  lockWaitMs?: number;
}

/** The decisions repository over an open, migrated connection. Every query is scoped to a workspace. */
export function decisionStore(
  db: Database.Database,
  path: string,
  options: StoreOptions = {},
): DecisionStore {
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const lockWaitMs = options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS;
  const run = <T>(attempt: () => T) => retryWhileBusy(attempt, lockWaitMs, path);
  const statements = prepareStatements(db);
  const listStatements = new Map<string, Database.Statement>();

  const find = (workspace: string, id: string): DecisionRow | undefined => {
    const number = decisionNumber(id);
    if (number === undefined) return undefined;
    return statements.byNumber.get({ workspace, number }) as DecisionRow | undefined;
  };

  const insert = (decision: NewDecision): { decision: Decision; created: boolean } => {
    const existing = statements.byDedupeKey.get({
      workspace: decision.workspace,
      dedupeKey: decision.dedupeKey,
    }) as DecisionRow | undefined;
    if (existing !== undefined) return { decision: toDecision(existing), created: false };
    const columns = decisionColumns(decision, now());
    const { id, number } = statements.insert.get(columns) as { id: number; number: number };
    const supersedes_number = decision.supersedes === undefined ? null : decisionNumber(decision.supersedes);
    const row: DecisionRow = {
      ...columns,
      ...NEW_DECISION_STATE,
      supersedes_number: supersedes_number ?? null,
      id,
      number,
    };
    // Built from what was just written: no read back, no JSON parsing on the hot path.
    return { decision: recordOf(row, decision.requirements, decision.advice), created: true };
  };

  const changeStatus = (workspace: string, id: string, change: StatusChangeRequest): Result<Decision> => {
    const row = find(workspace, id);
    if (row === undefined)
      return { ok: false, errors: [{ field: "id", message: `no decision ${id} in this workspace` }] };
    const decision = toDecision(row);
    const successorRow = change.supersededBy === undefined ? undefined : find(workspace, change.supersededBy);
    const errors = statusChangeErrors(decision, change, successorRow && toDecision(successorRow));
    if (errors.length > 0) return { ok: false, errors };
    const at = now();
    const comment = change.comment?.trim() ?? "";
    statements.updateStatus.run({
      id: row.id,
      status: change.status,
      supersededBy: successorRow?.id ?? null,
      notes: [row.notes, comment].filter((text) => text !== "").join("\n"),
    });
    if (successorRow !== undefined) statements.linkSuccessor.run({ id: successorRow.id, supersedes: row.id });
    statements.insertChange.run({
      decisionId: row.id,
      status: change.status,
      actor: change.actor,
      at,
      comment,
    });
    return { ok: true, value: toDecision(statements.byId.get({ id: row.id }) as DecisionRow) };
  };

  // Every write takes the write lock up front (BEGIN IMMEDIATE), so a busy file waits out busy_timeout
  // instead of failing halfway when a read would have to become a write.
  const saveOne = db.transaction(insert);
  const saveMany = db.transaction((all: Iterable<NewDecision>) => {
    let created = 0;
    for (const decision of all) if (insert(decision).created) created += 1;
    return created;
  });
  const changeOne = db.transaction(changeStatus);

  // Every call is one statement or one transaction, retried whole while another process holds the lock.
  return {
    saveDecision: (decision) => run(() => saveOne.immediate(decision)),
    saveDecisions: (decisions) => {
      const all = [...decisions]; // a retry must see every decision again
      return run(() => saveMany.immediate(all));
    },
    getDecision: (workspace, id) =>
      run(() => {
        const row = find(workspace, id);
        return row && toDecision(row);
      }),
    listDecisions: (workspace, query = {}) => {
      const statement = listStatement(workspace, query);
      if (!statement.ok) return Promise.resolve(statement);
      const { sql, params, limit } = statement.value;
      let prepared = listStatements.get(sql);
      if (prepared === undefined) {
        prepared = db.prepare(sql);
        listStatements.set(sql, prepared);
      }
      const rows = prepared;
      return run(() => ({ ok: true, value: toPage(rows.all(params) as DecisionRow[], limit) }));
    },
    changeStatus: (workspace, id, change) => run(() => changeOne.immediate(workspace, id, change)),
    history: (workspace, id) =>
      run(() => {
        const row = find(workspace, id);
        if (row === undefined) return [];
        // Creation is the first entry; it is not stored twice (every save would write two more pages).
        const created: StatusChange = {
          status: "proposed",
          actor: row.author,
          at: row.created_at,
          comment: "",
        };
        return [created, ...(statements.changes.all({ decisionId: row.id }) as StatusChange[])];
      }),
    setMessageRef: (workspace, id, channel, ts) =>
      run(() => {
        const number = decisionNumber(id);
        if (number !== undefined) statements.setMessageRef.run({ workspace, number, channel, ts });
      }),
    stats: (workspace) => run(() => decisionStats(statements, workspace)),
    allDecisions: (workspace) =>
      allDecisions((after) =>
        run(
          () =>
            statements.batch.all({ workspace: workspace ?? null, after, limit: ALL_BATCH }) as DecisionRow[],
        ),
      ),
    close: () => {
      db.close();
      return Promise.resolve();
    },
  };
}

/** Reads in batches by row id, so no statement stays open between batches while others write. */
async function* allDecisions(batchAfter: (id: number) => Promise<DecisionRow[]>): AsyncGenerator<Decision> {
  let after = 0;
  for (;;) {
    const rows = await batchAfter(after);
    for (const row of rows) yield toDecision(row);
    const last = rows.at(-1);
    if (last === undefined || rows.length < ALL_BATCH) return;
    after = last.id;
  }
}

const ALL_BATCH = 500;

function prepareStatements(db: Database.Database) {
  const select = `SELECT ${DECISION_COLUMNS} FROM ${DECISION_SOURCE}`;
  return {
    byId: db.prepare(`${select} WHERE d.id = @id`),
    byNumber: db.prepare(`${select} WHERE d.workspace = @workspace AND d.number = @number`),
    byDedupeKey: db.prepare(`${select} WHERE d.workspace = @workspace AND d.dedupe_key = @dedupeKey`),
    batch: db.prepare(
      `${select} WHERE (@workspace IS NULL OR d.workspace = @workspace) AND d.id > @after ORDER BY d.id LIMIT @limit`,
    ),
    insert: db.prepare(`
      INSERT INTO decision (workspace, number, dedupe_key, channel, author, created_at, title, requirements,
        advice, option, service, monthly_cost_usd, rendered, supersedes)
      VALUES (@workspace,
        (SELECT coalesce(max(number), 0) + 1 FROM decision WHERE workspace = @workspace),
        @dedupe_key, @channel, @author, @created_at, @title, @requirements, @advice, @option, @service,
        @monthly_cost_usd, @rendered,
        (SELECT id FROM decision WHERE workspace = @workspace AND number = @supersedes))
      RETURNING id, number`),
    insertChange: db.prepare(`
      INSERT INTO status_change (decision_id, status, actor, at, comment)
      VALUES (@decisionId, @status, @actor, @at, @comment)`),
    updateStatus: db.prepare(
      `UPDATE decision SET status = @status, superseded_by = @supersededBy, notes = @notes WHERE id = @id`,
    ),
    linkSuccessor: db.prepare(`UPDATE decision SET supersedes = @supersedes WHERE id = @id`),
    changes: db.prepare(
      `SELECT status, actor, at, comment FROM status_change WHERE decision_id = @decisionId ORDER BY id`,
    ),
    setMessageRef: db.prepare(
      `UPDATE decision SET message_channel = @channel, message_ts = @ts WHERE workspace = @workspace AND number = @number`,
    ),
    perOption: db.prepare(
      `SELECT option, count(*) AS count FROM decision WHERE workspace = @workspace GROUP BY option ORDER BY count DESC, option`,
    ),
    perMonth: db.prepare(`
      SELECT substr(created_at, 1, 7) AS month, count(*) AS count FROM decision
      WHERE workspace = @workspace GROUP BY month ORDER BY month`),
    acceptedCost: db.prepare(`
      SELECT coalesce(sum(monthly_cost_usd), 0) AS usd FROM decision
      WHERE workspace = @workspace AND status = 'accepted'`),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

function decisionStats(statements: Statements, workspace: string): DecisionStats {
  const { usd } = statements.acceptedCost.get({ workspace }) as { usd: number };
  return {
    perOption: statements.perOption.all({ workspace }) as DecisionStats["perOption"],
    perMonth: statements.perMonth.all({ workspace }) as DecisionStats["perMonth"],
    acceptedMonthlyCostUsd: Math.round(usd * 100) / 100,
  };
}

/** A row as SELECT d.* plus the linked numbers returns it. */
interface DecisionRow {
  id: number;
  workspace: string;
  number: number;
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
  status: string;
  notes: string;
  message_channel: string | null;
  message_ts: string | null;
  superseded_by_number: number | null;
  supersedes_number: number | null;
}

/** The columns a new decision is inserted with, named as the row returns them. */
function decisionColumns(decision: NewDecision, createdAt: string) {
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
    supersedes: decision.supersedes === undefined ? null : (decisionNumber(decision.supersedes) ?? null),
  };
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

function displayId(number: number): DecisionId {
  return `EA-${number}`;
}

function toPage(rows: DecisionRow[], limit: number): DecisionPage {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(toDecision),
    nextCursor: rows.length > limit && last !== undefined ? String(last.id) : null,
  };
}
