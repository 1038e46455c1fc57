import { createHash } from "node:crypto";
import type { DecisionQuery, FieldError } from "./types.js";

/**
 * History cursors are opaque: the last row's key and a check of the workspace and filters they were made
 * for, in base64url. A cursor from another workspace or another search, or anything forged, is refused
 * with a field error instead of reading a wrong page.
 */
export function encodeCursor(key: number, workspace: string, query: DecisionQuery): string {
  return Buffer.from(`${key.toString(36)}.${scopeOf(workspace, query)}`).toString("base64url");
}

/** The key a cursor carries, or why it is not one this listing handed out. */
export function decodeCursor(cursor: string, workspace: string, query: DecisionQuery): number | FieldError {
  const refused: FieldError = {
    field: "cursor",
    message: "is not a page marker of this listing; start again from the first page",
  };
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(cursor)) return refused;
  const match = /^([0-9a-z]{1,11})\.([0-9a-f]{16})$/.exec(Buffer.from(cursor, "base64url").toString());
  if (match === null || match[2] !== scopeOf(workspace, query)) return refused;
  const key = parseInt(match[1] as string, 36);
  return Number.isSafeInteger(key) && key > 0 ? key : refused;
}

function scopeOf(workspace: string, query: DecisionQuery): string {
  const { text, status, option, service, author, from, to } = query;
  const filters = [workspace, text?.trim() ?? "", status, option, service, author, from, to];
  return createHash("sha256").update(JSON.stringify(filters)).digest("hex").slice(0, 16);
}
