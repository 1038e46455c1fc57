import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";
import { WebSocketServer } from "ws";
import type { WebSocket } from "ws";
import { failureText } from "../../src/vocabulary/index.js";
import { loadConfig } from "../../src/config.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { createSlackApp } from "../../src/slack/app.js";
import type { SlackApp } from "../../src/slack/app.js";
import { openStore } from "../../src/store/index.js";
import type { DecisionStore } from "../../src/store/index.js";
import { WebApiStub } from "./stub.js";

/** The app in Socket Mode, its store, the Web API stub, and the WebSocket Slack would hold open to it. */
export interface SocketModeApp {
  stub: WebApiStub;
  store: DecisionStore;
  slack: SlackApp;
  /** The app's connection, once it has opened it (after `slack.start()`) and been greeted with hello. */
  connection: Promise<WebSocket>;
}

/**
 * Before each test of the file: the stub hands out a local WebSocket server from apps.connections.open, as
 * Slack hands out wss://…, and the app is created (not started) on a temp SQLite file. After it: all stopped.
 */
export function useSocketModeApp(): () => SocketModeApp {
  let current: (SocketModeApp & { sockets: WebSocketServer; dir: string }) | undefined;
  beforeEach(async () => {
    const stub = new WebApiStub();
    await stub.start();
    const sockets = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise((resolve) => sockets.once("listening", resolve));
    stub.socketUrl = `ws://127.0.0.1:${(sockets.address() as { port: number }).port}/link`;
    const connection = new Promise<WebSocket>((resolve) =>
      sockets.once("connection", (socket: WebSocket) => {
        socket.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A1" } }));
        resolve(socket);
      }),
    );
    const dir = mkdtempSync(join(tmpdir(), "endpoint-advice-socket-"));
    const store = await openStore(join(dir, "decisions.db"));
    const config = loadConfig({
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_APP_TOKEN: "xapp-test",
      SLACK_API_URL: stub.apiUrl,
      PORT: "0",
      LOG_LEVEL: "error",
    });
    if (!config.ok) throw new Error(failureText(config.errors));
    const slack = createSlackApp(config.value, { store, knowledge: loadKnowledge() });
    current = { stub, sockets, dir, store, slack, connection };
  });
  afterEach(async () => {
    if (current === undefined) return;
    const { slack, store, sockets, stub, dir } = current;
    current = undefined;
    await slack.stop();
    await store.close();
    for (const client of sockets.clients) client.terminate();
    sockets.close();
    await stub.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (current === undefined) throw new Error("the Socket Mode app is not set up");
    return current;
  };
}
