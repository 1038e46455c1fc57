import { createHmac } from "node:crypto";
import { AUTHOR, CHANNEL, TEAM } from "./harness.js";
import { FORM, JSON_TYPE, SIGNING_SECRET } from "./signer.js";

/** One signed request the app must survive, built when sent (a few are megabytes): its family and content. */
export interface HostileRequest {
  family: string;
  build(): { body: Buffer; contentType: string | null };
}

/** What the app itself sent, so hostile variants use its real callback ids, action ids and values. */
export interface Captured {
  /** A view the app opened (callback_id, private_metadata, blocks). */
  view: Record<string, unknown>;
  /** A message the app posted with buttons (blocks carrying action ids and values). */
  blocks: unknown[];
}

const user = { id: AUTHOR, username: "author", team_id: TEAM };
const team = { id: TEAM, domain: "example" };

/** `count` signed malformed or hostile requests, cycling through every family in turn. */
export function hostileRequests(count: number, captured: Captured): HostileRequest[] {
  const families = Object.entries(familyBuilders(captured));
  const requests: HostileRequest[] = [];
  for (let i = 0; requests.length < count; i++) {
    const [family, variants] = families[i % families.length]!;
    const build = variants[Math.floor(i / families.length) % variants.length]!;
    requests.push({ family, build: () => build(i) });
  }
  return requests;
}

/** How many families there are. */
export function familyCount(): number {
  return Object.keys(familyBuilders({ view: {}, blocks: [] })).length;
}

/** POSTs raw bytes signed over exactly those bytes, as Slack signs. */
export async function postRaw(
  url: string,
  body: Buffer,
  contentType: string | null,
  timestamp = Math.floor(Date.now() / 1000),
): Promise<number> {
  const hmac = createHmac("sha256", SIGNING_SECRET).update(`v0:${timestamp}:`).update(body).digest("hex");
  const headers: Record<string, string> = {
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": `v0=${hmac}`,
  };
  if (contentType !== null) headers["content-type"] = contentType;
  const response = await fetch(url, { method: "POST", headers, body });
  await response.arrayBuffer();
  return response.status;
}

type Variant = (i: number) => { body: Buffer; contentType: string | null };

const form =
  (fields: Record<string, string>): Variant =>
  () => ({
    body: Buffer.from(new URLSearchParams(fields).toString()),
    contentType: FORM,
  });
const payload = (value: unknown): Variant => form({ payload: JSON.stringify(value) });
const rawPayload = (text: string): Variant => form({ payload: text });
const json =
  (value: unknown): Variant =>
  () => ({ body: Buffer.from(JSON.stringify(value)), contentType: JSON_TYPE });
const raw =
  (text: string | Buffer, contentType: string | null): Variant =>
  () => ({
    body: Buffer.isBuffer(text) ? text : Buffer.from(text),
    contentType,
  });

