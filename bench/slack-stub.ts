import { WebApiStub } from "../test/slack/stub.js";

/**
 * The Web API stub as its own process for bench/slack.ts: prints its base URL, then one JSON line per
 * `views.open` (by trigger id) and `chat.postMessage` (by channel) with the time it arrived, on the same
 * clock as the bench process (performance.timeOrigin + now); runs until SIGTERM.
 */
const stub = new WebApiStub();
const KEYS: Record<string, string> = { "views.open": "trigger_id", "chat.postMessage": "channel" };
stub.onCall = ({ method, body }) => {
  const key = KEYS[method];
  if (key === undefined) return;
  const at = performance.timeOrigin + performance.now();
  process.stdout.write(`${JSON.stringify({ method, key: String(body[key]), at })}\n`);
};
await stub.start();
process.stdout.write(`${stub.apiUrl}\n`);
process.once("SIGTERM", () => void stub.close().then(() => process.exit(0)));
