import type { Context, InstallationQuery, InstallationStore, Logger } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { InstallationRecords } from "../../store/index.js";
import { slackErrorCode } from "../web-api-errors.js";
import { installationKey } from "./installation-store.js";

/**
 * What the end of an installation does, for the `app_uninstalled` and `tokens_revoked` listeners (events/),
 * which find it on Bolt's context with OAuth installs. Bolt does neither itself.
 */
export interface Uninstalls {
  /**
   * The app uninstalled, or its bot token revoked: the installation's tokens are deleted at once and its
   * workspaces' decisions scheduled for deletion after the retention. Slack may deliver this late, after
   * the workspace installed the app again: an event older than the stored installation deletes it only
   * when Slack refuses its token.
   */
  uninstalled(event: UninstallEvent): Promise<void>;
  /** Users' tokens revoked: they are deleted. */
  userTokensRevoked(event: Omit<UninstallEvent, "eventTime" | "client">, users: string[]): Promise<void>;
}

export interface UninstallEvent {
  context: Context;
  /** Seconds since the epoch, as Slack sends it. */
  eventTime: number;
  client: WebClient;
  logger: Logger;
}

export interface UninstallSettings {
  records: InstallationRecords;
  installationStore: InstallationStore;
  retentionDays: number;
  now: () => Date;
  /** Runs the purge of what is due (a retention of 0 days is due at once). */
  purgeDue(logger: Logger): Promise<void>;
}

/** The uninstall handling on Bolt's context; routes.ts registers its listeners only with OAuth installs. */
export function uninstallsOf(context: { uninstalls?: Uninstalls }): Uninstalls {
  if (context.uninstalls === undefined)
    throw new Error("an uninstall event reached an app without OAuth installs");
  return context.uninstalls;
}

export function uninstalls(settings: UninstallSettings): Uninstalls {
  return {
    uninstalled: (event) => uninstalled(settings, event),
    async userTokensRevoked({ context, logger }, users) {
      const key = keyOf(context);
      const deleted = await settings.records.deleteUserTokens(key, users);
      logger.info(`Deleted ${deleted} revoked user tokens of ${key}`);
    },
  };
}

async function uninstalled(
  settings: UninstallSettings,
  { context, eventTime, client, logger }: UninstallEvent,
) {
  const key = keyOf(context);
  const at = settings.now();
  const request = { key, at, purgeAfter: new Date(at.getTime() + settings.retentionDays * DAY_MS) };
  // Slack's event time counts whole seconds: an installation stored within that second is not newer.
  const endOfEventSecond = new Date((eventTime + 1) * 1000 - 1);
  const outcome = await settings.records.recordUninstall({
    ...request,
    installedNoLaterThan: endOfEventSecond,
  });
  if (outcome === "kept") {
    if (await botTokenWorks(settings.installationStore, context, client, logger)) {
      logger.info(
        `Ignored an uninstall of ${key} older than its installation: Slack still accepts its token`,
      );
      return;
    }
    await settings.records.recordUninstall(request);
  }
  logger.info(
    `The app was uninstalled from ${key}: its tokens are deleted; its decisions will be deleted after ${request.purgeAfter.toISOString()}`,
  );
  await settings.purgeDue(logger);
}

/** Whether Slack still accepts the stored bot token (auth.test); a Slack out of reach counts as yes. */
async function botTokenWorks(
  store: InstallationStore,
  context: Context,
  client: WebClient,
  logger: Logger,
): Promise<boolean> {
  const installation = await store.fetchInstallation(installationQuery(context));
  const token = installation.bot?.token;
  if (token === undefined) return false;
  try {
    await client.auth.test({ token });
    return true;
  } catch (error) {
    const code = slackErrorCode(error);
    if (code !== undefined && REFUSED.has(code)) return false;
    logger.warn(`Could not ask Slack whether the app is still installed (${code ?? String(error)}); kept it`);
    return true;
  }
}

function keyOf(context: Context): string {
  return installationKey(installationQuery(context));
}

/** The installation Bolt resolved the event to (org-wide installs by the enterprise, others by the team). */
function installationQuery(context: Context): InstallationQuery<boolean> {
  return {
    isEnterpriseInstall: context.isEnterpriseInstall === true,
    enterpriseId: context.enterpriseId,
    teamId: context.teamId,
  };
}

const DAY_MS = 86_400_000;
// What auth.test answers for a token that no longer works.
const REFUSED = new Set(["invalid_auth", "token_revoked", "account_inactive", "not_authed"]);
