import { isUtf8 } from "node:buffer";
import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import {
  AuthorizationError,
  HTTPModuleFunctions,
  HTTPReceiver,
  isRawBodyError,
  verifySlackRequest,
} from "@slack/bolt";
import type {
  App,
  BufferedIncomingMessage,
  HTTPReceiverOptions,
  Logger,
  ReceiverProcessEventErrorHandlerArgs,
} from "@slack/bolt";
import { envelopeProblem } from "./envelope.js";

/**
 * Bolt's HTTPReceiver behind a guard: every POST to the events path is read, verified and checked here
 * before Bolt sees it, so no signed request can crash the process or earn a 5xx. Refused with one log line:
 * unsigned, stale or future-dated requests (401; Bolt itself only refuses the stale ones), bodies over the
 * limit (413), bodies that are not UTF-8, not parseable, or not shaped like anything Slack sends (400).
 * Slack's unsigned SSL check is answered here. What passes goes to Bolt's own listener with the body already
 * read; Bolt's signature check is off, since nothing reaches that listener on the events path unverified
 * (checking twice cost every request a second HMAC and two more parses before its ack).
 */
export class GuardedHTTPReceiver extends HTTPReceiver {
  private appLogger: Logger | undefined;
  private readonly eventsPath: string;
  private readonly secret: string;

  constructor(options: HTTPReceiverOptions & { endpoints: string }) {
    super({
      ...options,
      bodyLimit: BODY_LIMIT_BYTES,
      processEventErrorHandler: answerProcessingError,
      signatureVerification: false,
    });
    this.eventsPath = options.endpoints;
    this.secret = options.signingSecret;
    const boltListener = this.requestListener;
    this.requestListener = (request, response) => {
      if (
        request.method?.toUpperCase() !== "POST" ||
        new URL(request.url ?? "/", "http://localhost").pathname !== this.eventsPath
      ) {
        boltListener(request, response);
        return;
      }
      this.admit(request, response)
        .then((admitted) => admitted && boltListener(request, response))
        .catch((error: unknown) => {
          this.log().error(`A Slack request could not be checked: ${String(error)}`);
          if (!response.headersSent) answerEmpty(response, 400);
        });
    };
  }

  override init(app: App): void {
    super.init(app);
    this.appLogger = app.logger;
  }

  /** True when Bolt may take the request; otherwise it has been answered (a refusal logged once). */
  private async admit(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    let buffered: BufferedIncomingMessage;
    try {
      buffered = await HTTPModuleFunctions.bufferIncomingMessage(request, BODY_LIMIT_BYTES);
    } catch (error) {
      if (isRawBodyError(error) && error.statusCode === 413) {
        return this.refuse(response, 413, `the body is over ${BODY_LIMIT_BYTES} bytes`);
      }
      return this.refuse(response, 400, `the body could not be read (${String(error)})`);
    }
    if (!isUtf8(buffered.rawBody)) return this.refuse(response, 400, "the body is not UTF-8");
    const text = buffered.rawBody.toString("utf8");
    // Read as Bolt reads it (parseHTTPRequestBody): a form's `payload` field holds JSON, otherwise the form is
    // the body; any other content type is JSON.
    const form = request.headers["content-type"] === FORM ? parseQuery(text) : null;
    // Slack's SSL check is unsigned by design: answered here, whatever else the body holds.
    if (form?.ssl_check === "1") {
      answerEmpty(response, 200);
      return false;
    }
    const unsigned = this.signatureProblem(request, text);
    if (unsigned !== null) return this.refuse(response, 401, unsigned);
    let body: unknown;
    try {
      body =
        form === null ? JSON.parse(text) : typeof form.payload === "string" ? JSON.parse(form.payload) : form;
    } catch (error) {
      return this.refuse(response, 400, `the body is not JSON (${String(error)})`);
    }
    const problem = envelopeProblem(body);
    return problem === null || this.refuse(response, 400, problem);
  }

  private signatureProblem(request: IncomingMessage, text: string): string | null {
    const timestamp = Number(request.headers["x-slack-request-timestamp"]);
    const signature = request.headers["x-slack-signature"];
    if (!Number.isInteger(timestamp)) return "no valid x-slack-request-timestamp";
    if (typeof signature !== "string") return "no x-slack-signature";
    // Bolt refuses timestamps more than 5 minutes old; one as far in the future is as much a replay.
    if (timestamp > Date.now() / 1000 + MAX_CLOCK_SKEW_S) return "x-slack-request-timestamp is in the future";
    try {
      verifySlackRequest({
        signingSecret: this.secret,
        body: text,
        headers: { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp },
      });
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  private refuse(response: ServerResponse, status: number, reason: string): false {
    this.log().warn(`Refused a Slack request (${status}): ${reason}`);
    answerEmpty(response, status);
    return false;
  }

  private log(): Logger {
    if (this.appLogger === undefined) throw new Error("the receiver is not attached to an app");
    return this.appLogger;
  }
}

// What Bolt throws before any listener runs (its own reading of a body that passed the checks) is the
// request's fault, not the server's: one line and a 400 instead of Bolt's 500. Listener errors never get
// here; they go to the app's error handler.
function answerProcessingError(args: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
  const { error, logger, response } = args;
  if (response.headersSent) {
    logger.error(`A Slack request failed after it was acknowledged: ${error.message}`);
    return Promise.resolve(false);
  }
  if (error instanceof AuthorizationError) {
    answerEmpty(response, 401);
    return Promise.resolve(true);
  }
  logger.warn(`Refused a Slack request Bolt could not process (400): ${error.message}`);
  answerEmpty(response, 400);
  // Answered: true stops Bolt's 3-second "not acknowledged" timer, which would log the request again.
  return Promise.resolve(true);
}

function answerEmpty(response: ServerResponse, status: number): void {
  response.writeHead(status);
  response.end();
}

const FORM = "application/x-www-form-urlencoded";
const MAX_CLOCK_SKEW_S = 5 * 60;
// Bolt's own default (4 MB): far above anything Slack sends, a modal's full state included.
const BODY_LIMIT_BYTES = HTTPModuleFunctions.defaultBodyLimit;
