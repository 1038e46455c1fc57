import type { Server, ServerResponse } from "node:http";
import { setImmediate as nextTurn } from "node:timers/promises";

// Follow-up work never waits longer than this: a trigger id it may still need lives 3 seconds.
const MAX_WAIT_MS = 250;

/**
 * Acks first. Slack needs each request acked within 3 seconds, and the work after an ack (Web API calls)
 * shares the event loop with the acks still to be sent; so under a burst, that work waits until every
 * request already received has been answered (or MAX_WAIT_MS has passed).
 */
export class AcksFirst {
  private unanswered = 0;
  private waiting: (() => void)[] = [];

  /** Counts the server's requests from arrival until their response is done. */
  watch(server: Server): void {
    server.on("request", (_request, response: ServerResponse) => {
      this.unanswered += 1;
      response.once("close", () => {
        this.unanswered -= 1;
        if (this.unanswered === 0) this.release();
      });
    });
  }

  /** Resolves once no received request is waiting for its answer. */
  async turn(): Promise<void> {
    // Let the requests already read from the sockets reach their ack first.
    await nextTurn();
    if (this.unanswered === 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, MAX_WAIT_MS);
      this.waiting.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private release(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resume of waiting) resume();
  }
}
