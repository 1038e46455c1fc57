import { accessSync, constants, realpathSync, statSync } from "node:fs";
import type { Stats } from "node:fs";
import { dirname, resolve } from "node:path";
import { InputError } from "./errors.js";
import { sayHistory } from "./words.js";

/**
 * Refuses a --db / DATABASE_PATH that cannot be a database file, before the store opens (and could create
 * anything beside) it: a folder, a device or pipe, a path in a kernel file system (/proc, /sys), a file
 * that cannot be read, or a path whose parent is a file. One line naming the path and the problem.
 */
export function checkDatabaseFile(path: string): void {
  const full = resolve(path);
  const existing = statOrNull(full);
  const virtual = virtualRoot(existing === null ? nearestExisting(full) : full);
  if (virtual !== null) throw refusal("db-virtual", path, { root: virtual });
  if (existing === null) {
    const parent = nearestExisting(dirname(full));
    if (!statSync(parent).isDirectory()) throw refusal("db-parent-file", path, { parent });
    return;
  }
  if (existing.isDirectory()) throw refusal("db-directory", path);
  if (!existing.isFile()) throw refusal("db-not-a-file", path);
  try {
    accessSync(full, constants.R_OK);
  } catch (error) {
    throw refusal("db-unreadable", path, { reason: systemReason(error) });
  }
}

/**
 * What the operating system or SQLite said when the file could not be opened, as the person's problem
 * (exit 2), or null for anything else.
 */
export function openFailure(error: unknown, path: string): InputError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string" || !OPEN_FAILURES.has(code)) return null;
  return refusal("db-cannot-open", path, { reason: systemReason(error) });
}

// Errors of opening a file (Node's errno codes and SQLite's) that a person fixes by choosing the path.
const OPEN_FAILURES = new Set([
  "EACCES",
  "EPERM",
  "EROFS",
  "ENOTDIR",
  "EISDIR",
  "EEXIST",
  "ENOSPC",
  "SQLITE_CANTOPEN",
  "SQLITE_READONLY",
  "SQLITE_PERM",
  "SQLITE_FULL",
]);

const VIRTUAL_ROOTS = ["/proc", "/sys"];

function virtualRoot(path: string): string | null {
  const real = realpathSafe(path);
  return VIRTUAL_ROOTS.find((root) => real === root || real.startsWith(`${root}/`)) ?? null;
}

function nearestExisting(path: string): string {
  let current = path;
  while (statOrNull(current) === null && dirname(current) !== current) current = dirname(current);
  return current;
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function realpathSafe(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function systemReason(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const known = code === undefined ? undefined : REASONS[code];
  return known ?? message ?? String(error);
}

const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "the file system is read-only",
  ENOSPC: "the disk is full",
  SQLITE_READONLY: "it can only be read here",
  SQLITE_FULL: "the disk is full",
};

function refusal(message: string, path: string, context: Record<string, unknown> = {}): InputError {
  return new InputError(sayHistory(message, { path, ...context }));
}
