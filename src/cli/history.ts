import { createHash } from "node:crypto";
import { join } from "node:path";
import { userInfo } from "node:os";
import type { Command } from "commander";
import type { Requirements } from "../vocabulary/index.js";
import type { Knowledge } from "../knowledge/index.js";
import { recordAdvice } from "../decisions/index.js";
import { isPostgresUrl, openStore, StoreError, type Decision, type DecisionStore } from "../store/index.js";
import { checkDatabaseFile, openFailure } from "./database-file.js";
import { InputError } from "./errors.js";
import { sayHistory } from "./words.js";

/** The global options that choose the history: `--db PATH` and `--workspace ID`. */
export function addHistoryOptions(program: Command): void {
  program
    .option("--db <path>", sayHistory("db-option"))
    .option("--workspace <id>", sayHistory("workspace-option"), "local");
}

/**
 * Runs `action` on the history the global options name, and closes it. The file is --db, else
 * DATABASE_URL (PostgreSQL), else DATABASE_PATH, else data/endpoint-advice.db under the current folder.
 * Reading never creates or changes it. A database the store refuses, or a filter it cannot use, is the
 * person's to fix: exit code 2 with the store's message.
 */
export async function withHistory<T>(
  command: Command,
  action: (store: DecisionStore, workspace: string) => Promise<T>,
  access: "read" | "write" = "read",
): Promise<T> {
  const { db, workspace } = command.optsWithGlobals<{ db?: string; workspace: string }>();
  const env = process.env;
  const location =
    db ?? env.DATABASE_URL ?? env.DATABASE_PATH ?? join(process.cwd(), "data", "endpoint-advice.db");
  if (!isPostgresUrl(location)) checkDatabaseFile(location);
  try {
    const store = await openStore(location, { readOnly: access === "read" });
    try {
      return await action(store, workspace);
    } finally {
      await store.close();
    }
  } catch (error) {
    throw error instanceof StoreError
      ? new InputError(error.message)
      : (openFailure(error, location) ?? error);
  }
}

/**
 * Saves the advice as a proposed decision (`advise --save`). The dedupe key is the question itself, so
 * a script that runs the same save twice gets the first decision back instead of a copy.
 */
export function saveAdvice(
  command: Command,
  requirements: Requirements,
  knowledge: Knowledge,
): Promise<string> {
  return withHistory(
    command,
    async (store, workspace) => {
      const author = userInfo().username;
      // The command line knows no workspace admins: only the author may change what they saved.
      const actor = { user: author, isAdmin: () => Promise.resolve(false) };
      const { decision, created } = await recordAdvice(
        { store, knowledge },
        {
          workspace,
          channel: null,
          requirements,
          dedupeKey: dedupeKey([workspace, author, requirements, knowledge.versions]),
        },
        actor,
      );
      return sayHistory(created ? "saved" : "already-saved", { id: decision.id, workspace });
    },
    "write",
  );
}

/** A decision that must exist: not found is a person's typo, exit code 2. */
export async function requireDecision(
  store: DecisionStore,
  workspace: string,
  id: string,
): Promise<Decision> {
  const decision = await store.getDecision(workspace, id);
  if (decision === undefined) throw new InputError(sayHistory("not-found", { id, workspace }));
  return decision;
}

/** Writes text, ending it with exactly one line break. */
export function writeLine(stream: { write(text: string): unknown }, text: string): void {
  stream.write(text.endsWith("\n") ? text : `${text}\n`);
}

function dedupeKey(parts: unknown[]): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}
