import { describe, expect, it } from "vitest";
import { useTestApp } from "./harness.js";

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
