import { spawn } from "node:child_process";
import type { ChildProcess, SpawnOptions } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { loadKnowledge } from "../src/knowledge/index.js";
import { projectRoot } from "../src/paths.js";
import { QUESTIONNAIRE_CALLBACKS, questionnaireView } from "../src/slack/blocks/questionnaire.js";
import { questionsFor } from "../src/advice/questionnaire.js";
import { encodeContext } from "../src/slack/questionnaire.js";
import { FORM, SIGNING_SECRET, commandBody, interactionBody, signature } from "../test/slack/signer.js";
import { BurstClient } from "./burst-client.js";
import type { PreparedRequest } from "./burst-client.js";
import type { BenchResult } from "./run.js";
import { freePort } from "./free-port.js";

const CONCURRENT = 200;
// Final submits per round, at once: each is advised, stored and posted by this app.
const SUBMITS = 20;
// How long a burst's modals and answers may take to reach the stub before the bench gives up on them.
const ARRIVAL_TIMEOUT_MS = 10_000;
// A server runs warm: the first rounds still run the request path unoptimized (their p99 was up to twice
// that of later rounds), for every app alike. Twenty rounds, so the p99 is not one round's luck with the GC.
const WARM_UP_ROUNDS = 5;
const ROUNDS = 20;
const PAUSE_MS = 500;
// V8 gives memory back only once a process has been idle for a while (its memory reducer starts 8 s after
// the last busy moment), so RSS is read right after the run and again after this long without requests.
const SETTLE_MS = 20_000;

type AppName = "ours" | "bare" | "modal";
const APPS: readonly AppName[] = ["ours", "bare", "modal"];

/**
 * What a person waits for, over loopback, each app in its own process, the Web API stub in another: the
 * ack of a slash command, the time from sending the command to its `views.open` reaching the stub
 * (time-to-modal), and for this app the time from a final submit to its answer's `chat.postMessage`:
 * - ours: `node dist/src/main.js`;
 * - bare: a Bolt app with Bolt's defaults that only acks the command (the baseline);
 * - modal: the same bare app that also opens our step-1 modal after the ack, the least any Bolt app doing
 *   our job must do: where memory goes after a burst, Bolt's own Web API client is part of the answer.
 * This process only sends CONCURRENT signed commands at once (no text: ack, then `views.open`), taking
 * turns between the apps, warm-up rounds excluded. Also cold start to /healthz and RSS at start and after.
 */
