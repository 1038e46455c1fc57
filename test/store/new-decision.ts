import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OptionId } from "../../src/advice/options.js";
import type { NewDecision } from "../../src/store/index.js";
import { advice, requirements } from "../fixtures/advice.js";

/** A decision as a surface would save it; `option`, `service` and the rest vary per test. */
export function newDecision(
  overrides: Partial<NewDecision> & { option?: OptionId; service?: string; costUsd?: number } = {},
): NewDecision {
  const { option, service, costUsd, ...fields } = overrides;
  const recommendation = {
    ...advice.recommendation,
    option: option ?? advice.recommendation.option,
    monthlyCostUsd: costUsd ?? advice.recommendation.monthlyCostUsd,
  };
  return {
    workspace: "T1",
    channel: "C1",
    author: "U1",
    title: requirements.title,
    requirements: { ...requirements, service: service ?? requirements.service },
    advice: { ...advice, recommendation },
    rendered: "rendered answer",
    dedupeKey: `key-${Math.random()}`,
    ...fields,
  };
}

/** A fresh folder for database files; `remove` deletes it. */
export function tempFolder(): { path: (name: string) => string; remove: () => void } {
  const folder = mkdtempSync(join(tmpdir(), "endpoint-advice-store-"));
  return {
    path: (name) => join(folder, name),
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}

/** A clock that advances one minute per reading, starting at `start`. */
export function steppingClock(start: string): () => Date {
  let next = Date.parse(start);
  return () => {
    const now = new Date(next);
    next += 60_000;
    return now;
  };
}
