import { loadConfig, loadDotEnv } from "./config.js";
import { loadKnowledge } from "./knowledge/index.js";
import { keepServingOnUnhandledRejection } from "./safety-net.js";
import { createSlackApp } from "./slack/app.js";
import { openStore } from "./store/index.js";
import { failureText } from "./vocabulary/index.js";

/** Wiring: config → store → knowledge → Slack app → start; a clean stop on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig(process.env);
  if (!config.ok) {
    console.error(`endpoint-advice: ${failureText(config.errors)}`);
    process.exit(1);
  }
  const store = await openStore(config.value.databaseUrl ?? config.value.databasePath);
  const knowledge = loadKnowledge();
  const slack = createSlackApp(config.value, { store, knowledge });
  keepServingOnUnhandledRejection((message) => slack.app.logger.error(message));
  const { port } = await slack.start();
  // What was saved but not yet posted before a crash or a restart goes out now; failed posts are retried.
  slack.startDeliveries();
  const { transport } = config.value;
  slack.app.logger.info(
    transport.kind === "socket"
      ? "endpoint-advice is running in Socket Mode"
      : `endpoint-advice is listening on port ${port ?? transport.port} at /slack/events`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    slack.app.logger.info(`${signal}: finishing the requests in progress, then closing the database`);
    try {
      await slack.stop();
    } finally {
      await store.close();
    }
    process.exit(0);
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, (name) => void stop(name));
}

main().catch((error: unknown) => {
  // A startup failure (database refused, data invalid) is one line, not a stack trace.
  console.error(`endpoint-advice: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
