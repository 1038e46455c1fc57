import { connect } from "node:net";
import type { Socket } from "node:net";

/**
 * The load side of bench/slack.ts: CONCURRENT kept-alive loopback connections, each sending one prepared
 * HTTP/1.1 request per burst and timing it from the write to the last byte of the response. A load generator
 * must cost next to nothing per request, or its own work is measured as the app's latency: `fetch` in this
 * process added about 25 ms to the p99 of 200 requests at once on two cores, node:http 10–15 ms.
 */
export class BurstClient {
  private readonly lastUsed: number[];

  private constructor(
    private readonly sockets: Socket[],
    private readonly address: { host: string; port: number },
    private readonly path: string,
  ) {
    this.lastUsed = sockets.map(() => performance.now());
  }

  static async open(url: string, connections: number): Promise<BurstClient> {
    const { hostname, port, pathname } = new URL(url);
    const address = { host: hostname, port: Number(port) };
    const sockets = await Promise.all(Array.from({ length: connections }, () => connectTo(address)));
    return new BurstClient(sockets, address, pathname);
  }

  /** Sends request i on connection i, all at once; resolves with each one's milliseconds to its full response. */
  async burst(requests: readonly PreparedRequest[]): Promise<number[]> {
    if (requests.length !== this.sockets.length) throw new Error("one request per connection");
    const wire = requests.map((request) => this.serialize(request));
    await this.reopenClosed();
    return Promise.all(this.sockets.map((socket, i) => this.time(i, socket, wire[i] as Buffer)));
  }

  /** Sends one request on connection `index`, which must be idle; resolves with its milliseconds. */
  async send(index: number, request: PreparedRequest): Promise<number> {
    if (this.sockets[index] === undefined) throw new Error(`no connection ${index}`);
    await this.reopenClosed();
    return this.time(index, this.sockets[index], this.serialize(request));
  }

  private async time(index: number, socket: Socket, request: Buffer): Promise<number> {
    try {
      return await timeResponse(socket, request);
    } finally {
      this.lastUsed[index] = performance.now();
    }
  }

  /**
   * Connections the app closed while idle, or is about to close (Node's HTTP server ends a kept-alive
   * connection after 5 s without a request, which a slow round on a busy machine reaches), are opened again
   * before the next request, so the reconnect is never timed and no request is written into a closing one.
   */
  private async reopenClosed(): Promise<void> {
    const now = performance.now();
    await Promise.all(
      this.sockets.map(async (socket, i) => {
        const idleMs = now - (this.lastUsed[i] ?? now);
        if (!socket.destroyed && socket.readyState === "open" && idleMs < SAFE_IDLE_MS) return;
        socket.destroy();
        this.sockets[i] = await connectTo(this.address);
        this.lastUsed[i] = performance.now();
      }),
    );
  }

  get connections(): number {
    return this.sockets.length;
  }

  close(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  private serialize({ headers, body }: PreparedRequest): Buffer {
    const lines = [
      `POST ${this.path} HTTP/1.1`,
      `Host: ${this.address.host}:${this.address.port}`,
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      `Content-Length: ${Buffer.byteLength(body)}`,
    ];
    return Buffer.from(`${lines.join("\r\n")}\r\n\r\n${body}`);
  }
}

// Below the 5 s after which Node's HTTP server closes an idle kept-alive connection.
const SAFE_IDLE_MS = 4_000;

function connectTo(address: { host: string; port: number }): Promise<Socket> {
  return new Promise<Socket>((resolve, reject) => {
    const socket = connect({ ...address, noDelay: true }, () => {
      socket.off("error", reject);
      // An error on an idle connection (the app went away) fails the next request on it, not this process.
      socket.on("error", () => undefined);
      resolve(socket);
    });
    socket.once("error", reject);
  });
}

export interface PreparedRequest {
  headers: Record<string, string>;
  body: string;
}

/** Writes one request and resolves when its response is complete; rejects unless the status is 200. */
function timeResponse(socket: Socket, request: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    let received = "";
    const fail = (error: Error) => {
      socket.off("data", onData);
      socket.off("close", onClose);
      socket.off("error", onError);
      reject(error);
    };
    const onClose = () => fail(new Error("the app closed a kept-alive connection"));
    const onError = (error: Error) => fail(error);
    const onData = (chunk: Buffer) => {
      received += chunk.toString("latin1");
      const headEnd = received.indexOf("\r\n\r\n");
      if (headEnd < 0 || !responseComplete(received, headEnd)) return;
      const ms = performance.now() - started;
      socket.off("data", onData);
      socket.off("close", onClose);
      socket.off("error", onError);
      if (received.startsWith("HTTP/1.1 200 ")) resolve(ms);
      else fail(new Error(`ack ${received.slice(0, received.indexOf("\r\n"))}`));
    };
    socket.on("data", onData);
    socket.once("close", onClose);
    socket.once("error", onError);
    const started = performance.now();
    socket.write(request);
  });
}

/** A response ends after Content-Length bytes of body, or with the last chunk of a chunked body. */
function responseComplete(received: string, headEnd: number): boolean {
  const length = /\r\ncontent-length: *(\d+)/i.exec(received.slice(0, headEnd));
  if (length) return received.length >= headEnd + 4 + Number(length[1]);
  return received.endsWith("\r\n0\r\n\r\n");
}
