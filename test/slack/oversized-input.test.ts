import { describe, expect, it } from "vitest";
import { useTestApp } from "./harness.js";

const app = useTestApp();

/** Slack refuses a message over 40,000 characters (slack.md: chat.postMessage text). */
const MESSAGE_LIMIT = 40_000;
const HUGE = 60_000;

const REPLY_METHODS = new Set(["response_url", "chat.postEphemeral", "chat.postMessage"]);

async function nextReply(seen: number): Promise<string> {
  for (let waited = 0; waited < 200; waited += 1) {
    const replies = app().stub.calls.filter((call) => REPLY_METHODS.has(call.method));
    if (replies.length > seen) return JSON.stringify(replies[seen]!.body);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("no reply within 10 s");
}

describe("a command with oversized input", () => {
  it.each([
    ["an unknown quick key", `quick ${"k".repeat(HUGE)}=1`],
    ["a bad quick value", `quick onprem=${"m".repeat(HUGE)}`],
    ["an unknown service", `quick service=${"s".repeat(HUGE)}`],
    ["an unknown word", "w".repeat(HUGE)],
    ["a decision that does not exist", `show EA-${"9".repeat(HUGE)}`],
    ["an unknown history filter", `history status:${"f".repeat(HUGE)}`],
  ])("%s is answered without echoing it whole", async (_, text) => {
    expect((await app().command(text)).status).toBe(200);
    const reply = await nextReply(0);
    expect(reply.length).toBeLessThan(MESSAGE_LIMIT);
    expect(reply).toContain("…");
  });
});
