import type { IncomingMessage, ServerResponse } from "node:http";
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";

/**
 * The baseline for bench/slack.ts: a Bolt app, configured like ours (HTTP receiver, /healthz, Web API at
 * SLACK_API_URL), that only acks `/endpoint-advice`. Runs as its own process until SIGTERM.
 */
const receiver = new HTTPReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? "",
  endpoints: "/slack/events",
  logLevel: LogLevel.ERROR,
  customRoutes: [
    {
      path: "/healthz",
      method: ["GET"],
      handler: (_req: IncomingMessage, res: ServerResponse) => {
        res.writeHead(200);
        res.end("ok");
      },
    },
  ],
});
const app = new App({
  receiver,
  token: process.env.SLACK_BOT_TOKEN ?? "",
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? "" },
});
app.command("/endpoint-advice", async ({ ack }) => {
  await ack();
});
await app.start(Number(process.env.PORT));
process.once("SIGTERM", () => void app.stop().then(() => process.exit(0)));
