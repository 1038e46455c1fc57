import { expect, it, vi } from "vitest";
import { AUTHOR, CHANNEL, TEAM } from "./harness.js";
import { hostileRequests } from "./hostile.js";
import { useSocketModeApp } from "./socket-harness.js";

const app = useSocketModeApp();

// Messages the Socket Mode client itself reads unchecked: each of these ended the process before.
const brokenEnvelopes: unknown[] = [
  null,
  42,
  "text",
  [],
  { type: "error" },
  { type: "newListener", envelope_id: "e" },
  { type: 7, envelope_id: "e" },
  { type: "events_api", envelope_id: "e", payload: null },
  { type: "events_api", envelope_id: "e", payload: {} },
  { type: "events_api", envelope_id: "e", payload: { event: null } },
  { type: "events_api", envelope_id: "e", payload: { event: { type: null } } },
  { type: "slash_commands", envelope_id: "e", payload: null },
  { type: "slash_commands", payload: { command: "/endpoint-advice" } },
  { type: "interactive", envelope_id: "e", payload: [] },
  { type: "interactive", envelope_id: "e", payload: { type: "block_actions", user: null, actions: [null] } },
  {
    type: "interactive",
    envelope_id: "e",
    payload: { type: "view_submission", user: { id: "U" }, view: null },
  },
];

// The HTTP families' bodies, each carried in the envelope type Slack would use for it.
function envelopesOfHttpFamilies(count: number): string[] {
  const requests = hostileRequests(count, { view: { callback_id: "x" }, blocks: [] });
  return requests.flatMap((request, i) => {
    const { body, contentType } = request.build();
    if (body.length > 100_000) return [];
    const text = body.toString("utf8");
    let payload: unknown;
    try {
      const form = contentType?.startsWith("application/x-www-form-urlencoded")
        ? new URLSearchParams(text)
        : undefined;
      payload = form
        ? form.has("payload")
          ? JSON.parse(form.get("payload")!)
          : Object.fromEntries(form)
        : JSON.parse(text);
    } catch {
      return [text];
    }
    const type =
      typeof payload === "object" && payload !== null && "command" in payload
        ? "slash_commands"
        : typeof payload === "object" && payload !== null && "event" in payload
          ? "events_api"
          : "interactive";
    return [JSON.stringify({ type, envelope_id: `hostile-${i}`, payload, accepts_response_payload: false })];
  });
}

it("malformed Socket Mode envelopes are refused with a log line each; the app keeps serving", async () => {
  await app().slack.start();
  const socket = await app().connection;
  const warn = vi.spyOn(app().slack.app.logger, "warn");
  const acks = new Set<string>();
  socket.on("message", (data: Buffer) => {
    const message = JSON.parse(data.toString()) as { envelope_id?: string };
    if (message.envelope_id !== undefined) acks.add(message.envelope_id);
  });
  const messages = [
    ...brokenEnvelopes.map((envelope) => JSON.stringify(envelope)),
    "{not json",
    ...envelopesOfHttpFamilies(400),
  ];
  for (const message of messages) socket.send(message);

  socket.send(
    JSON.stringify({
      envelope_id: "normal",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: {
        team_id: TEAM,
        channel_id: CHANNEL,
        user_id: AUTHOR,
        command: "/endpoint-advice",
        text: "",
        response_url: `${app().stub.responseUrl}/socket`,
        trigger_id: "trigger.socket",
      },
    }),
  );
  await vi.waitFor(
    () =>
      expect(
        app()
          .stub.callsTo("views.open")
          .map((call) => call.body.trigger_id),
      ).toContain("trigger.socket"),
    { timeout: 10_000 },
  );
  await vi.waitFor(() => expect(acks.has("normal")).toBe(true));
  const refusals = warn.mock.calls.filter(([line]) =>
    String(line).startsWith("Refused a Socket Mode message"),
  );
  // Every broken envelope above is refused before Bolt; an envelope with an id is acknowledged.
  expect(refusals.length).toBeGreaterThanOrEqual(brokenEnvelopes.length + 1);
  await vi.waitFor(() => expect(acks.has("e")).toBe(true));
});
