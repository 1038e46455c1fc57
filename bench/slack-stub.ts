import { WebApiStub } from "../test/slack/stub.js";

// The Web API stub as its own process for bench/slack.ts: prints its base URL, runs until SIGTERM.
const stub = new WebApiStub();
await stub.start();
process.stdout.write(`${stub.apiUrl}\n`);
process.once("SIGTERM", () => void stub.close().then(() => process.exit(0)));
