import { createServer } from "node:http";
import type { ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { BurstClient } from "../../bench/burst-client.js";

const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A loopback server answering each request as `answer` says, recording what it received. */
async function serve(answer: (body: string, res: ServerResponse) => void) {
  const received: { url: string; headers: Record<string, unknown>; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      received.push({ url: req.url ?? "", headers: req.headers, body });
      answer(body, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/slack/events`, received };
}

describe("BurstClient", () => {
  it("sends one request per connection and times responses with a length or chunked", async () => {
    const { url, received } = await serve((body, res) => {
      if (body === "chunked") res.write("part");
      res.end(body === "chunked" ? "" : "ok");
    });
    const client = await BurstClient.open(url, 2);
    const headers = { "Content-Type": "text/plain" };
    for (let round = 0; round < 2; round++) {
      const times = await client.burst([
        { headers, body: "chunked" },
        { headers, body: "plain" },
      ]);
      expect(times).toHaveLength(2);
      for (const ms of times) expect(ms).toBeGreaterThan(0);
    }
    client.close();
    expect(received.map((request) => request.body).sort()).toEqual(["chunked", "chunked", "plain", "plain"]);
    expect(received[0]?.url).toBe("/slack/events");
    expect(received[0]?.headers["content-type"]).toBe("text/plain");
  });

  it("rejects a response that is not 200, naming its status", async () => {
    const { url } = await serve((_body, res) => {
      res.writeHead(401);
      res.end();
    });
    const client = await BurstClient.open(url, 1);
    await expect(client.burst([{ headers: {}, body: "x" }])).rejects.toThrow("ack HTTP/1.1 401 Unauthorized");
    client.close();
  });

  it("rejects when the server closes the connection instead of answering", async () => {
    const { url } = await serve((_body, res) => res.socket?.destroy());
    const client = await BurstClient.open(url, 1);
    await expect(client.burst([{ headers: {}, body: "x" }])).rejects.toThrow(
      "closed a kept-alive connection",
    );
    client.close();
  });
});
