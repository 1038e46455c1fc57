import { sql } from "kysely";
import type { Db, Engine } from "./engine.js";
import { decisionNumber, displayId } from "./ids.js";
import { ATTEMPT_STARTED } from "./types.js";
import type { Delivery, DeliveryStatus, DeliveryTarget, DecisionStore } from "./types.js";

const DEFAULT_CLAIM_LIMIT = 10;
const DEFAULT_LEASE_MS = 60_000;

/** Records a decision's pending delivery, inside the transaction that saves the decision. */
export async function insertDelivery(
  db: Db,
  decision: { id: number; number: number; workspace: string },
  target: DeliveryTarget,
  at: string,
): Promise<Delivery> {
  const { rows } = await sql<{
    id: number;
  }>`INSERT INTO delivery (decision_id, workspace, decision_number, kind,
      channel, user_id, response_url, available_at, created_at)
    VALUES (${decision.id}, ${decision.workspace}, ${decision.number}, ${target.kind}, ${target.channel},
      ${target.user}, ${target.responseUrl}, ${at}, ${at})
    RETURNING id`.execute(db);
  return newDelivery((rows[0] as { id: number }).id, decision, target);
}

/** The delivery just recorded as `id` for a new decision, as the store reports it. */
export function newDelivery(
  id: number,
  decision: { number: number; workspace: string },
  target: DeliveryTarget,
): Delivery {
  return {
    ...target,
    id,
    workspace: decision.workspace,
    decisionId: displayId(decision.number),
    status: "pending",
    attempts: 0,
    lastError: null,
  };
}

type OutboxMethods = Pick<
  DecisionStore,
  "claimDeliveries" | "markDelivered" | "markDeliveryStarted" | "markDeliveryFailed" | "deliveries"
>;

/**
 * The outbox's side of the store. A claim is one UPDATE of rows chosen in the same statement: on
 * PostgreSQL the choice skips rows another transaction has locked (FOR UPDATE SKIP LOCKED), so concurrent
 * claimers each get different deliveries; on SQLite the write transaction is the only writer.
 */
export function deliveryStore(engine: Engine, clock: () => Date): OutboxMethods {
  const iso = (offsetMs = 0) => new Date(clock().getTime() + offsetMs).toISOString();
  return {
    claimDeliveries: ({ limit = DEFAULT_CLAIM_LIMIT, leaseMs = DEFAULT_LEASE_MS, id } = {}) =>
      engine.write(async (db) => {
        const only = id === undefined ? sql`` : sql`AND id = ${id}`;
        const skipLocked = engine.kind === "postgres" ? sql`FOR UPDATE SKIP LOCKED` : sql``;
        const { rows } = await sql<DeliveryRow>`UPDATE delivery
          SET status = 'claimed', attempts = attempts + 1, available_at = ${iso(leaseMs)}
          WHERE id IN (
            SELECT id FROM delivery
            WHERE status IN ('pending', 'claimed') AND available_at <= ${iso()} ${only}
            ORDER BY available_at, id LIMIT ${limit} ${skipLocked})
          RETURNING ${DELIVERY_COLUMNS}`.execute(db);
        return rows.map(toDelivery).sort((a, b) => a.id - b.id);
      }),
    markDelivered: async (deliveryId, posted) => {
      await engine.write(async (db) => {
        const { rows } = await sql<{ decision_id: number }>`UPDATE delivery
          SET status = 'delivered', finished_at = ${iso()} WHERE id = ${deliveryId} RETURNING decision_id`.execute(
          db,
        );
        const decisionId = rows[0]?.decision_id;
        if (posted !== undefined && decisionId !== undefined)
          await sql`UPDATE decision SET message_channel = ${posted.channel}, message_ts = ${posted.ts}
            WHERE id = ${decisionId}`.execute(db);
      });
    },
    markDeliveryStarted: async (deliveryId) => {
      await engine.write((db) =>
        sql`UPDATE delivery SET last_error = ${ATTEMPT_STARTED}
          WHERE id = ${deliveryId} AND status = 'claimed'`.execute(db),
      );
    },
    markDeliveryFailed: async (deliveryId, reason, retryAt) => {
      const status: DeliveryStatus = retryAt === null ? "failed" : "pending";
      await engine.write((db) =>
        sql`UPDATE delivery SET status = ${status}, last_error = ${reason},
            available_at = ${(retryAt ?? clock()).toISOString()},
            finished_at = ${retryAt === null ? iso() : null}
          WHERE id = ${deliveryId} AND status <> 'delivered'`.execute(db),
      );
    },
    deliveries: (workspace, id) =>
      engine.read(async (db) => {
        const number = decisionNumber(id);
        if (number === undefined) return [];
        const { rows } = await sql<DeliveryRow>`SELECT ${DELIVERY_COLUMNS} FROM delivery
          WHERE workspace = ${workspace} AND decision_number = ${number} ORDER BY id`.execute(db);
        return rows.map(toDelivery);
      }),
  };
}

const DELIVERY_COLUMNS = sql.raw(
  "id, workspace, decision_number, kind, channel, user_id, response_url, status, attempts, last_error",
);

interface DeliveryRow {
  id: number;
  workspace: string;
  decision_number: number;
  kind: string;
  channel: string | null;
  user_id: string;
  response_url: string | null;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
}

function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    workspace: row.workspace,
    decisionId: displayId(row.decision_number),
    kind: row.kind,
    channel: row.channel,
    user: row.user_id,
    responseUrl: row.response_url,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
  };
}
