import type { App, HTTPReceiverOptions, LogLevel, Logger } from "@slack/bolt";
import { WebClient, type OauthV2AccessResponse, type WebClientOptions } from "@slack/web-api";
import type { OAuthSettings } from "../../config.js";
import { tokenCipher, type InstallationRecords } from "../../store/index.js";
import { databaseInstallationStore, type BotTokenRefresher } from "./installation-store.js";
import { purgeSchedule } from "./purge-schedule.js";
import { redactingLogger } from "./redacting-logger.js";
import { BOT_SCOPES } from "./scopes.js";
import { uninstalls } from "./uninstall.js";
import { rememberOrgWorkspaces } from "./org-workspaces.js";

/** Installs by many workspaces: Bolt's install flow, our installation store, uninstalls and their purge. */
export interface OAuthInstalls {
  /** What Bolt's HTTP receiver needs to serve /slack/install and /slack/oauth_redirect. */
  receiverOptions: Pick<
    HTTPReceiverOptions,
    | "clientId"
    | "clientSecret"
    | "stateSecret"
    | "scopes"
    | "installationStore"
    | "installerOptions"
    | "logger"
  >;
  /**
   * The middleware installs need, before every other: it notes the teams of org-wide installs and puts
   * `uninstalls` on the context for the uninstall events' listeners (routes.ts registers those).
   */
  register(app: App): void;
  /** A Web API client with the bot token of `workspace` (a team, or an enterprise's org-wide install). */
  botClient(workspace: string): Promise<WebClient>;
  /** Purges what is due now, then periodically, until `stop`. */
  start(logger: Logger): void;
  stop(): Promise<void>;
}

export interface OAuthInstallsOptions {
  slackApiUrl: string;
  /** The app's Web API client options (deadlines, retries), for clients made outside a request. */
  clientOptions: WebClientOptions;
  logLevel: LogLevel;
  /** The clock for installs, uninstalls and the retention period. */
  now?: () => Date;
}

export function oauthInstalls(
  settings: OAuthSettings,
  records: InstallationRecords,
  options: OAuthInstallsOptions,
): OAuthInstalls {
  const now = options.now ?? (() => new Date());
  const logger = redactingLogger(options.logLevel, [settings.clientSecret, settings.stateSecret]);
  const installationStore = databaseInstallationStore(
    records,
    tokenCipher(settings.tokenEncryptionKey),
    now,
    botTokenRefresher(settings, options, logger),
  );
  const purges = purgeSchedule(records, now);
  const ends = uninstalls({
    records,
    installationStore,
    retentionDays: settings.retentionDaysAfterUninstall,
    now,
    purgeDue: (logger) => purges.purgeNow(logger),
  });
  return {
    receiverOptions: {
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      stateSecret: settings.stateSecret,
      scopes: [...BOT_SCOPES],
      installationStore,
      logger,
      // Token rotation: the installation store refreshes a bot token due within two hours (one instance
      // at a time) before Bolt sees it.
      installerOptions: { clientOptions: { slackApiUrl: options.slackApiUrl } },
    },
    register(app) {
      app.use(rememberOrgWorkspaces(records));
      app.use(async ({ context, next }) => {
        context.uninstalls = ends;
        await next();
      });
    },
    async botClient(workspace) {
      // Bolt's resolution for a request: an org-wide install is asked for by the enterprise (with the
      // team), any other by the team. A worker has no request, so the database says which it is.
      const owner = await records.installationFor(workspace);
      if (owner === undefined) throw new Error(`The app is not installed for ${workspace}`);
      const installation = await installationStore.fetchInstallation({
        isEnterpriseInstall: owner.isEnterpriseInstall,
        enterpriseId: owner.enterpriseId ?? undefined,
        teamId: owner.isEnterpriseInstall ? workspace : (owner.teamId ?? undefined),
      });
      return new WebClient(installation.bot?.token, options.clientOptions);
    },
    start: (logger) => purges.start(logger),
    stop: () => purges.stop(),
  };
}

/**
 * Refreshes through oauth.v2.access (grant_type=refresh_token), as Bolt would. Never retried: an attempt
 * whose answer was lost may have spent the refresh token, and a retry with it would fail anyway; the
 * current token stays usable and the next request tries again.
 */
function botTokenRefresher(
  settings: OAuthSettings,
  options: OAuthInstallsOptions,
  logger: Logger,
): BotTokenRefresher {
  const client = new WebClient(undefined, {
    ...options.clientOptions,
    retryConfig: { retries: 0 },
    logger,
  });
  return async (refreshToken) => {
    const answer: OauthV2AccessResponse = await client.oauth.v2.access({
      client_id: settings.clientId,
      client_secret: settings.clientSecret,
      grant_type: "refresh_token",
      refresh_token: refreshToken,
    });
    const { access_token: token, refresh_token: next, expires_in: expiresInSeconds } = answer;
    if (token === undefined || next === undefined || expiresInSeconds === undefined)
      throw new Error("oauth.v2.access answered a refresh without a token, refresh token and expiry");
    return { token, refreshToken: next, expiresInSeconds };
  };
}
