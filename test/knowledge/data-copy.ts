import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { KnowledgeError, loadKnowledge } from "../../src/knowledge/index.js";
import { dataDir } from "../../src/paths.js";

/** One change to a JSON document: set the value at `path`, or remove it (array items are spliced out). */
export type Edit =
  { path: (string | number)[]; value: unknown } | { path: (string | number)[]; remove: true };

/** A temp copy of data/ with edits applied to one file, for tests that feed the loader corrupt knowledge. */
export function corruptCopy(file: string, ...edits: Edit[]): string {
  const dir = mkdtempSync(join(tmpdir(), "endpoint-advice-data-"));
  cpSync(dataDir(), dir, { recursive: true, filter: (path) => !/\.db/.test(path) });
  const json: unknown = JSON.parse(readFileSync(join(dir, file), "utf8"));
  for (const edit of edits) apply(json, edit);
  writeFileSync(join(dir, file), JSON.stringify(json));
  return dir;
}

/** The KnowledgeError message loading `dir` fails with; a test fails if it loads. */
export function failure(dir: string): string {
  try {
    loadKnowledge(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return (error as Error).message;
  }
  throw new Error("loadKnowledge accepted corrupt data");
}

function apply(json: unknown, edit: Edit): void {
  const parentPath = edit.path.slice(0, -1);
  const key = edit.path.at(-1);
  const parent = parentPath.reduce<unknown>(
    (node, step) => (node as Record<string | number, unknown>)[step],
    json,
  );
  if (typeof parent !== "object" || parent === null || key === undefined) {
    throw new Error(`no such path ${edit.path.join(".")}`);
  }
  if (!("remove" in edit)) (parent as Record<string | number, unknown>)[key] = edit.value;
  else if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete (parent as Record<string | number, unknown>)[key];
}