export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "endpoint-advice-bench-"));
  const stub = await startStub();
  const apps = {
    ours: await startApp("dist/src/main.js", stub.apiUrl, { DATABASE_PATH: join(dir, "bench.db") }),
    bare: await startApp("dist/bench/bare-bolt.js", stub.apiUrl, {}),
    modal: await startApp("dist/bench/bare-bolt.js", stub.apiUrl, { BENCH_MODAL_VIEW: modalJson() }),
  };
  const startRss = { ours: residentMb(apps.ours.child), modal: residentMb(apps.modal.child) };
  const clients = {
    ours: await BurstClient.open(apps.ours.url, CONCURRENT),
    bare: await BurstClient.open(apps.bare.url, CONCURRENT),
    modal: await BurstClient.open(apps.modal.url, CONCURRENT),
  };
  const submitter = await BurstClient.open(apps.ours.url, SUBMITS);
  try {
    const latencies: Record<AppName, number[]> = { ours: [], bare: [], modal: [] };
    const toModal: Record<AppName, number[]> = { ours: [], bare: [], modal: [] };
    const toAnswer: number[] = [];
    for (let round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
      const measured = round >= WARM_UP_ROUNDS;
      // Take turns in a rotating order so no app always meets a machine still busy with another.
      for (let turn = 0; turn < APPS.length; turn++) {
        const which = APPS[(round + turn) % APPS.length] as AppName;
        const { requests, keys } = commands(stub.responseUrl);
        const sentAt = now();
        const times = await clients[which].burst(requests);
        // Each burst meets an idle app: the previous burst's follow-up work (views.open) has finished.
        const opened = which === "bare" ? [] : await stub.arrivals("views.open", keys);
        if (measured) {
          latencies[which].push(...times);
          toModal[which].push(...opened.map((at) => at - sentAt));
        }
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      }
      const { requests, keys } = submissions();
      const sentAt = now();
      await submitter.burst(requests);
      const posted = await stub.arrivals("chat.postMessage", keys);
      if (measured) toAnswer.push(...posted.map((at) => at - sentAt));
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
    const rssAfter = residentMbOf(apps);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const rssSettled = residentMbOf(apps);
    const p99 = percentile(latencies.ours, 99);
    const bareP99 = percentile(latencies.bare, 99);
    const modalP99 = percentile(latencies.modal, 99);
    const toModalP99 = percentile(toModal.ours, 99);
    const bareToModalP99 = percentile(toModal.modal, 99);
    const ms = (name: string, value: number, target = "-"): BenchResult => ({
      name,
      value: round2(value),
      unit: "ms",
      target,
    });
    const mb = (name: string, value: number, target = "-"): BenchResult => ({
      name,
      value: round2(value),
      unit: "MB",
      target,
    });
    return [
      ms(`ack p50, this app (${CONCURRENT} concurrent × ${ROUNDS} rounds)`, percentile(latencies.ours, 50)),
      ms("ack p99, this app", p99, "< 50"),
      ms("ack p50, bare Bolt app", percentile(latencies.bare, 50)),
      ms("ack p99, bare Bolt app", bareP99),
      { name: "p99 ratio this/bare", value: round2(p99 / bareP99), unit: "×", target: "≤ 1.15" },
      ms("ack p50, bare Bolt app + views.open", percentile(latencies.modal, 50)),
      ms("ack p99, bare Bolt app + views.open", modalP99),
      {
        name: "ack p99 ratio this/bare + views.open",
        value: round2(p99 / modalP99),
        unit: "×",
        target: "≤ 1",
      },
      ms("time-to-modal p50, this app", percentile(toModal.ours, 50)),
      ms("time-to-modal p99, this app", toModalP99),
      ms("time-to-modal p50, bare Bolt app + views.open", percentile(toModal.modal, 50)),
      ms("time-to-modal p99, bare Bolt app + views.open", bareToModalP99),
      {
        name: "time-to-modal p99 ratio this/bare + views.open",
        value: round2(toModalP99 / bareToModalP99),
        unit: "×",
        target: "≤ 1.10",
      },
      ms(`final submit to answer posted p50, this app (${SUBMITS} at once)`, percentile(toAnswer, 50)),
      ms("final submit to answer posted p99, this app", percentile(toAnswer, 99)),
      ms("cold start to /healthz, this app", apps.ours.startMs, "< 1500"),
      ms("cold start to /healthz, bare Bolt app", apps.bare.startMs),
      mb("RSS of this app at start", startRss.ours),
      mb("RSS of this app right after the run", rssAfter.ours, "< 120"),
      mb(`RSS of this app ${SETTLE_MS / 1000} s after the run`, rssSettled.ours, "< 120"),
      mb("RSS of the bare Bolt app right after the run", rssAfter.bare),
      mb(`RSS of the bare Bolt app ${SETTLE_MS / 1000} s after the run`, rssSettled.bare),
      mb("RSS of the bare Bolt app + views.open at start", startRss.modal),
      mb("RSS of the bare Bolt app + views.open right after the run", rssAfter.modal),
      mb(`RSS of the bare Bolt app + views.open ${SETTLE_MS / 1000} s after the run`, rssSettled.modal),
    ];
  } finally {
    for (const client of [...Object.values(clients), submitter]) client.close();
    for (const { child } of [...Object.values(apps), stub]) child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}

let sequence = 0;

interface Burst {
  requests: PreparedRequest[];
  /** What identifies each request's follow-up call at the stub (trigger id, channel). */
  keys: string[];
}

/** One burst's slash commands, signed now (a signature is good for 5 minutes). */
function commands(responseUrl: string): Burst {
  const timestamp = Math.floor(Date.now() / 1000);
  const keys: string[] = [];
  const requests = Array.from({ length: CONCURRENT }, (_, i) => {
    sequence += 1;
    keys.push(`trigger.${sequence}`);
    const body = commandBody({
      team_id: "T1",
      channel_id: "C0BENCH",
      user_id: `U0BENCH${i}`,
      command: "/endpoint-advice",
      text: "",
      api_app_id: "A1",
      response_url: `${responseUrl}/${sequence}`,
      trigger_id: `trigger.${sequence}`,
    });
    return signed(body, timestamp);
  });
  return { requests, keys };
}

/**
 * One burst of final submits (step 2 of the questionnaire, the defaults taken), each from its own channel so
 * the stub can tell their answers apart.
 */
function submissions(): Burst {
  const timestamp = Math.floor(Date.now() / 1000);
  const keys: string[] = [];
  const requests = Array.from({ length: SUBMITS }, (_, i) => {
    sequence += 1;
    const channel = `C0SUBMIT${sequence}`;
    keys.push(channel);
    const context = {
      channel,
      answers: { cloud: "azure", target: "cloud-service", service: "azure-storage-blob" } as const,
    };
    const payload = {
      type: "view_submission",
      team: { id: "T1", domain: "bench" },
      user: { id: `U0BENCH${i}`, team_id: "T1" },
      api_app_id: "A1",
      trigger_id: `trigger.${sequence}`,
      view: {
        id: `V${sequence}`,
        hash: `h${sequence}`,
        team_id: "T1",
        type: "modal",
        callback_id: QUESTIONNAIRE_CALLBACKS[2],
        private_metadata: encodeContext(context),
        state: { values: {} },
      },
    };
    return signed(interactionBody(payload), timestamp);
  });
  return { requests, keys };
}

function signed(body: string, timestamp: number): PreparedRequest {
  const headers = {
    "Content-Type": FORM,
    "X-Slack-Request-Timestamp": String(timestamp),
    "X-Slack-Signature": signature(SIGNING_SECRET, timestamp, body),
  };
  return { headers, body };
}

/** Milliseconds on the clock the stub process stamps arrivals with. */
function now(): number {
  return performance.timeOrigin + performance.now();
}

/** The step-1 modal this app opens for a command with no text. */
function modalJson(): string {
  const context = { channel: "C0BENCH", answers: {} };
  const questions = questionsFor(1, context.answers, loadKnowledge());
  return JSON.stringify(questionnaireView(1, questions, context.answers, encodeContext(context)));
}

/** The stub process, and the arrival times it reports (bench/slack-stub.ts). */
export async function startStub() {
  const child = spawnOwned(join(projectRoot(), "dist/bench/slack-stub.js"), {
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (child.stdout === null) throw new Error("the stub's output is not piped");
  const lines = createInterface({ input: child.stdout });
  const [apiUrl] = (await once(lines, "line")) as [string];
  const arrived = new Map<string, number>();
  lines.on("line", (line) => {
    const { method, key, at } = JSON.parse(line) as { method: string; key: string; at: number };
    arrived.set(`${method} ${key}`, at);
  });
  /** When each of `keys`' calls of `method` arrived, waiting for the last one. */
  const arrivals = async (
    method: string,
    keys: string[],
    timeoutMs = ARRIVAL_TIMEOUT_MS,
  ): Promise<number[]> => {
    const deadline = performance.now() + timeoutMs;
    while (keys.some((key) => !arrived.has(`${method} ${key}`))) {
      if (performance.now() > deadline) throw new Error(`${method} did not reach the stub for every request`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return keys.map((key) => arrived.get(`${method} ${key}`) as number);
  };
  return { child, apiUrl, responseUrl: apiUrl.replace(/\/api\/$/, "/response"), arrivals };
}

/** Spawns a Bolt app script with the app's environment and waits until its /healthz answers. */
export async function startApp(script: string, apiUrl: string, env: Record<string, string>) {
  const port = await freePort();
  const started = performance.now();
  const child = spawnOwned(join(projectRoot(), script), {
    env: {
      PATH: process.env.PATH,
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: apiUrl,
      PORT: String(port),
      LOG_LEVEL: "error",
      ...env,
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

const owned = new Set<ChildProcess>();
/** A node script as a child process that ends with this one, however this one ends (a crash included). */
function spawnOwned(script: string, options: SpawnOptions): ChildProcess {
  if (owned.size === 0) process.once("exit", () => owned.forEach((child) => child.kill("SIGKILL")));
  const child = spawn(process.execPath, [script], options);
  owned.add(child);
  child.once("exit", () => owned.delete(child));
  return child;
}

function residentMbOf(apps: Record<AppName, { child: ChildProcess }>): Record<AppName, number> {
  return {
    ours: residentMb(apps.ours.child),
    bare: residentMb(apps.bare.child),
    modal: residentMb(apps.modal.child),
  };
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
