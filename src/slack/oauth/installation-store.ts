import type { Installation, InstallationQuery, InstallationStore, Logger } from "@slack/bolt";
import type { InstallationRecords } from "../../store/index.js";
import type { TokenCipher } from "../../store/index.js";

/** A new bot token for a refresh token (oauth.v2.access with grant_type=refresh_token). */
export type BotTokenRefresher = (
  refreshToken: string,
) => Promise<{ token: string; refreshToken: string; expiresInSeconds: number }>;

/**
 * Bolt's InstallationStore over our database: every token (bot, user, refresh) and the webhook URL are
 * encrypted before they are written, and nothing logged names one. Workspace installs are keyed by the team,
 * org-wide (Enterprise Grid) installs by the enterprise.
 *
 * With `refreshBotToken` (token rotation), a bot token due for refresh is refreshed here, with the
 * installation's row locked: Bolt's own refresh reads and stores without a lock, so two instances (or two
 * requests) would both spend the same refresh token, and Slack revokes a refresh token once it is used.
 * Here one refreshes and the others wait, then read the new token. Bolt gets the installation without its
 * refresh token, so it never refreshes on its own.
 */
export function databaseInstallationStore(
  records: InstallationRecords,
  cipher: TokenCipher,
  now: () => Date = () => new Date(),
  refreshBotToken?: BotTokenRefresher,
): InstallationStore {
  type Stored = Omit<Installation, "user">;
  const open = (key: string, secrets: string) =>
    JSON.parse(cipher.decrypt(secrets, installationBinding(key))) as Stored;
  const nowSeconds = () => Math.floor(now().getTime() / 1000);

  /** The installation with its bot token refreshed by whichever caller gets the row first. */
  const refreshed = async (key: string, seen: Stored, refresh: BotTokenRefresher, logger?: Logger) => {
    try {
      const secrets = await records.rewriteInstallation(key, async (current) => {
        const latest = open(key, current);
        const refreshToken = latest.bot?.refreshToken;
        // Another instance (or request) refreshed it while this one waited for the row.
        if (refreshToken === undefined || !dueForRefresh(latest, nowSeconds())) return undefined;
        const fresh = await refresh(refreshToken);
        logger?.info(`Refreshed the bot token of ${key}`);
        const bot = {
          ...latest.bot!,
          token: fresh.token,
          refreshToken: fresh.refreshToken,
          expiresAt: nowSeconds() + fresh.expiresInSeconds,
        };
        return cipher.encrypt(JSON.stringify({ ...latest, bot }), installationBinding(key));
      });
      if (secrets === undefined) throw new Error(`The app is not installed for ${key}`);
      return open(key, secrets);
    } catch (error) {
      // A token not yet expired still works; the next request tries the refresh again.
      if ((seen.bot?.expiresAt ?? 0) <= nowSeconds()) throw error;
      logger?.warn(`Refreshing the bot token of ${key} failed; using the current one meanwhile`, error);
      return seen;
    }
  };

  return {
    async storeInstallation(installation, logger) {
      const key = installationKey({
        isEnterpriseInstall: installation.isEnterpriseInstall === true,
        enterpriseId: installation.enterprise?.id,
        teamId: installation.team?.id,
      });
      const { user, ...rest } = installation;
      const workspace = installation.team?.id ?? installation.enterprise?.id;
      await records.saveInstallation(
        {
          key,
          enterpriseId: installation.enterprise?.id ?? null,
          teamId: installation.team?.id ?? null,
          isEnterpriseInstall: installation.isEnterpriseInstall === true,
          workspace: workspace!, // installationKey has refused an installation with neither
          installerUserId: user.id,
          secrets: cipher.encrypt(JSON.stringify(rest), installationBinding(key)),
          user: { userId: user.id, secrets: cipher.encrypt(JSON.stringify(user), userBinding(key, user.id)) },
        },
        now(),
      );
      logger?.info(`Stored the installation for ${key}`);
    },

    async fetchInstallation(query: InstallationQuery<boolean>, logger?: Logger) {
      const key = installationKey(query);
      const found = await records.findInstallation(key, query.userId);
      if (found === undefined) throw new Error(`The app is not installed for ${key}`);
      let installation = open(key, found.secrets);
      if (refreshBotToken !== undefined) {
        if (dueForRefresh(installation, nowSeconds()))
          installation = await refreshed(key, installation, refreshBotToken, logger);
        installation = withoutBotRefreshToken(installation);
      }
      const userId = query.userId ?? found.installerUserId;
      if (found.user === undefined) logger?.debug(`No user token stored for ${userId} in ${key}`);
      const user =
        found.user === undefined
          ? { id: userId, token: undefined, scopes: undefined }
          : (JSON.parse(
              cipher.decrypt(found.user.secrets, userBinding(key, userId)),
            ) as Installation["user"]);
      return { ...installation, user };
    },

    async deleteInstallation(query: InstallationQuery<boolean>, logger?: Logger) {
      const key = installationKey(query);
      await records.deleteInstallation(key, query.userId);
      logger?.info(`Deleted the installation for ${key}${query.userId ? ` (user ${query.userId})` : ""}`);
    },
  };
}

export interface InstallationKeyParts {
  isEnterpriseInstall: boolean;
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
}

/** `enterprise:E…` for an org-wide install, else `team:T…`; throws when the query names neither. */
export function installationKey({ isEnterpriseInstall, enterpriseId, teamId }: InstallationKeyParts): string {
  if (isEnterpriseInstall && enterpriseId) return `enterprise:${enterpriseId}`;
  if (!isEnterpriseInstall && teamId) return `team:${teamId}`;
  throw new Error(
    isEnterpriseInstall
      ? "An org-wide installation needs an enterprise id"
      : "A workspace installation needs a team id",
  );
}

/** Bolt's rule: a rotating token is refreshed once it expires within two hours. */
const REFRESH_WINDOW_SECONDS = 7_200;

function dueForRefresh(installation: Omit<Installation, "user">, nowSeconds: number): boolean {
  const { refreshToken, expiresAt } = installation.bot ?? {};
  return (
    refreshToken !== undefined && expiresAt !== undefined && expiresAt - nowSeconds <= REFRESH_WINDOW_SECONDS
  );
}

// Bolt refreshes a token whose installation comes with a refresh token and an expiry; without them it
// uses the token as it is.
function withoutBotRefreshToken<T extends Omit<Installation, "user">>(installation: T): T {
  if (installation.bot === undefined) return installation;
  const bot = { ...installation.bot };
  delete bot.refreshToken;
  delete bot.expiresAt;
  return { ...installation, bot };
}

// What each ciphertext is bound to (AES-GCM additional data): it decrypts only on the row it was written for.
const installationBinding = (key: string) => `installation:${key}`;
const userBinding = (key: string, userId: string) => `installation-user:${key}:${userId}`;
