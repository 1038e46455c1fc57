import { sql, type RawBuilder } from "kysely";
import { decodeCursor } from "./cursor.js";
import type { EngineKind } from "./engine.js";
import type { DecisionQuery, FieldError, Result } from "./types.js";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 500;

/** A decision row joined with the numbers of the decisions it links to. */
export const DECISION_COLUMNS = sql.raw(
  `d.id, d.workspace, d.number, d.channel, d.author, d.created_at, d.title, d.requirements, d.advice, d.option,
   d.service, d.monthly_cost_usd, d.rendered, d.status, d.notes, d.message_channel, d.message_ts,
   s.number AS superseded_by_number, p.number AS supersedes_number`,
);
const LINKS = sql.raw(
  `LEFT JOIN decision s ON s.id = d.superseded_by LEFT JOIN decision p ON p.id = d.supersedes`,
);

/** The FROM clause every single-decision read uses. */
export const DECISION_SOURCE = sql`decision d ${LINKS}`;

export interface ListQuery {
  query: RawBuilder<unknown>;
  limit: number;
}

/**
 * The SELECT for one page of `listDecisions`, newest first, fetching one row more than a page to know
 * whether there is a next one. Or the fields it cannot use: a date that is not one, a forged cursor.
 */
export function listQuery(engine: EngineKind, workspace: string, query: DecisionQuery): Result<ListQuery> {
  const limit = pageSize(query.limit);
  const errors: FieldError[] = [];
  const valueOf = <T>(value: T | FieldError): T | undefined => {
    if (typeof value === "object" && value !== null && "field" in value) {
      errors.push(value);
      return undefined;
    }
    return value;
  };
  const from = query.from === undefined ? undefined : valueOf(instant("from", query.from, "start"));
  const to = query.to === undefined ? undefined : valueOf(instant("to", query.to, "end"));
  const cursor =
    query.cursor === undefined ? undefined : valueOf(decodeCursor(query.cursor, workspace, query));
  if (errors.length > 0) return { ok: false, errors };

  const text = textSearch(engine, query.text ?? "");
  const where = [sql`d.workspace = ${workspace}`];
  if (text !== null) where.push(text.condition);
  if (query.status !== undefined) where.push(sql`d.status = ${query.status}`);
  if (query.option !== undefined) where.push(sql`d.option = ${query.option}`);
  if (query.service !== undefined) where.push(sql`d.service = ${query.service}`);
  if (query.author !== undefined) where.push(sql`d.author = ${query.author}`);
  if (from !== undefined) where.push(sql`d.created_at >= ${from}`);
  if (to !== undefined) where.push(sql`d.created_at <= ${to}`);
  const key = text?.key ?? sql.raw("d.id");
  if (cursor !== undefined) where.push(sql`${key} < ${cursor}`);
  const source = text?.source ?? sql.raw("decision d");
  return {
    ok: true,
    value: {
      query: sql`SELECT ${DECISION_COLUMNS} FROM ${source} ${LINKS} WHERE ${sql.join(where, sql` AND `)}
        ORDER BY ${key} DESC LIMIT ${limit + 1}`,
      limit,
    },
  };
}

interface TextSearch {
  source: RawBuilder<unknown>;
  condition: RawBuilder<unknown>;
  /** The row key to order and page by. */
  key: RawBuilder<unknown>;
}

/**
 * Full-text search, per engine, with the same rules: every word must match as a whole word in any
 * inflection (English stemming: "endpoints" finds "endpoint"), or as a prefix when it ends with * ("vau*").
 * SQLite: FTS5, driven in row id order so a page stops after `limit` matches. PostgreSQL: the tsvector
 * column and its GIN index. Null: no words.
 */
export function textSearch(engine: EngineKind, text: string): TextSearch | null {
  const words = text.match(/[\p{L}\p{N}]+\*?/gu) ?? [];
  if (words.length === 0) return null;
  const prefix = (word: string) => word.endsWith("*");
  const bare = (word: string) => (prefix(word) ? word.slice(0, -1) : word);
  if (engine === "sqlite") {
    // Quoting each word keeps FTS5 syntax characters from being interpreted.
    const match = words.map((word) => `"${bare(word)}"${prefix(word) ? "*" : ""}`).join(" ");
    return {
      source: sql.raw("decision_fts f JOIN decision d ON d.id = f.rowid"),
      condition: sql`decision_fts MATCH ${match}`,
      key: sql.raw("f.rowid"),
    };
  }
  // Words are letters and digits only, so they need no quoting in tsquery syntax.
  const tsquery = words.map((word) => `${bare(word)}${prefix(word) ? ":*" : ""}`).join(" & ");
  return {
    source: sql.raw("decision d"),
    condition: sql`d.search @@ to_tsquery('endpoint_advice', ${tsquery})`,
    key: sql.raw("d.id"),
  };
}

function pageSize(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_PAGE_SIZE;
  return Math.min(Math.max(Math.trunc(limit), 1), MAX_PAGE_SIZE);
}

/** The stored form (toISOString) of a date or time, so they compare as text; a bare date is a whole UTC day. */
function instant(field: "from" | "to", text: string, end: "start" | "end"): string | FieldError {
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const time = new Date(dayOnly ? `${text}T00:00:00.000Z` : text);
  if (Number.isNaN(time.getTime())) {
    return { field, message: `"${text}" is not a date (YYYY-MM-DD) or an ISO date and time` };
  }
  const lastMillisecond = dayOnly && end === "end" ? 86_399_999 : 0;
  return new Date(time.getTime() + lastMillisecond).toISOString();
}