function familyBuilders(captured: Captured): Record<string, Variant[]> {
  const view = captured.view;
  const firstAction = findAction(captured.blocks);
  const submission = (state: unknown, extra: Record<string, unknown> = {}) => ({
    type: "view_submission",
    team,
    user,
    api_app_id: "A1",
    view: { ...view, id: "V1", hash: "h1", state, ...extra },
  });
  const press = (action: unknown) => ({
    type: "block_actions",
    team,
    user,
    channel: { id: CHANNEL },
    response_url: "http://127.0.0.1:9/unused",
    actions: [action],
  });
  return {
    "null payload": [rawPayload("null"), json(null), raw("null", "text/plain")],
    "JSON scalars": [rawPayload("1"), rawPayload('"block_actions"'), rawPayload("true"), json(42), json("x")],
    arrays: [rawPayload("[]"), rawPayload("[null]"), json([]), json([{ type: "event_callback" }])],
    "wrong field types": [
      payload({ type: 5 }),
      payload({ type: "block_actions", user: "U1", actions: "x" }),
      payload({ type: "view_submission", user, view: 7 }),
      payload({ type: "block_actions", user, team: "T1", actions: [{}] }),
      payload({ type: "shortcut", user: { id: 12 }, callback_id: ["x"] }),
      json({ type: "event_callback", event: "message" }),
      json({ type: "event_callback", event: { type: 3 } }),
      json({ type: "event_callback", event: { type: "message", item: "x" } }),
      json({ type: "event_callback", authorizations: { team_id: 1 }, event: { type: "app_home_opened" } }),
    ],
    "missing fields": [
      payload({ type: "block_actions", actions: [{ action_id: "x" }] }),
      payload({ type: "view_submission", user }),
      payload({ type: "view_closed", team, user }),
      payload({ type: "shortcut" }),
      json({ type: "event_callback", event: {} }),
      form({ command: "/endpoint-advice" }),
      form({ text: "help" }),
      json({ type: "url_verification" }),
    ],
    "nested nulls": [
      payload({ type: "block_actions", user: null, actions: [null] }),
      payload({ type: "block_actions", user, team: null, channel: null, actions: [{ action_id: "x" }] }),
      payload({ type: "block_actions", user, actions: [null] }),
      payload(submission(null)),
      payload(submission({ values: null })),
      payload(submission({ values: { a: null } })),
      payload(submission({ values: { a: { b: null } } })),
      json({ type: "event_callback", event: { type: "message", channel: null, user: null } }),
      json({ type: "event_callback", event: { type: "reaction_added", item: null } }),
      json({ type: "event_callback", event: null }),
    ],
    "unknown types": [
      payload({ type: "something_new", user, team }),
      payload({ type: "block_actions", user, team, actions: [{ action_id: "no-such-action", value: "x" }] }),
      json({ type: "event_callback", team_id: TEAM, event: { type: "brand_new_event" }, event_id: "Ev1" }),
      json({ type: "app_rate_limited" }),
      json({}),
    ],
    // Two of the six are megabytes (one over Bolt's 4 MB limit), so the run stays light on a shared machine.
    "huge bodies": [
      (i) => ({ body: Buffer.alloc(4 * 1024 * 1024 + 1 + i, "a"), contentType: FORM }),
      (i) => rawPayload(`{"type":"block_actions","pad":"${"x".repeat(3_500_000 + i)}"}`)(i),
      (i) => payload(press({ ...firstAction, value: "v".repeat(1_000_000 + i) }))(i),
      json({ type: "event_callback", event: { type: "message", text: "t".repeat(500_000) } }),
      json({
        type: "event_callback",
        event: { type: "message", blocks: Array.from({ length: 20_000 }, () => ({})) },
      }),
      raw("payload=" + "%7B".repeat(100_000), FORM),
    ],
    "bad encodings": [
      raw("payload=%7B%22type%22%3A%22bl%ZZ", FORM),
      raw("payload=%E0%A4%A", FORM),
      raw("payload=%7B%22a%22%3A%22%00%22%7D", FORM),
      raw('{"type":"block_actions","user":{"id":"\\ud800"},"actions":[{"action_id":"\\u0000"}]}', JSON_TYPE),
      raw("payload=" + "%".repeat(1000), FORM),
      raw("command=%2Fendpoint-advice&command=%2Fother&text=a&text=b", FORM),
      raw("{" + '"a":'.repeat(1) + "[".repeat(100_000) + "]".repeat(100_000) + "}", JSON_TYPE),
    ],
    "non-UTF-8 bytes": [
      raw(Buffer.from([0xff, 0xfe, 0x00, 0x7b]), JSON_TYPE),
      raw(Buffer.concat([Buffer.from("payload="), Buffer.from([0xc3, 0x28, 0xa0, 0xa1])]), FORM),
      raw(
        Buffer.from('{"type":"event_callback","event":{"type":"message","text":"\xe9"}}', "latin1"),
        JSON_TYPE,
      ),
    ],
    "wrong content type": [
      raw(JSON.stringify({ type: "block_actions", user, actions: [{ action_id: "x" }] }), FORM),
      raw("payload=%7B%7D", JSON_TYPE),
      raw("payload=null", "text/plain"),
      raw("payload=null", `${FORM}; charset=utf-8`),
      raw("payload=null", null),
      raw(
        "--x\r\nContent-Disposition: form-data; name=payload\r\n\r\nnull\r\n--x--",
        "multipart/form-data; boundary=x",
      ),
    ],
    "oversized view.state": [
      (i) =>
        payload(
          submission({
            values: Object.fromEntries(
              Array.from({ length: 2000 }, (_, n) => [
                `b${n}`,
                { [`a${n}`]: { type: "x", value: "y".repeat(500 + i) } },
              ]),
            ),
          }),
        )(i),
      payload(submission(stateWithEveryField(view, "z".repeat(200_000)))),
      payload(submission(stateWithEveryField(view, null))),
      payload(
        submission(stateWithEveryField(view, { selected_option: null, selected_options: "x", value: 7 })),
      ),
      payload(submission({ values: {} }, { private_metadata: "{".repeat(3000) })),
      payload(
        submission({ values: {} }, { private_metadata: JSON.stringify({ step: [null], answers: "x" }) }),
      ),
    ],
    "hostile values": [
      payload(press({ ...firstAction, value: "EA-999999999999999999999" })),
      payload(press({ ...firstAction, value: "'; DROP TABLE decisions; --" })),
      payload(press({ ...firstAction, value: "<!channel> <@U1> <http://evil|x>" })),
      payload(press({ ...firstAction, value: "x".repeat(100_000) })),
      payload(press({ ...firstAction, value: null })),
      payload(press({ ...firstAction, selected_option: { value: 12 } })),
      payload({ ...press(firstAction), __proto__: { polluted: true }, constructor: { prototype: { x: 1 } } }),
      form({
        command: "/endpoint-advice",
        text: "quick " + "service=".repeat(5000),
        team_id: TEAM,
        user_id: AUTHOR,
      }),
      form({
        command: "/endpoint-advice",
        text: "show EA-1e999",
        team_id: TEAM,
        user_id: AUTHOR,
        channel_id: CHANNEL,
      }),
    ],
  };
}

/** Every block_id/action_id pair of the captured view, each set to `value`. */
function stateWithEveryField(view: Record<string, unknown>, value: unknown) {
  const blocks = (view.blocks ?? []) as { block_id?: string; element?: { action_id?: string } }[];
  const values: Record<string, Record<string, unknown>> = {};
  for (const block of blocks) {
    if (block.block_id === undefined || block.element?.action_id === undefined) continue;
    values[block.block_id] = {
      [block.element.action_id]: typeof value === "object" && value !== null ? value : { type: "x", value },
    };
  }
  return { values };
}

function findAction(blocks: unknown[]): Record<string, unknown> {
  for (const block of blocks as { type?: string; elements?: Record<string, unknown>[] }[]) {
    const button = block.elements?.find((element) => typeof element.action_id === "string");
    if (button !== undefined) return { ...button, block_id: "decision_actions", action_ts: "1" };
  }
  return { type: "button", action_id: "unknown", value: "x" };
}
