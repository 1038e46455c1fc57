import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One Web API call (or response_url post) as the app made it. */
export interface RecordedCall {
  method: string;
  body: Record<string, unknown>;
  /** The token the call was made with (its Authorization header), if any. */
  token?: string;
}

type Reply =
  | { status: number; headers?: Record<string, string>; body: Record<string, unknown> | string }
  // The request is read and never answered (until the stub closes).
  | { hang: true }
  // Answered as usual once the promise it returns resolves.
  | { held: () => Promise<void> };

/**
 * A stand-in for Slack's Web API on 127.0.0.1: records every call with its parsed body and answers like
 * Slack does; faults (an error code, a 429 with Retry-After) can be scripted per method.
 */
export class WebApiStub {
  readonly calls: RecordedCall[] = [];
  readonly admins = new Set<string>();
  /** Display names users.info gives; a user not in here has none. */
  readonly names = new Map<string, string>();
  /** oauth.v2.access answers: by `code` for an install, by `refresh_token` for a rotation. */
  readonly grants = new Map<string, Record<string, unknown>>();
  /** Tokens Slack no longer accepts: auth.test and every other call answer token_revoked. */
  readonly revoked = new Set<string>();
  socketUrl = "";
  /** Called with each call as it arrives, before it is answered (the bench times arrivals with it). */
  onCall: ((call: RecordedCall) => void) | undefined;
  private readonly scripted = new Map<string, Reply[]>();
  private server: Server | undefined;
  private port = 0;
  private views = 0;
  private messages = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** The base URL to give the app as SLACK_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A response_url the app can post to; its posts are recorded as method "response_url". */
  get responseUrl(): string {
    return `http://127.0.0.1:${this.port}/response`;
  }

  /** The next `times` calls of `method` fail with Slack error `error`. */
  fail(method: string, error: string, times = 1): void {
    this.script(method, times, { status: 200, body: { ok: false, error } });
  }

  /** The next `times` calls of `method` get HTTP 429 with Retry-After. */
  rateLimit(method: string, retryAfterSeconds: number, times = 1): void {
    this.script(method, times, {
      status: 429,
      headers: { "Retry-After": String(retryAfterSeconds) },
      body: { ok: false, error: "ratelimited" },
    });
  }

  /** The next `times` calls of `method` are never answered. */
  hang(method: string, times = 1): void {
    this.script(method, times, { hang: true });
  }

  /**
   * The next call of `method` is answered as usual only once the returned function is called; `held`
   * resolves when that call has arrived.
   */
  hold(method: string): { held: Promise<void>; release: () => void } {
    let arrived!: () => void;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (arrived = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.script(method, 1, { held: () => (arrived(), released) });
    return { held, release };
  }

  /** The next `times` calls of `method` get this HTTP status (and body text, e.g. one that is not JSON). */
  answerRaw(method: string, status: number, body: string, times = 1): void {
    this.script(method, times, { status, body });
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Waits until `method` has been called `count` times (listeners keep working after the ack). */
  async waitFor(method: string, count = 1, timeoutMs = 5000): Promise<RecordedCall[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.callsTo(method).length < count) {
      if (Date.now() > deadline)
        throw new Error(`${method} called ${this.callsTo(method).length} times, expected ${count}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.callsTo(method);
  }

  private script(method: string, times: number, reply: Reply): void {
    const queue = this.scripted.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(reply);
    this.scripted.set(method, queue);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = req.url ?? "";
    const method = url.startsWith("/response") ? "response_url" : url.replace(/^\/api\//, "").split("?")[0]!;
    const body = parseBody(raw, req.headers["content-type"] ?? "");
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    this.calls.push({ method, body, ...(token !== undefined && { token }) });
    this.onCall?.({ method, body });
    let reply = this.scripted.get(method)?.shift();
    if (reply !== undefined && "held" in reply) {
      await reply.held();
      reply = undefined;
    }
    reply ??= {
      status: 200,
      body:
        token !== undefined && this.revoked.has(token)
          ? { ok: false, error: "token_revoked" }
          : this.answer(method, body),
    };
    if ("hang" in reply) return;
    res.writeHead(reply.status, { "Content-Type": "application/json", ...reply.headers });
    res.end(typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body));
  }

  private answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case "auth.test":
        return { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1", user: "endpoint-advice" };
      case "views.open":
      case "views.push":
      case "views.update":
      case "views.publish":
        this.views += 1;
        return { ok: true, view: { id: `V${this.views}`, hash: `h${this.views}` } };
      case "chat.postMessage":
      case "chat.update":
        this.messages += 1;
        return {
          ok: true,
          channel: body.channel,
          ts: `1700000000.${String(this.messages).padStart(6, "0")}`,
        };
      case "chat.postEphemeral":
        return { ok: true, message_ts: "1700000000.999999" };
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(body.users)}` } };
      case "users.info": {
        const user = String(body.user);
        const name = this.names.get(user);
        return {
          ok: true,
          user: {
            id: user,
            is_admin: this.admins.has(user),
            is_owner: false,
            ...(name && { real_name: name }),
          },
        };
      }
      case "chat.getPermalink": {
        const ts = String(body.message_ts).replace(".", "");
        return { ok: true, permalink: `https://example.slack.com/archives/${String(body.channel)}/p${ts}` };
      }
      case "oauth.v2.access": {
        const grant = this.grants.get(
          String(body.grant_type === "refresh_token" ? body.refresh_token : body.code),
        );
        return grant === undefined ? { ok: false, error: "invalid_code" } : { ok: true, ...grant };
      }
      case "apps.connections.open":
        return { ok: true, url: this.socketUrl };
      default:
        return { ok: true };
    }
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

// The Web API client sends form fields with objects (blocks, view) as JSON strings; response_url gets JSON.
function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (raw === "") return {};
  if (contentType.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    body[key] = /^[[{]/.test(value) ? (JSON.parse(value) as unknown) : value;
  }
  return body;
}
