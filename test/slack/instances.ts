import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectRoot } from "../../src/paths.js";
import { FORM, commandBody, interactionBody, postSigned } from "./signer.js";
import type { SignOptions, SignedResponse } from "./signer.js";

/** One `npm start` process (`node dist/src/main.js`) in HTTP mode, and Slack-shaped senders aimed at it. */
export interface AppInstance {
  name: string;
  url: string;
  child: ChildProcess;
  command(fields: Record<string, string>, options?: SignOptions): Promise<SignedResponse>;
  interact(payload: unknown, options?: SignOptions): Promise<SignedResponse>;
  /** SIGTERM, then the exit code once it has finished the work it had accepted (a stop waits for it). */
  stop(): Promise<number | null>;
  /** What the process wrote to stderr, for failure messages. */
  stderr(): string;
}

/**
 * Starts and tracks app processes; `killAll` (for afterEach) stops every one still running, with SIGKILL
 * when SIGTERM did not end it, so no process outlives a test whatever failed.
 */
export class Instances {
  private readonly running = new Set<ChildProcess>();
  private readonly cwd = mkdtempSync(join(tmpdir(), "endpoint-advice-instances-"));

  /**
   * Spawns the compiled app with exactly `env` (PORT 0: it picks a free port) and resolves once it says it
   * listens, with the port from that line. Waits on the process's own signals, never on a guess of time.
   */
  async start(name: string, env: Record<string, string>): Promise<AppInstance> {
    // cwd is a temp folder so no developer's .env is read; the app finds its data from its own location.
    const child = spawn(process.execPath, [join(projectRoot(), "dist/src/main.js")], {
      cwd: this.cwd,
      env: { ...env, PORT: "0", LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.running.add(child);
    const exited = once(child, "exit").then(([code]) => {
      this.running.delete(child);
      return code as number | null;
    });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)));
    // Read to the end (a full pipe would block the child's logging), looking at it only until it listens.
    let stdout: string | undefined = "";
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout?.on("data", (chunk: Buffer) => {
        if (stdout === undefined) return;
        stdout += chunk.toString();
        const match = /is listening on port (\d+)/.exec(stdout);
        if (match) {
          stdout = undefined;
          resolve(Number(match[1]));
        }
      });
      void exited.then((code) =>
        reject(new Error(`instance ${name} exited (${code}) before listening: ${stderr}`)),
      );
    });
    const url = `http://127.0.0.1:${port}/slack/events`;
    return {
      name,
      url,
      child,
      command: (fields, options) => postSigned(url, commandBody(fields), FORM, options),
      interact: (payload, options) => postSigned(url, interactionBody(payload), FORM, options),
      stop: async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
        return exited;
      },
      stderr: () => stderr,
    };
  }

  async killAll(): Promise<void> {
    await Promise.all([...this.running].map(stopProcess));
    rmSync(this.cwd, { recursive: true, force: true });
  }
}

// The app's own stop waits up to 10 s for work in progress; past that, it is killed.
const KILL_AFTER_MS = 15_000;

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), KILL_AFTER_MS);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}
