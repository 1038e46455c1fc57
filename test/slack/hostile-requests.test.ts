import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnTs } from "../support/run-ts.js";
import { AUTHOR, CHANNEL, TEAM } from "./harness.js";
import { familyCount, hostileRequests, postRaw } from "./hostile.js";
import { FORM, SIGNING_SECRET, commandBody, postSigned } from "./signer.js";
import { WebApiStub } from "./stub.js";
import { freePort } from "../../bench/free-port.js";

// The app runs as its own process (`npm start`'s entry), so a crash is a real exit, not a test error.
let stub: WebApiStub;
let dir: string;
let child: ChildProcess;
let stderr = "";
let url = "";
let triggers = 0;

beforeAll(async () => {
  stub = new WebApiStub();
  await stub.start();
  dir = mkdtempSync(join(tmpdir(), "endpoint-advice-hostile-"));
  const port = await freePort();
  child = spawnTs(join(process.cwd(), "src/main.ts"), [], {
    cwd: dir,
    env: {
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: stub.apiUrl,
      PORT: String(port),
      DATABASE_PATH: join(dir, "decisions.db"),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  url = `http://127.0.0.1:${port}/slack/events`;
  // Wide: a loaded two-core machine can take many seconds to start a Node process.
  for (const deadline = Date.now() + 50_000; Date.now() < deadline;) {
    const status = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the app did not start: ${stderr}`);
}, 60_000);

afterAll(async () => {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = once(child, "exit");
    child.kill("SIGKILL");
    await exited;
  }
  await stub.close();
  rmSync(dir, { recursive: true, force: true });
});

function command(text: string, timestamp?: number) {
  triggers += 1;
  const body = commandBody({
    command: "/endpoint-advice",
    text,
    team_id: TEAM,
    user_id: AUTHOR,
    channel_id: CHANNEL,
    response_url: `${stub.responseUrl}/${triggers}`,
    trigger_id: `trigger.${triggers}`,
  });
  return postSigned(url, body, FORM, timestamp === undefined ? {} : { timestamp });
}

function alive(): boolean {
  return child.exitCode === null && child.signalCode === null;
}

describe("request timestamps", () => {
  const now = () => Math.floor(Date.now() / 1000);
  it.each([
    ["more than 5 minutes in the future", () => now() + 6 * 60],
    ["more than 5 minutes old", () => now() - 6 * 60],
  ])("a correctly signed command dated %s → 401 and no call to Slack", async (_name, timestamp) => {
    const before = stub.calls.length;
    const response = await command("help", timestamp());
    expect(response.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stub.calls.length).toBe(before);
  });

  it("a command dated within the 5 minutes either way is answered", async () => {
    expect((await command("help", now() + 4 * 60)).status).toBe(200);
    expect((await command("help", now() - 4 * 60)).status).toBe(200);
  });
});

describe("1,500 signed malformed or hostile requests", () => {
  it("leave the app alive, with no 5xx, one log line per refusal, and a normal command still works", async () => {
    // Real ids from the app itself: the questionnaire it opens and the buttons of an answer it posts.
    await command("");
    const [opened] = await stub.waitFor("views.open");
    await command("quick service=azure-key-vault");
    const [posted] = await stub.waitFor("chat.postMessage");
    const requests = hostileRequests(1500, {
      view: opened!.body.view as Record<string, unknown>,
      blocks: (posted!.body.blocks ?? []) as unknown[],
    });
    expect(new Set(requests.map((r) => r.family)).size).toBe(familyCount());
    expect(familyCount()).toBeGreaterThanOrEqual(11);
    const logBefore = stderr.length;

    const statuses = new Map<string, Map<number, number>>();
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const request = requests[next++]!;
        const { body, contentType } = request.build();
        const status = await postRaw(url, body, contentType).catch(() => 0);
        const byStatus = statuses.get(request.family) ?? new Map<number, number>();
        byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
        statuses.set(request.family, byStatus);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));

    const summary = Object.fromEntries(
      [...statuses].map(([family, byStatus]) => [family, Object.fromEntries(byStatus)]),
    );
    const all = [...statuses.values()].flatMap((byStatus) => [...byStatus]);
    const failures = all.filter(([status]) => status === 0 || status >= 500);
    expect(failures, JSON.stringify(summary)).toEqual([]);
    expect(alive(), stderr).toBe(true);

    const log = stderr.slice(logBefore);
    expect(log).not.toMatch(/unhandled (promise )?rejection|uncaught/i);
    const refused = all.filter(([status]) => status === 400 || status === 401 || status === 413);
    const refusedCount = refused.reduce((sum, [, count]) => sum + count, 0);
    expect(log.match(/Refused a Slack request/g)?.length ?? 0).toBe(refusedCount);

    const health = await fetch(url.replace("/slack/events", "/healthz"));
    expect(health.status).toBe(200);
    const answered = stub.callsTo("response_url").length;
    const help = await command("help");
    expect(help.status).toBe(200);
    await stub.waitFor("response_url", answered + 1);
  }, 180_000);
});
