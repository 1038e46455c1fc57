import { SocketModeReceiver } from "@slack/bolt";
import type {
  App,
  Logger,
  SocketModeReceiverOptions,
  SocketModeReceiverProcessEventErrorHandlerArgs,
} from "@slack/bolt";
import { envelopeProblem } from "./envelope.js";

type MessageListener = (data: string | ArrayBuffer, isBinary: boolean) => Promise<void>;

/**
 * Bolt's SocketModeReceiver with the guarantee of GuardedHTTPReceiver: the Socket Mode client reads `type`
 * and `payload` of each WebSocket message unchecked, in an async listener whose rejection nobody handles (a
 * `null` message, an `events_api` envelope without an event, or an envelope whose type is `error` — emitted
 * on an EventEmitter without an error listener — would each end the process). Messages are checked first; a
 * malformed envelope is acknowledged, so Slack does not send it again, and logged once.
 */
export class GuardedSocketModeReceiver extends SocketModeReceiver {
  private appLogger: Logger | undefined;

  constructor(options: SocketModeReceiverOptions) {
    super({ ...options, processEventErrorHandler: acknowledgeProcessingError });
    const { client } = this;
    const [clientListener] = client.listeners("ws_message") as MessageListener[];
    if (clientListener === undefined)
      throw new Error("the Socket Mode client has no WebSocket message listener");
    // Unsubscribed by identity: the listener is the async method, the type here only says what it returns.
    client.off("ws_message", clientListener as (...args: unknown[]) => void);
    client.on("ws_message", (data: string | ArrayBuffer, isBinary: boolean) => {
      const problem = isBinary ? null : socketMessageProblem(data);
      if (problem !== null) {
        this.log().warn(`Refused a Socket Mode message: ${problem.reason}`);
        if (problem.envelopeId !== undefined) acknowledge(client, problem.envelopeId);
        return;
      }
      clientListener.call(client, data, isBinary).catch((error: unknown) => {
        this.log().error(`A Socket Mode message could not be processed: ${String(error)}`);
      });
    });
  }

  override init(app: App): void {
    super.init(app);
    this.appLogger = app.logger;
  }

  private log(): Logger {
    if (this.appLogger === undefined) throw new Error("the receiver is not attached to an app");
    return this.appLogger;
  }
}

// Envelope types the Socket Mode client handles itself, and those it hands to Bolt with a payload.
const CONTROL_TYPES = new Set(["hello", "disconnect"]);
const PAYLOAD_TYPES = new Set(["events_api", "slash_commands", "interactive"]);

function socketMessageProblem(data: string | ArrayBuffer): { reason: string; envelopeId?: string } | null {
  let message: unknown;
  try {
    message = JSON.parse(typeof data === "string" ? data : new TextDecoder().decode(data));
  } catch {
    return { reason: "not JSON" };
  }
  if (typeof message !== "object" || message === null || Array.isArray(message)) {
    return { reason: "not a JSON object" };
  }
  const { type, envelope_id: rawId, payload } = message as Record<string, unknown>;
  if (typeof type === "string" && CONTROL_TYPES.has(type)) return null;
  const envelopeId = typeof rawId === "string" ? rawId : undefined;
  if (typeof type !== "string" || !PAYLOAD_TYPES.has(type)) {
    return { reason: `unknown envelope type ${JSON.stringify(type)}`, envelopeId };
  }
  if (envelopeId === undefined) return { reason: "no envelope_id" };
  const problem =
    type === "events_api" && (payload as { event?: unknown } | null)?.event === undefined
      ? "an events_api envelope without an event"
      : envelopeProblem(payload);
  return problem === null ? null : { reason: problem, envelopeId };
}

// The acknowledgement the client sends for a listener's ack(), with an empty payload; its `send` is typed
// private but is how it answers every envelope.
function acknowledge(client: SocketModeReceiver["client"], envelopeId: string): void {
  (client as unknown as { send(id: string): Promise<void> }).send(envelopeId).catch(() => undefined);
}

function acknowledgeProcessingError(args: SocketModeReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
  args.logger.warn(`Acknowledged a Socket Mode envelope Bolt could not process: ${args.error.message}`);
  return Promise.resolve(true);
}
