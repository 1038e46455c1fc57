import type { Server, ServerResponse } from "node:http";
import { setImmediate as nextTurn } from "node:timers/promises";

// Follow-up work never waits longer than this: a trigger id it may still need lives 3 seconds.
const MAX_WAIT_MS = 250;
// How long the server must have received nothing new before follow-up work starts: the requests of a burst
// reach the server over tens of milliseconds, and a moment with every received one answered is not its end.
const QUIET_MS = 5;

/**
 * Acks first. Slack needs each request acked within 3 seconds, and the work after an ack (Web API calls)
 * shares the event loop with the acks still to be sent; so under a burst, that work waits until every
 * request received has been answered and no new one has arrived for QUIET_MS (or MAX_WAIT_MS has passed),
 * then runs in the order the requests came.
 */
export class AcksFirst {
  private unanswered = 0;
  private arrivals = 0;
  private waiting: (() => void)[] = [];
  private quietTimer: NodeJS.Timeout | undefined;

  /** Counts the server's requests from arrival until their response is done. */
  watch(server: Server): void {
    server.on("request", (_request, response: ServerResponse) => {
      this.unanswered += 1;
      this.arrivals += 1;
      response.once("close", () => {
        this.unanswered -= 1;
        this.awaitQuiet();
      });
    });
  }

  /** Resolves once no received request is waiting for its answer and none has arrived for QUIET_MS. */
  async turn(): Promise<void> {
    // Let the requests already read from the sockets reach their ack first.
    await nextTurn();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, MAX_WAIT_MS);
      this.waiting.push(() => {
        clearTimeout(timer);
        resolve();
      });
      this.awaitQuiet();
    });
  }

  private awaitQuiet(): void {
    if (this.unanswered > 0 || this.quietTimer !== undefined || this.waiting.length === 0) return;
    const seen = this.arrivals;
    this.quietTimer = setTimeout(() => {
      this.quietTimer = undefined;
      // A request still unanswered calls again when it is answered.
      if (this.arrivals !== seen) this.awaitQuiet();
      else if (this.unanswered === 0) this.release();
    }, QUIET_MS);
  }

  private release(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resume of waiting) resume();
  }
}
