import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { spawnTs } from "./support/run-ts.js";
import { WebApiStub } from "./slack/stub.js";
import { freePort } from "../bench/free-port.js";

let dir: string;
let stub: WebApiStub;
const children = new Set<ChildProcess>();
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "endpoint-advice-main-"));
  stub = new WebApiStub();
  await stub.start();
});
// Whatever failed, no app is left behind (one that cannot reach Slack retries auth.test for half an hour).
afterEach(async () => {
  await Promise.all([...children].map(stopChild));
  await stub.close();
  rmSync(dir, { recursive: true, force: true });
});

function run(env: Record<string, string>) {
  // cwd is the temp dir so no developer's .env is picked up; PATH etc. are not needed by the app.
  const child = spawnTs(join(process.cwd(), "src/main.ts"), [], {
    cwd: dir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  const exited = once(child, "exit").then(([code]) => {
    children.delete(child);
    return code as number | null;
  });
  let stderr = "";
  let stdout = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  // Resolves when the app says it listens; the test waits on that line, not on a clock.
  const listening = new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes("is listening on port")) resolve();
    });
    void exited.then((code) => reject(new Error(`the app exited (${code}) before listening: ${stderr}`)));
  });
  listening.catch(() => undefined);
  return { child, exited, listening, stderr: () => stderr };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGKILL");
  await exited;
}

// A child transpiles the sources as it starts: seconds on a busy machine, so the tests' limit is wide. They
// wait on the child's own signals (its exit, its "listening" line), never on a guess of how long it takes.
describe("npm start (src/main.ts)", { timeout: 90_000 }, () => {
  it("stops with one line naming a missing variable and exit code 1", async () => {
    const { exited, stderr } = run({ SLACK_SIGNING_SECRET: "s" });
    const code = await exited;
    expect(code).toBe(1);
    expect(stderr().trim()).toMatch(/^endpoint-advice: SLACK_BOT_TOKEN is missing[^\n]*$/);
  });

  it("stops with one line when Slack refuses the bot token, and exit code 1", async () => {
    stub.fail("auth.test", "invalid_auth");
    const { exited, stderr } = run({
      SLACK_BOT_TOKEN: "xoxb-revoked",
      SLACK_SIGNING_SECRET: "secret",
      SLACK_API_URL: stub.apiUrl,
      PORT: String(await freePort()),
      DATABASE_PATH: join(dir, "decisions.db"),
      LOG_LEVEL: "error",
    });
    expect(await exited).toBe(1);
    expect(stderr().trim()).toBe("endpoint-advice: Slack refused SLACK_BOT_TOKEN (invalid_auth)");
  });

  it("serves /healthz in HTTP mode and exits 0 on SIGTERM, closing the database", async () => {
    const port = await freePort();
    const { child, exited, listening } = run({
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_SIGNING_SECRET: "secret",
      SLACK_API_URL: stub.apiUrl,
      PORT: String(port),
      DATABASE_PATH: join(dir, "db", "decisions.db"),
      LOG_LEVEL: "info",
    });
    await listening;
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
