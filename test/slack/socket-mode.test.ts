import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { WebSocketServer } from "ws";
import type { WebSocket } from "ws";
import { loadConfig } from "../../src/config.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { createSlackApp } from "../../src/slack/app.js";
import type { SlackApp } from "../../src/slack/app.js";
import { openStore } from "../../src/store/index.js";
import type { DecisionStore } from "../../src/store/index.js";
import { AUTHOR, CHANNEL, TEAM } from "./harness.js";
import { WebApiStub } from "./stub.js";

let stub: WebApiStub;
let sockets: WebSocketServer;
let dir: string;
let store: DecisionStore;
let slack: SlackApp;
let connection: Promise<WebSocket>;

beforeEach(async () => {
  stub = new WebApiStub();
  await stub.start();
  sockets = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise((resolve) => sockets.once("listening", resolve));
  const address = sockets.address() as { port: number };
  // apps.connections.open on the stub hands out this local WebSocket, as Slack hands out wss://…
  stub.socketUrl = `ws://127.0.0.1:${address.port}/link`;
  connection = new Promise((resolve) =>
    sockets.once("connection", (socket: WebSocket) => {
      socket.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A1" } }));
      resolve(socket);
    }),
  );
  dir = mkdtempSync(join(tmpdir(), "endpoint-advice-socket-"));
  store = await openStore(join(dir, "decisions.db"));
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-test",
    SLACK_APP_TOKEN: "xapp-test",
    SLACK_API_URL: stub.apiUrl,
    PORT: "0",
    LOG_LEVEL: "error",
  });
  if (!config.ok) throw new Error(config.message);
  slack = createSlackApp(config.value, { store, knowledge: loadKnowledge() });
});

afterEach(async () => {
  await slack.stop();
  await store.close();
  for (const client of sockets.clients) client.terminate();
  sockets.close();
  await stub.close();
  rmSync(dir, { recursive: true, force: true });
});

it("receives a slash command envelope over Socket Mode, acks it by envelope id and opens the modal", async () => {
  await slack.start();
  const socket = await connection;
  expect(stub.callsTo("apps.connections.open")).toHaveLength(1);
  const acked = new Promise<{ envelope_id: string }>((resolve) =>
    socket.on("message", (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { envelope_id?: string };
      if (message.envelope_id !== undefined) resolve(message as { envelope_id: string });
    }),
  );
  socket.send(
    JSON.stringify({
      envelope_id: "env-1",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: {
        team_id: TEAM,
        channel_id: CHANNEL,
        user_id: AUTHOR,
        command: "/endpoint-advice",
        text: "",
        api_app_id: "A1",
        response_url: `${stub.responseUrl}/socket`,
        trigger_id: "trigger.socket",
      },
    }),
  );
  expect((await acked).envelope_id).toBe("env-1");
  const [open] = await stub.waitFor("views.open");
  expect(open!.body.trigger_id).toBe("trigger.socket");
});
