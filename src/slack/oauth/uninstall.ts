import type { App, Context, InstallationQuery, InstallationStore, Logger } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { InstallationRecords } from "../../store/index.js";
import { slackErrorCode } from "../web-api-errors.js";
import { installationKey } from "./installation-store.js";

/** The events an installation's end arrives by (manifest.oauth.yml subscribes to them). */
export const INSTALLATION_EVENTS = ["app_uninstalled", "tokens_revoked"] as const;

export interface UninstallDeps {
  records: InstallationRecords;
  installationStore: InstallationStore;
  retentionDays: number;
  now: () => Date;
  /** Runs the purge of what is due (a retention of 0 days is due at once). */
  purgeDue(): Promise<void>;
}

/**
 * `app_uninstalled`, and `tokens_revoked` for the bot, delete the installation's tokens at once and schedule
 * its workspaces' decisions for deletion after the retention; revoked user tokens are deleted. Bolt does
 * neither itself. Slack may deliver these late, after the workspace installed the app again: an event older
 * than the stored installation deletes it only when Slack refuses its token.
 */
export function registerUninstallEvents(app: App, deps: UninstallDeps): void {
  app.event("app_uninstalled", async ({ body, context, client, logger }) => {
    await uninstalled(deps, { context, eventTime: body.event_time, client, logger });
  });
  app.event("tokens_revoked", async ({ event, body, context, client, logger }) => {
    const users = event.tokens.oauth ?? [];
    if (users.length > 0) {
      const key = keyOf(context);
      const deleted = await deps.records.deleteUserTokens(key, users);
      logger.info(`Deleted ${deleted} revoked user tokens of ${key}`);
    }
    if ((event.tokens.bot ?? []).length > 0) {
      await uninstalled(deps, { context, eventTime: body.event_time, client, logger });
    }
  });
}

interface UninstallEvent {
  context: Context;
  /** Seconds since the epoch, as Slack sends it. */
  eventTime: number;
  client: WebClient;
  logger: Logger;
}

async function uninstalled(deps: UninstallDeps, { context, eventTime, client, logger }: UninstallEvent) {
  const key = keyOf(context);
  const at = deps.now();
  const request = { key, at, purgeAfter: new Date(at.getTime() + deps.retentionDays * DAY_MS) };
  // Slack's event time counts whole seconds: an installation stored within that second is not newer.
  const endOfEventSecond = new Date((eventTime + 1) * 1000 - 1);
  const outcome = await deps.records.recordUninstall({ ...request, installedNoLaterThan: endOfEventSecond });
  if (outcome === "kept") {
    if (await botTokenWorks(deps.installationStore, context, client, logger)) {
      logger.info(
        `Ignored an uninstall of ${key} older than its installation: Slack still accepts its token`,
      );
      return;
    }
    await deps.records.recordUninstall(request);
  }
  logger.info(
    `The app was uninstalled from ${key}: its tokens are deleted; its decisions will be deleted after ${request.purgeAfter.toISOString()}`,
  );
  await deps.purgeDue();
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
