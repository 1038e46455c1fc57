import type { DecisionQuery, FieldError, Result } from "./types.js";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 500;

/** A decision row joined with the numbers of the decisions it links to. */
export const DECISION_COLUMNS = `d.*, s.number AS superseded_by_number, p.number AS supersedes_number`;
const LINKS = `LEFT JOIN decision s ON s.id = d.superseded_by LEFT JOIN decision p ON p.id = d.supersedes`;

export interface ListStatement {
  sql: string;
  params: Record<string, string | number>;
  limit: number;
}

/**
 * The SELECT for one page of `listDecisions`, newest first. With text, the full-text index drives the
 * query in row id order so a page stops after `limit` matches instead of sorting every match.
 */
export function listStatement(workspace: string, query: DecisionQuery): Result<ListStatement> {
  const limit = pageSize(query.limit);
  const match = matchExpression(query.text ?? "");
  const key = match === null ? "d.id" : "f.rowid";
  const params: Record<string, string | number> = { workspace, limit: limit + 1 };
  const where = ["d.workspace = @workspace"];
  const errors: FieldError[] = [];
  const add = (name: string, condition: string, value: string | number | FieldError | undefined) => {
    if (value === undefined) return;
    if (typeof value === "object") {
      errors.push(value);
      return;
    }
    params[name] = value;
    where.push(condition);
  };
  add("match", "decision_fts MATCH @match", match ?? undefined);
  add("status", "d.status = @status", query.status);
  add("option", "d.option = @option", query.option);
  add("service", "d.service = @service", query.service);
  add("author", "d.author = @author", query.author);
  add(
    "from",
    "d.created_at >= @from",
    query.from === undefined ? undefined : instant("from", query.from, "start"),
  );
  add("to", "d.created_at <= @to", query.to === undefined ? undefined : instant("to", query.to, "end"));
  add("cursor", `${key} < @cursor`, query.cursor === undefined ? undefined : cursorValue(query.cursor));
  if (errors.length > 0) return { ok: false, errors };
  const source = match === null ? "decision d" : "decision_fts f JOIN decision d ON d.id = f.rowid";
  const sql = `SELECT ${DECISION_COLUMNS} FROM ${source} ${LINKS} WHERE ${where.join(" AND ")} ORDER BY ${key} DESC LIMIT @limit`;
  return { ok: true, value: { sql, params, limit } };
}

/** The FROM clause every single-decision read uses. */
export const DECISION_SOURCE = `decision d ${LINKS}`;

/**
 * Turns what a person typed into an FTS5 query: every word must match, as a whole word in any inflection
 * (porter stemming: "endpoints" finds "endpoint"), or as a prefix when it ends with * ("vau*"). Whole
 * words stream newest-first and stop after a page; a prefix is merged over all its terms first, so it is
 * opt-in. Quoting each word keeps FTS syntax characters from being interpreted. Null: no words.
 */
export function matchExpression(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+\*?/gu) ?? [];
  if (words.length === 0) return null;
  return words.map((word) => (word.endsWith("*") ? `"${word.slice(0, -1)}"*` : `"${word}"`)).join(" ");
}

function pageSize(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
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

function cursorValue(cursor: string): number | FieldError {
  if (!/^[1-9]\d{0,15}$/.test(cursor)) {
    return { field: "cursor", message: `"${cursor}" is not a cursor returned by listDecisions` };
  }
  return Number(cursor);
}
