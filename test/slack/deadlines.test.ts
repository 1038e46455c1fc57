import { describe, expect, it, vi } from "vitest";
import { AUTHOR, CHANNEL, TEAM, useTestApp } from "./harness.js";
import type { TestApp } from "./harness.js";
import { listed } from "../store/new-decision.js";

const app = useTestApp();

/** Milliseconds from now until the stub has seen `count` calls of `method` (at most `timeoutMs`). */
async function msUntil(t: TestApp, method: string, count: number, timeoutMs = 10_000): Promise<number> {
  const started = performance.now();
  await t.stub.waitFor(method, count, timeoutMs);
  return performance.now() - started;
}

describe("every Web API call has a deadline", () => {
  it("a views.open that never answers: the person is told by response_url within 10 s", async () => {
    app().stub.hang("views.open", 5);
    const started = performance.now();
    expect((await app().command("")).status).toBe(200);
    const [reply] = await app().stub.waitFor("response_url", 1, 10_000);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(String(reply!.body.text)).toContain("did not answer in time");
    // A trigger id lives 3 s: an attempt that took its deadline is not tried again.
    expect(app().stub.callsTo("views.open")).toHaveLength(1);
  });

  it("a 429 (Retry-After 8) on one method does not delay another person's views.open", async () => {
    app().stub.rateLimit("chat.postMessage", 8, 10);
    await app().command("quick service=azure-key-vault");
    await app().stub.waitFor("chat.postMessage");
    // The client's default pauses its whole queue for the 8 seconds; the modal would open after that.
    const opening = msUntil(app(), "views.open", 1);
    await app().command("", { user_id: "U0OTHER" });
    expect(await opening).toBeLessThan(3_000);
  });
});

describe("a failure to post the answer is never silent", () => {
  const failures: [string, (t: TestApp) => void][] = [
    ["HTTP 500", (t) => t.stub.answerRaw("chat.postMessage", 500, "Internal Server Error", 10)],
    ["HTTP 429 with a long Retry-After", (t) => t.stub.rateLimit("chat.postMessage", 30, 10)],
    ["error ratelimited", (t) => t.stub.fail("chat.postMessage", "ratelimited", 10)],
    [
      "a body that is not JSON",
      (t) => t.stub.answerRaw("chat.postMessage", 200, "<html>proxy error</html>", 10),
    ],
    ["no answer at all", (t) => t.stub.hang("chat.postMessage", 10)],
  ];

  it.each(failures)(
    "chat.postMessage fails with %s: the decision is saved and the person gets the answer by response_url within 10 s",
    async (_name, breakPosting) => {
      breakPosting(app());
      const started = performance.now();
      expect((await app().command("quick service=azure-key-vault")).status).toBe(200);
      const [reply] = await app().stub.waitFor("response_url", 1, 10_000);
      expect(performance.now() - started).toBeLessThan(10_000);
      const [decision] = (await listed(app().store, TEAM)).items;
      expect(decision).toBeDefined();
      expect(reply!.body.response_type).toBe("ephemeral");
      expect(JSON.stringify(reply!.body.blocks)).toContain(decision!.id);
      expect(JSON.stringify(reply!.body.blocks)).toMatch(/couldn't post this answer|did not answer in time/);
    },
  );

  it("not_in_channel is one log line, not a stack trace, and the answer goes to a DM", async () => {
    const warn = vi.spyOn(app().slack.app.logger, "warn");
    const error = vi.spyOn(app().slack.app.logger, "error");
    app().stub.fail("chat.postMessage", "not_in_channel");
    await app().command("quick service=azure-key-vault");
    const posts = await app().stub.waitFor("chat.postMessage", 2);
    expect(posts[1]!.body.channel).toBe(`D${AUTHOR}`);
    const lines = warn.mock.calls.filter(([line]) => String(line).includes(CHANNEL));
    expect(lines).toEqual([[expect.stringContaining("(not_in_channel)")]]);
    expect(error).not.toHaveBeenCalled();
  });
});
