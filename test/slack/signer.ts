import { createHmac } from "node:crypto";

export const SIGNING_SECRET = "test-signing-secret";

export interface SignedResponse {
  status: number;
  text: string;
  /** Milliseconds from sending to the complete response (the ack). */
  ms: number;
}

export interface SignOptions {
  /** Seconds since the epoch to sign with; default now. */
  timestamp?: number;
  secret?: string;
  /** Headers to leave out, e.g. to test a request without a signature. */
  omit?: ("x-slack-signature" | "x-slack-request-timestamp")[];
  headers?: Record<string, string>;
}

/** X-Slack-Signature as Slack computes it: v0= hex HMAC-SHA256 of "v0:{timestamp}:{raw body}". */
export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** POSTs `body` to the app exactly as Slack does: raw body, content type, timestamp and signature headers. */
export async function postSigned(
  url: string,
  body: string,
  contentType: string,
  options: SignOptions = {},
): Promise<SignedResponse> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    "content-type": contentType,
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": signature(options.secret ?? SIGNING_SECRET, timestamp, body),
    ...options.headers,
  };
  for (const name of options.omit ?? []) delete headers[name];
  const started = performance.now();
  const response = await fetch(url, { method: "POST", headers, body });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
}

/** A slash command's form-encoded body. */
export function commandBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** An interaction's body: `payload=` and the JSON payload, form-encoded. */
export function interactionBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export const FORM = "application/x-www-form-urlencoded";
export const JSON_TYPE = "application/json";
