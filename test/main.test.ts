import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { spawnTs } from "./support/run-ts.js";
import { WebApiStub } from "./slack/stub.js";

let dir: string;
let stub: WebApiStub;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "endpoint-advice-main-"));
  stub = new WebApiStub();
  await stub.start();
});
afterEach(async () => {
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
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, stderr: () => stderr };
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  server.close();
  return port;
}

describe("npm start (src/main.ts)", () => {
  it("stops with one line naming a missing variable and exit code 1", async () => {
    const { child, stderr } = run({ SLACK_SIGNING_SECRET: "s" });
    const [code] = (await once(child, "exit")) as [number];
    expect(code).toBe(1);
    expect(stderr().trim()).toMatch(/^endpoint-advice: SLACK_BOT_TOKEN is missing[^\n]*$/);
  });

  it("stops with one line when Slack refuses the bot token, and exit code 1", async () => {
    stub.fail("auth.test", "invalid_auth");
    const { child, stderr } = run({
      SLACK_BOT_TOKEN: "xoxb-revoked",
      SLACK_SIGNING_SECRET: "secret",
      SLACK_API_URL: stub.apiUrl,
      PORT: String(await freePort()),
      DATABASE_PATH: join(dir, "decisions.db"),
      LOG_LEVEL: "error",
    });
    const [code] = (await once(child, "exit")) as [number];
    expect(code).toBe(1);
    expect(stderr().trim()).toBe("endpoint-advice: Slack refused SLACK_BOT_TOKEN (invalid_auth)");
  });

  it("serves /healthz in HTTP mode and exits 0 on SIGTERM, closing the database", async () => {
    const port = await freePort();
    const { child, stderr } = run({
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_SIGNING_SECRET: "secret",
      SLACK_API_URL: stub.apiUrl,
      PORT: String(port),
      DATABASE_PATH: join(dir, "db", "decisions.db"),
      LOG_LEVEL: "error",
    });
    const exited = once(child, "exit");
    let status = 0;
    for (let attempt = 0; attempt < 100 && status !== 200; attempt++) {
      status = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.status,
        () => 0,
      );
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status, stderr()).toBe(200);
    child.kill("SIGTERM");
    const [code] = (await exited) as [number];
    expect(code).toBe(0);
  });
});
