import type { Installation, InstallationQuery, InstallationStore, Logger } from "@slack/bolt";
import type { InstallationRecords } from "../../store/index.js";
import type { TokenCipher } from "../../store/index.js";

/**
 * Bolt's InstallationStore over our database: every token (bot, user, refresh) and the webhook URL are
 * encrypted before they are written, and nothing logged names one. Workspace installs are keyed by the team,
 * org-wide (Enterprise Grid) installs by the enterprise. Bolt also stores through it after rotating a token.
 */
export function databaseInstallationStore(
  records: InstallationRecords,
  cipher: TokenCipher,
  now: () => Date = () => new Date(),
): InstallationStore {
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
      const installation = JSON.parse(cipher.decrypt(found.secrets, installationBinding(key))) as Omit<
        Installation,
        "user"
      >;
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

// What each ciphertext is bound to (AES-GCM additional data): it decrypts only on the row it was written for.
const installationBinding = (key: string) => `installation:${key}`;
const userBinding = (key: string, userId: string) => `installation-user:${key}:${userId}`;
