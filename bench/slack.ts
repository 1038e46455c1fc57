import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { projectRoot } from "../src/paths.js";
import { FORM, SIGNING_SECRET, commandBody, postSigned } from "../test/slack/signer.js";
import type { BenchResult } from "./run.js";

const CONCURRENT = 200;
const WARM_UP_ROUNDS = 2;
const ROUNDS = 10;
const PAUSE_MS = 500;

/**
 * Slash-command ack latency over loopback: this app (`node dist/src/main.js`) and a bare Bolt app that only
 * acks, each in its own process, the Web API stub in a third; this process only sends the CONCURRENT signed
 * commands at once, alternating between the two apps, warm-up rounds excluded. Also the app's cold start
 * to /healthz and its RSS after the run.
 */
export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "endpoint-advice-bench-"));
  const stub = await startStub();
  const ours = await startApp("dist/src/main.js", stub.apiUrl, join(dir, "bench.db"));
  const bare = await startApp("dist/bench/bare-bolt.js", stub.apiUrl, join(dir, "unused.db"));
  try {
    const latencies = { ours: [] as number[], bare: [] as number[] };
    for (let round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
      // Alternate which app goes first so neither always meets a machine still busy with the other.
      const order = round % 2 === 0 ? (["ours", "bare"] as const) : (["bare", "ours"] as const);
      for (const which of order) {
        const times = await burst(which === "ours" ? ours.url : bare.url, stub.responseUrl);
        if (round >= WARM_UP_ROUNDS) latencies[which].push(...times);
        // Each burst meets an idle app: the previous burst's follow-up work (views.open) has finished.
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      }
    }
    const p99 = percentile(latencies.ours, 99);
    const bareP99 = percentile(latencies.bare, 99);
    const runs = `${CONCURRENT} concurrent × ${ROUNDS} rounds`;
    return [
      {
        name: `ack p50, this app (${runs})`,
        value: round2(percentile(latencies.ours, 50)),
        unit: "ms",
        target: "-",
      },
      { name: "ack p99, this app", value: round2(p99), unit: "ms", target: "< 50" },
      {
        name: "ack p50, bare Bolt app",
        value: round2(percentile(latencies.bare, 50)),
        unit: "ms",
        target: "-",
      },
      { name: "ack p99, bare Bolt app", value: round2(bareP99), unit: "ms", target: "-" },
      { name: "p99 ratio this/bare", value: round2(p99 / bareP99), unit: "×", target: "≤ 1.15" },
      {
        name: "cold start to /healthz, this app",
        value: Math.round(ours.startMs),
        unit: "ms",
        target: "< 1500",
      },
      {
        name: "cold start to /healthz, bare Bolt app",
        value: Math.round(bare.startMs),
        unit: "ms",
        target: "-",
      },
      {
        name: "RSS of this app after the run",
        value: round2(residentMb(ours.child)),
        unit: "MB",
        target: "< 120",
      },
    ];
  } finally {
    for (const child of [ours.child, bare.child, stub.child]) child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}

async function burst(url: string, responseUrl: string): Promise<number[]> {
  const requests = Array.from({ length: CONCURRENT }, (_, i) =>
    postSigned(url, commandBody(command(responseUrl, i)), FORM).then((response) => {
      if (response.status !== 200) throw new Error(`ack ${response.status}`);
      return response.ms;
    }),
  );
  return Promise.all(requests);
}

let sequence = 0;
function command(responseUrl: string, i: number): Record<string, string> {
  sequence += 1;
  return {
    team_id: "T1",
    channel_id: "C0BENCH",
    user_id: `U0BENCH${i}`,
    command: "/endpoint-advice",
    text: "",
    api_app_id: "A1",
    response_url: `${responseUrl}/${sequence}`,
    trigger_id: `trigger.${sequence}`,
  };
}

async function startStub() {
  const child = spawn(process.execPath, [join(projectRoot(), "dist/bench/slack-stub.js")], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout });
  const [apiUrl] = (await once(lines, "line")) as [string];
  lines.close();
  return { child, apiUrl, responseUrl: apiUrl.replace(/\/api\/$/, "/response") };
}

/** Spawns a Bolt app script with the app's environment and waits until its /healthz answers. */
async function startApp(script: string, apiUrl: string, dbPath: string) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [join(projectRoot(), script)], {
    env: {
      PATH: process.env.PATH,
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: apiUrl,
      PORT: String(port),
      DATABASE_PATH: dbPath,
      LOG_LEVEL: "error",
    },
    cwd: tmpdir(),
    stdio: ["ignore", "inherit", "inherit"],
  });
  for (;;) {
    const ready = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (performance.now() - started > 10_000) throw new Error(`${script} did not become ready in 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { child, url: `http://127.0.0.1:${port}/slack/events`, startMs: performance.now() - started };
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function residentMb(child: ChildProcess): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
  return Number(match?.[1] ?? 0) / 1024;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
