import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { advise, parseRequirements } from "../../src/advice/index.js";
import type { OptionId } from "../../src/vocabulary/index.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import type { DecisionPage, DecisionQuery, DecisionStore, NewDecision } from "../../src/store/index.js";

/** Today's answer to "reach blob storage from the data centre", as the shipped knowledge gives it. */
export function storageQuestion() {
  const knowledge = loadKnowledge();
  const parsed = parseRequirements(
    {
      target: "cloud-service",
      service: "azure-storage-blob",
      onPremisesAccess: true,
      dataGbPerMonth: 204800,
      monthlyBudgetUsd: 2500,
      title: "Payments storage from the data centre",
    },
    knowledge,
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return { requirements: parsed.value, advice: advise(parsed.value, knowledge), knowledge };
}

const { requirements, advice } = storageQuestion();

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

/** The page a listing returns, failing the test when the store refused the query. */
export async function listed(
  store: DecisionStore,
  workspace: string,
  query?: DecisionQuery,
): Promise<DecisionPage> {
  const result = await store.listDecisions(workspace, query);
  if (!result.ok) throw new Error(`listDecisions refused: ${JSON.stringify(result.errors)}`);
  return result.value;
}

/** Everything an async iterable yields, in order. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
