import { describe, expect, it, vi } from "vitest";
import { listed } from "../store/new-decision.js";
import { useTestApp } from "./harness.js";

const app = useTestApp();

describe("a request that names no workspace", () => {
  it("is acked and refused with a log line: nothing opened, posted or stored under an empty workspace", async () => {
    const warnings = vi.spyOn(app().slack.app.logger, "warn");
    expect((await app().command("", { team_id: "" })).status).toBe(200);
    expect((await app().command("quick service=azure-key-vault", { team_id: "" })).status).toBe(200);
    expect(warnings).toHaveBeenCalledWith(expect.stringContaining("names no team or enterprise"));
    expect(app().stub.callsTo("views.open")).toHaveLength(0);
    expect(app().stub.callsTo("chat.postMessage")).toHaveLength(0);
    expect((await listed(app().store, "")).items).toHaveLength(0);
  });
});
