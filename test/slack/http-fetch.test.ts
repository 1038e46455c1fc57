import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebClient } from "@slack/web-api";
import { afterEach, expect, it } from "vitest";
import { httpFetch } from "../../src/slack/http-fetch.js";

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

it("posts the body and headers and reads status, headers and JSON back", async () => {
  const seen: { method?: string; type?: string; body?: string }[] = [];
  const base = await serve((request, body, response) => {
    seen.push({ method: request.method, type: request.headers["content-type"], body });
    response.writeHead(201, "Made", { "Content-Type": "application/json", "X-OAuth-Scopes": "chat:write" });
    response.end(JSON.stringify({ ok: true, echo: body }));
  });
  const response = await httpFetch(`${base}/api/views.open`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "trigger_id=t.1&view=%7B%7D",
    redirect: "error",
  });
  expect(seen).toEqual([
    { method: "POST", type: "application/x-www-form-urlencoded", body: "trigger_id=t.1&view=%7B%7D" },
  ]);
  expect([response.ok, response.status, response.statusText]).toEqual([true, 201, "Made"]);
  expect(response.headers.get("x-oauth-scopes")).toBe("chat:write");
  expect(response.headers.get("retry-after")).toBeNull();
  expect(await response.json()).toEqual({ ok: true, echo: "trigger_id=t.1&view=%7B%7D" });
});

it("refuses a redirect instead of following it", async () => {
  const base = await serve((_request, _body, response) => {
    response.writeHead(302, { Location: "/elsewhere" });
    response.end();
  });
  await expect(httpFetch(`${base}/api/x`, { method: "POST", body: "", redirect: "error" })).rejects.toThrow(
    /redirect \(302\)/,
  );
});

it("serves the Web API client: results, HTTP errors and rate limits come through as the client expects", async () => {
  let calls = 0;
  const base = await serve((request, body, response) => {
    calls += 1;
    if (request.url === "/api/views.open") {
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end(JSON.stringify({ ok: true, trigger: new URLSearchParams(body).get("trigger_id") }));
    } else if (request.url === "/api/chat.postMessage") {
      response.writeHead(429, { "Retry-After": "7" });
      response.end();
    } else {
      response.writeHead(500);
      response.end("down");
    }
  });
  const client = new WebClient("xoxb-test", {
    slackApiUrl: `${base}/api/`,
    fetch: httpFetch,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
  });
  await expect(
    client.views.open({
      trigger_id: "t.9",
      view: { type: "modal", title: { type: "plain_text", text: "x" }, blocks: [] },
    }),
  ).resolves.toMatchObject({ ok: true, trigger: "t.9" });
  await expect(client.chat.postMessage({ channel: "C1", text: "hi" })).rejects.toMatchObject({
    code: "slack_webapi_rate_limited_error",
    retryAfter: 7,
  });
  await expect(client.auth.test()).rejects.toMatchObject({
    code: "slack_webapi_http_error",
    statusCode: 500,
  });
  expect(calls).toBe(3);
});

it("stops a request when its signal aborts", async () => {
  const base = await serve(() => undefined);
  const controller = new AbortController();
  const pending = httpFetch(`${base}/api/x`, { method: "POST", body: "", signal: controller.signal });
  controller.abort();
  await expect(pending).rejects.toThrow(/abort/i);
});

async function serve(handler: Handler): Promise<string> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => handler(request, Buffer.concat(chunks).toString("utf8"), response));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  close = () => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
