import { afterEach, describe, expect, it, vi } from "vitest";
import { AUTHOR, CHANNEL, TEAM, useTestApp } from "./harness.js";
import { FORM, commandBody, postSigned } from "./signer.js";

const app = useTestApp();

describe("/endpoint-advice", () => {
  it("answers GET /healthz with 200", async () => {
    const response = await fetch(app().url.replace("/slack/events", "/healthz"));
    expect(response.status).toBe(200);
  });

  it("with no text acks at once and opens step 1 of the questionnaire", async () => {
    const ack = await app().command("");
    expect(ack.status).toBe(200);
    expect(ack.ms).toBeLessThan(1000);
    const [open] = await app().stub.waitFor("views.open");
    const view = open!.body.view as {
      callback_id: string;
      blocks: { block_id: string }[];
      private_metadata: string;
    };
    expect(open!.body.trigger_id).toMatch(/^trigger\./);
    expect(view.callback_id).toBe("questionnaire_step1");
    expect(view.blocks.map((block) => block.block_id)).toEqual(["cloud", "target", "service", "title"]);
    expect(JSON.parse(view.private_metadata)).toEqual({ channel: "C0GENERAL", answers: {} });
  });

  it("help lists the subcommands, only to the person who asked", async () => {
    expect((await app().command("help")).status).toBe(200);
    const [reply] = await app().stub.waitFor("response_url");
    expect(reply!.body.response_type).toBe("ephemeral");
    expect(String(reply!.body.text)).toContain("/endpoint-advice history");
    expect(String(reply!.body.text)).toContain("quick key=value");
  });

  it("tells the person to try again when the trigger id has expired", async () => {
    app().stub.fail("views.open", "expired_trigger_id");
    await app().command("");
    const [reply] = await app().stub.waitFor("response_url");
    expect(String(reply!.body.text)).toContain("run `/endpoint-advice` again");
  });
});

describe("/endpoint-advice without a response_url", () => {
  afterEach(() => vi.restoreAllMocks());

  // Everything the app and Bolt log (ConsoleLogger writes to the console).
  function logged() {
    const spies = (["error", "warn", "info", "debug", "log"] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation(() => undefined),
    );
    return () => spies.flatMap((spy) => spy.mock.calls.map((args) => args.map(String).join(" "))).join("\n");
  }

  const withoutResponseUrl = (text: string, trigger = "trigger.none") =>
    postSigned(
      app().url,
      commandBody({
        team_id: TEAM,
        channel_id: CHANNEL,
        user_id: AUTHOR,
        command: "/endpoint-advice",
        text,
        api_app_id: "A1",
        trigger_id: trigger,
      }),
      FORM,
    );

  it("answers help with chat.postEphemeral to the person, in the channel", async () => {
    const logs = logged();
    expect((await withoutResponseUrl("help")).status).toBe(200);
    const [reply] = await app().stub.waitFor("chat.postEphemeral");
    expect(reply!.body).toMatchObject({ channel: CHANNEL, user: AUTHOR });
    expect(String(reply!.body.text)).toContain("/endpoint-advice history");
    expect(app().stub.callsTo("response_url")).toHaveLength(0);
    expect(logs()).not.toMatch(/is not a function/);
  });

  it("says why the modal did not open, without a response_url either", async () => {
    const logs = logged();
    app().stub.fail("views.open", "expired_trigger_id");
    expect((await withoutResponseUrl("")).status).toBe(200);
    const [reply] = await app().stub.waitFor("chat.postEphemeral");
    expect(String(reply!.body.text)).toContain("run `/endpoint-advice` again");
    expect(logs()).not.toMatch(/is not a function/);
  });

  it("help naming no channel or person is acked, nothing thrown, no one messaged", async () => {
    const logs = logged();
    const response = await postSigned(
      app().url,
      commandBody({ command: "/endpoint-advice", text: "help" }),
      FORM,
    );
    expect(response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(logs()).not.toMatch(/is not a function|Cannot read properties/);
    expect(app().stub.callsTo("chat.postEphemeral")).toHaveLength(0);
    expect((await fetch(app().url.replace("/slack/events", "/healthz"))).status).toBe(200);
  });
});
