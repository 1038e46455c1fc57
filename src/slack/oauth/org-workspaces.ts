import type { Middleware, AnyMiddlewareArgs } from "@slack/bolt";
import type { InstallationRecords } from "../../store/index.js";
import { installationKey } from "./installation-store.js";

/**
 * Global middleware: on an org-wide install, history is kept per team of the org (the team Bolt resolves),
 * so an uninstall by the org must know which teams those were. Each pair is written once per process; the
 * write is idempotent, so other instances writing it too is harmless.
 */
export function rememberOrgWorkspaces(records: InstallationRecords): Middleware<AnyMiddlewareArgs> {
  const remembered = new Set<string>();
  return async ({ context, logger, next }) => {
    const { enterpriseId, teamId } = context;
    if (context.isEnterpriseInstall === true && enterpriseId && teamId) {
      const key = installationKey({ isEnterpriseInstall: true, enterpriseId });
      const pair = `${key} ${teamId}`;
      if (!remembered.has(pair)) {
        try {
          await records.rememberWorkspace(key, teamId);
          remembered.add(pair);
        } catch (error) {
          logger.error(`Could not note that ${key} acts for team ${teamId}`, error);
        }
      }
    }
    await next();
  };
}
