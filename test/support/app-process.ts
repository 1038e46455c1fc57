import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { spawnTs } from "./run-ts.js";
import { freePort } from "../../bench/free-port.js";

/** The app as its own process (`npm start`'s entry), so a kill is a real kill. */
export interface AppProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
  stderr(): string;
  /** SIGKILL if still running; resolves once it has exited. */
  kill(): Promise<void>;
}

const running = new Set<AppProcess>();

/** Starts the app on a free port and resolves once /healthz answers. */
export async function startAppProcess(env: Record<string, string>, cwd: string): Promise<AppProcess> {
  const port = await freePort();
  const child = spawnTs(join(process.cwd(), "src/main.ts"), [], {
    cwd,
    env: { PORT: String(port), ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, "exit").then(([code]) => code as number | null);
  const app: AppProcess = {
    child,
    url: `http://127.0.0.1:${port}/slack/events`,
    exited,
    stderr: () => stderr,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
      running.delete(app);
    },
  };
  running.add(app);
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) break;
    const status = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return app;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await app.kill();
  throw new Error(`the app did not start: ${stderr}`);
}

/** Every app process a test started and did not end (for afterEach). */
export async function killAppProcesses(): Promise<void> {
  await Promise.all([...running].map((app) => app.kill()));
}
