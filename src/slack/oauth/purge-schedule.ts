import type { Logger } from "@slack/bolt";
import type { InstallationRecords } from "../../store/index.js";

/**
 * Deletes the decisions of workspaces whose retention after an uninstall has ended: on start, every hour,
 * and right after an uninstall (a retention of 0 days deletes at once). Runs are queued one after another
 * in this process; the store claims each purge in a transaction, so other instances purging too is safe.
 */
export function purgeSchedule(records: InstallationRecords, now: () => Date) {
  let timer: NodeJS.Timeout | undefined;
  let queue: Promise<void> = Promise.resolve();

  const purgeNow = (logger: Logger): Promise<void> => {
    queue = queue.then(async () => {
      try {
        for (const purged of await records.purgeDue(now())) {
          logger.info(
            `Deleted ${purged.decisionsDeleted} decisions of ${purged.workspaces.join(", ") || "no workspace"} (${purged.key}): the retention after its uninstall has ended`,
          );
        }
      } catch (error) {
        logger.error("Could not delete the decisions of uninstalled workspaces; will try again", error);
      }
    });
    return queue;
  };

  return {
    purgeNow,
    start(logger: Logger) {
      void purgeNow(logger);
      timer = setInterval(() => void purgeNow(logger), PURGE_INTERVAL_MS);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await queue;
    },
  };
}

const PURGE_INTERVAL_MS = 60 * 60 * 1000;
