import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import type { Server } from "node:http";
import { loadConfig } from "../src/config.js";
import { loadKnowledge } from "../src/knowledge/index.js";
import { projectRoot } from "../src/paths.js";
import { createSlackApp } from "../src/slack/app.js";
import { openStore } from "../src/store/index.js";
import { FORM, SIGNING_SECRET, commandBody, postSigned } from "../test/slack/signer.js";
import { WebApiStub } from "../test/slack/stub.js";
import type { BenchResult } from "./run.js";

const CONCURRENT = 200;
const ROUNDS = 5;

/**
 * Slash-command ack latency over loopback with CONCURRENT signed requests at once, for this app and for a
 * bare Bolt app that only acks (same stub, same run); cold start of `node dist/src/main.js` to /healthz; RSS
 * of that process after it has handled the same burst.
 */
export async function run(): Promise<BenchResult[]> {
  const stub = new WebApiStub();
  await stub.start();
  const dir = mkdtempSync(join(tmpdir(), "endpoint-advice-bench-"));
  try {
    const ours = await startOurs(stub, join(dir, "bench.db"));
    const bare = await startBare(stub);
    const latencies = { ours: [] as number[], bare: [] as number[] };
    await burst(ours.url, stub); // warm-up: JIT, template cache, SQLite statements
    await burst(bare.url, stub);
    for (let round = 0; round < ROUNDS; round++) {
      latencies.bare.push(...(await burst(bare.url, stub)));
      latencies.ours.push(...(await burst(ours.url, stub)));
    }
    await ours.stop();
    await bare.stop();
    const child = await coldStart(stub, join(dir, "cold.db"));
    await burst(`http://127.0.0.1:${child.port}/slack/events`, stub);
    const rssMb = residentMb(child.pid);
    child.kill();
    const [p50, p99, bareP50, bareP99] = [
      percentile(latencies.ours, 50),
      percentile(latencies.ours, 99),
      percentile(latencies.bare, 50),
      percentile(latencies.bare, 99),
    ];
    return [
      {
        name: `ack p50, this app (${CONCURRENT} concurrent × ${ROUNDS})`,
        value: round2(p50),
        unit: "ms",
        target: "none",
      },
      { name: "ack p99, this app", value: round2(p99), unit: "ms", target: "< 50" },
      { name: "ack p50, bare Bolt app", value: round2(bareP50), unit: "ms", target: "none" },
      { name: "ack p99, bare Bolt app", value: round2(bareP99), unit: "ms", target: "none" },
      { name: "p99 ratio this/bare", value: round2(p99 / bareP99), unit: "×", target: "≤ 1.15" },
      { name: "cold start to /healthz", value: Math.round(child.startMs), unit: "ms", target: "< 1500" },
      { name: "RSS after the burst", value: round2(rssMb), unit: "MB", target: "< 120" },
    ];
  } finally {
    await stub.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function burst(url: string, stub: WebApiStub): Promise<number[]> {
  const requests = Array.from({ length: CONCURRENT }, (_, i) =>
    postSigned(url, commandBody(command(stub, i)), FORM).then((response) => {
      if (response.status !== 200) throw new Error(`ack ${response.status}`);
      return response.ms;
    }),
  );
  return Promise.all(requests);
}

let sequence = 0;
function command(stub: WebApiStub, i: number): Record<string, string> {
  sequence += 1;
  return {
    team_id: "T1",
    channel_id: "C0BENCH",
    user_id: `U0BENCH${i}`,
    command: "/endpoint-advice",
    text: "",
    api_app_id: "A1",
    response_url: `${stub.responseUrl}/${sequence}`,
    trigger_id: `trigger.${sequence}`,
  };
}

async function startOurs(stub: WebApiStub, dbPath: string) {
  const config = loadConfig(env(stub, "0", dbPath));
  if (!config.ok) throw new Error(config.message);
  const store = openStore(dbPath);
  const slack = createSlackApp(config.value, { store, knowledge: loadKnowledge() });
  const { port } = await slack.start();
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    stop: async () => {
      await slack.stop();
      store.close();
    },
  };
}

async function startBare(stub: WebApiStub) {
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, logLevel: LogLevel.ERROR });
  const app = new App({
    receiver,
    token: "xoxb-bench",
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: stub.apiUrl },
  });
  app.command("/endpoint-advice", async ({ ack }) => {
    await ack();
  });
  const server = (await app.start(0)) as Server;
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`,
    stop: () => app.stop(),
  };
}

async function coldStart(stub: WebApiStub, dbPath: string) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [join(projectRoot(), "dist/src/main.js")], {
    env: env(stub, String(port), dbPath),
    cwd: tmpdir(),
    stdio: "ignore",
  });
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (performance.now() - started > 10_000) throw new Error("the app did not become ready in 10 s");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return {
    port,
    pid: child.pid ?? 0,
    startMs: performance.now() - started,
    kill: () => child.kill("SIGTERM"),
  };
}

function env(stub: WebApiStub, port: string, dbPath: string): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: stub.apiUrl,
    PORT: port,
    DATABASE_PATH: dbPath,
    LOG_LEVEL: "error",
  };
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function residentMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(match?.[1] ?? 0) / 1024;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
