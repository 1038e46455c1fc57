import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { App, LogLevel } from "@slack/bolt";
import type { Receiver } from "@slack/bolt";
import type { RetryOptions } from "@slack/web-api";
import type { Config } from "../config.js";
import type { Services } from "../decisions/index.js";
import { provideContext } from "./context.js";
import { startDeliveryWorker, type DeliveryWorker } from "./delivery-worker.js";
import type { AppContext } from "./context.js";
import { oauthInstalls, type OAuthInstalls } from "./oauth/index.js";
import { GuardedHTTPReceiver } from "./receiver.js";
import { registerRoutes } from "./routes.js";
import { GuardedSocketModeReceiver } from "./socket-receiver.js";
import { slackErrorCode } from "./web-api-errors.js";
import { webApiClientOptions } from "./web-api-policy.js";

export interface SlackAppOptions {
  /** Overrides the Web API client's retry policy (tests keep retries fast). */
  retryConfig?: RetryOptions;
  /** The clock for OAuth installs, uninstalls and their retention period (tests move it). */
  now?: () => Date;
}

export interface SlackApp {
  app: App<AppContext>;
  /** Starts receiving; in HTTP mode resolves with the port actually bound (PORT=0 picks a free one). */
  start(): Promise<{ port: number | null }>;
  /**
   * Starts delivering the outbox's pending answers (those saved before a restart at once, retries when
   * due) in the background, until `stop`.
   */
  startDeliveries(): void;
  /**
   * Stops accepting requests, then waits (up to 10 s) for the work already accepted to finish, deliveries
   * included.
   */
  stop(): Promise<void>;
}

/** Builds the Bolt app for the given settings, with every listener registered. */
export function createSlackApp(config: Config, services: Services, options: SlackAppOptions = {}): SlackApp {
  const logLevel = LOG_LEVELS[config.logLevel];
  const clientOptions = {
    slackApiUrl: config.slackApiUrl,
    maxRequestConcurrency: WEB_API_CONCURRENCY,
    ...webApiClientOptions(options.retryConfig),
  };
  const installs =
    config.oauth &&
    oauthInstalls(config.oauth, services.store.installations, {
      slackApiUrl: config.slackApiUrl,
      clientOptions,
      logLevel,
      now: options.now,
    });
  const receiver = createReceiver(config, logLevel, installs);
  const app = new App<AppContext>({
    receiver,
    token: config.botToken,
    // start() runs Bolt's token check (auth.test) itself, before anything is received: see verifyBotToken.
    deferInitialization: true,
    logLevel,
    // Nothing here uses Bolt's per-conversation state; its default in-memory store costs every request a
    // lookup (and an Error when nothing is stored) and would not be shared between instances anyway.
    convoStore: false,
    clientOptions,
  });
  let deliveries: DeliveryWorker | undefined;
  const inFlight = new Set<Promise<void>>();
  app.use(async ({ next }) => {
    const work = next();
    inFlight.add(work);
    try {
      await work;
    } finally {
      inFlight.delete(work);
    }
  });
  // Installs' own middleware comes before every other.
  installs?.register(app);
  app.use(provideContext(services));
  registerRoutes(app, installs === undefined ? "token" : "oauth");
  app.error((error) => {
    app.logger.error("Unhandled error in a Slack listener", error);
    return Promise.resolve();
  });

  return {
    app,
    async start() {
      // With OAuth installs there is no token to check: each workspace's arrives with its installation.
      if (installs === undefined) await verifyBotToken(app, config.slackApiUrl);
      else await app.init();
      if (config.transport.kind === "socket") {
        await app.start();
        return { port: null };
      }
      const server = (await app.start(config.transport.port)) as Server;
      installs?.start(app.logger);
      const address = server.address();
      return { port: typeof address === "object" && address !== null ? address.port : config.transport.port };
    },
    startDeliveries() {
      deliveries ??= startDeliveryWorker({
        services,
        logger: app.logger,
        clientFor: async (workspace) => (installs === undefined ? app.client : installs.botClient(workspace)),
      });
    },
    async stop() {
      await app.stop();
      await installs?.stop();
      // Work in progress may still be waiting on Slack (each call has its deadline: web-api-policy.ts); a
      // stop waits for it only so long.
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_GRACE_MS)));
      await Promise.race([Promise.allSettled([...inFlight, deliveries?.stop()]), deadline]);
      clearTimeout(timer);
    },
  };
}

/**
 * Asks Slack who the bot token belongs to (Bolt's init, auth.test) before the app listens. Without it Bolt
 * checks in the background, and every request waits for that check: a refused token would fail them all,
 * and a Slack out of reach would leave them all unacknowledged while the client retries.
 */
async function verifyBotToken(app: App, slackApiUrl: string): Promise<void> {
  // Said first, so that the client's "http request failed" warnings while Slack is out of reach have context.
  app.logger.info(`Checking the bot token with Slack: ${slackApiUrl}auth.test`);
  try {
    await app.init();
  } catch (error) {
    const code = slackErrorCode(error);
    if (code !== undefined) throw new Error(`Slack refused SLACK_BOT_TOKEN (${code})`, { cause: error });
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot reach the Slack Web API at ${slackApiUrl}: ${reason}`, { cause: error });
  }
}

const STOP_GRACE_MS = 10_000;
// Web API calls in flight at once (the client's default is 100). After a burst of commands, every call in
// flight holds its request and response in memory: 50 keeps the app's RSS about 45 MB lower after 200 at
// once (docs/BENCHMARKS.md), and at Slack's usual latency still opens 200 modals well within a trigger id's
// 3 seconds.
const WEB_API_CONCURRENCY = 50;

const LOG_LEVELS: Record<Config["logLevel"], LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

// Both transports answer GET /healthz so a load balancer or the bench can tell when the app is ready.
const healthRoute = {
  path: "/healthz",
  method: ["GET"],
  handler: (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.end("ok");
  },
};

function createReceiver(config: Config, logLevel: LogLevel, installs: OAuthInstalls | undefined): Receiver {
  const { transport } = config;
  if (transport.kind === "socket") {
    return new GuardedSocketModeReceiver({
      appToken: transport.appToken,
      logLevel,
      customRoutes: [healthRoute],
      installerOptions: { port: transport.port, clientOptions: { slackApiUrl: config.slackApiUrl } },
    });
  }
  return new GuardedHTTPReceiver({
    signingSecret: transport.signingSecret,
    endpoints: "/slack/events",
    customRoutes: [healthRoute],
    logLevel,
    ...installs?.receiverOptions,
  });
}
