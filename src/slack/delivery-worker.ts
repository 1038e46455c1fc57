import type { Logger } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Services } from "../decisions/index.js";
import type { Delivery } from "../store/index.js";
import type { Tools, WorkspaceKey } from "./context.js";
import { DELIVERY_LEASE_MS, deliverClaimed } from "./deliver-answer.js";

/** How often the worker looks for deliveries that are due (new after a restart, or to be retried). */
export const DELIVERY_POLL_MS = 5_000;
const CLAIM_BATCH = 10;

export interface DeliveryWorker {
  /** Stops looking for more, and waits for the round in progress. */
  stop(): Promise<void>;
}

export interface DeliveryWorkerOptions {
  services: Services;
  logger: Logger;
  /** A Web API client holding the bot token of the delivery's workspace. */
  clientFor: (workspace: string) => Promise<WebClient>;
}

/**
 * Delivers what the outbox holds that no request is delivering: answers saved before a crash or a restart
 * (checked at once on start), and attempts due again after a failure. Each delivery is claimed for a lease
 * first, so two workers (or a request and a worker, or two instances) never post the same answer.
 */
export function startDeliveryWorker({ services, logger, clientFor }: DeliveryWorkerOptions): DeliveryWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();

  const deliverDue = async () => {
    for (;;) {
      const due = await services.store.claimDeliveries({ limit: CLAIM_BATCH, leaseMs: DELIVERY_LEASE_MS });
      await Promise.all(due.map((delivery) => deliver(delivery)));
      if (due.length < CLAIM_BATCH || stopped) return;
    }
  };
  const deliver = async (delivery: Delivery) => {
    try {
      const tools: Tools = {
        client: await clientFor(delivery.workspace),
        logger,
        context: { services, workspace: delivery.workspace as WorkspaceKey, isEnterpriseInstall: false },
      };
      await deliverClaimed(tools, delivery);
    } catch (error) {
      // Still claimed: it is due again when its lease ends.
      logger.warn(`Delivering ${delivery.decisionId} in ${delivery.workspace} failed; retrying later`, error);
    }
  };
  const tick = () => {
    round = deliverDue()
      .catch((error: unknown) =>
        logger.warn("Looking for pending deliveries failed; trying again soon", error),
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, DELIVERY_POLL_MS);
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round;
    },
  };
}
