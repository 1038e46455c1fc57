import type { IncomingMessage, ServerResponse } from "node:http";
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import type { ModalView } from "@slack/types";

/**
 * The baselines for bench/slack.ts: a Bolt app with Bolt's defaults, configured like ours (HTTP receiver,
 * /healthz, Web API at SLACK_API_URL), that acks `/endpoint-advice` and, when BENCH_MODAL_VIEW holds a view's
 * JSON, then opens that modal with `views.open` as the simplest Bolt app doing our job would. Runs as its own
 * process until SIGTERM.
 */
const modal = process.env.BENCH_MODAL_VIEW ? (JSON.parse(process.env.BENCH_MODAL_VIEW) as ModalView) : null;
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
app.command("/endpoint-advice", async ({ ack, client, command }) => {
  await ack();
  if (modal) await client.views.open({ trigger_id: command.trigger_id, view: modal });
});
await app.start(Number(process.env.PORT));
process.once("SIGTERM", () => void app.stop().then(() => process.exit(0)));
