import http from "node:http";
import https from "node:https";
import type { FetchFunction } from "@slack/web-api";

type FetchResponse = Awaited<ReturnType<FetchFunction>>;

// Kept-alive sockets to the Web API, reused across calls (the Web API client caps concurrent calls).
const agents = {
  "http:": new http.Agent({ keepAlive: true }),
  "https:": new https.Agent({ keepAlive: true }),
};

/**
 * The Web API client's transport: a plain node:http request for its form-encoded calls, which costs about a
 * quarter less CPU and far less memory per call than the global `fetch` (see docs/BENCHMARKS.md). Anything
 * else (file uploads as FormData, non-HTTP URLs) goes to the global `fetch`.
 */
export const httpFetch: FetchFunction = (url, init = {}) => {
  const target = new URL(url);
  const agent = target.protocol === "http:" || target.protocol === "https:" ? agents[target.protocol] : null;
  if (agent === null || (init.body !== undefined && typeof init.body !== "string")) return fetch(url, init);
  const send = target.protocol === "https:" ? https.request : http.request;
  return new Promise<FetchResponse>((resolve, reject) => {
    const request = send(
      target,
      { method: init.method ?? "GET", headers: init.headers, agent, signal: init.signal },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          const status = response.statusCode ?? 0;
          // Like fetch with `redirect: "error"`: a redirect is a failure, never followed.
          if (init.redirect === "error" && status >= 300 && status < 400)
            reject(new TypeError(`fetch failed: redirect (${status}) from ${target.href}`));
          else resolve(fetchResponse(target.href, response, Buffer.concat(chunks)));
        });
      },
    );
    request.on("error", reject);
    request.end(init.body);
  });
};

function fetchResponse(url: string, response: http.IncomingMessage, body: Buffer): FetchResponse {
  const status = response.statusCode ?? 0;
  const headers = Object.entries(response.headers).flatMap(([name, value]): [string, string][] =>
    value === undefined ? [] : [[name, Array.isArray(value) ? value.join(", ") : value]],
  );
  const text = () => Promise.resolve(body.toString("utf8"));
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: response.statusMessage ?? "",
    url,
    headers: {
      get: (name) => headers.find(([key]) => key === name.toLowerCase())?.[1] ?? null,
      entries: () => headers,
    },
    arrayBuffer: () =>
      Promise.resolve(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer),
    text,
    json: () => Promise.resolve(JSON.parse(body.toString("utf8")) as unknown),
  };
}
