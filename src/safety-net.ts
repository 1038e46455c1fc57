/**
 * Keeps the process serving when a promise rejects with nobody waiting for it. Such a rejection comes from
 * work for one request (a framework's fire-and-forget handler), so it is logged with its stack and the
 * other requests go on; Node's default would end the process and drop every request in flight. Uncaught
 * exceptions still end it: they may leave shared state half-changed.
 */
export function keepServingOnUnhandledRejection(log: (message: string) => void): void {
  process.on("unhandledRejection", (reason) => {
    const detail = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
    log(`A promise was rejected and nothing handled it; the app keeps running: ${detail}`);
  });
}
