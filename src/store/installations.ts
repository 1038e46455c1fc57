import { sql } from "kysely";
import type { Db, Engine } from "./engine.js";

/**
 * One installation as the database keeps it. `secrets` and each user's `secrets` are opaque here: the
 * caller encrypts them (tokens never reach the database in the clear) and decrypts what it reads.
 */
export interface InstallationRecord {
  /** `team:T…` for a workspace install, `enterprise:E…` for an org-wide install. */
  key: string;
  enterpriseId: string | null;
  teamId: string | null;
  isEnterpriseInstall: boolean;
  /** The history workspace the installation covers first (the team, or the enterprise when org-wide). */
  workspace: string;
  installerUserId: string;
  /** The installation without its user part. */
  secrets: string;
  /** The installing user's part (its tokens, if any). */
  user: { userId: string; secrets: string };
}

export interface FoundInstallation extends Omit<InstallationRecord, "user" | "workspace"> {
  installedAt: string;
  /** The user asked for (or the installer), when that user's part is stored. */
  user: { userId: string; secrets: string } | undefined;
}

/** Who an installation belongs to: what Bolt's installation query names. */
export type InstallationOwner = Pick<
  InstallationRecord,
  "key" | "enterpriseId" | "teamId" | "isEnterpriseInstall"
>;

/** The deletion an uninstall scheduled for an installation's decisions. */
export interface PendingPurge {
  key: string;
  uninstalledAt: string;
  purgeAfter: string;
}

export interface PurgeResult {
  key: string;
  workspaces: string[];
  decisionsDeleted: number;
}

export interface UninstallRequest {
  key: string;
  at: Date;
  /** When the workspaces' decisions are deleted (the same instant as `at` deletes them at the next purge). */
  purgeAfter: Date;
  /**
   * Only when the installation was stored no later than this (the event's time): an uninstall event that
   * arrives after a reinstall must not delete the new installation. Leave out to delete regardless.
   */
  installedNoLaterThan?: Date;
}

/** Installations by many workspaces, and the deletion of a workspace's data after it uninstalls the app. */
export interface InstallationRecords {
  /** Stores (or replaces) an installation and its user's part; a reinstall cancels a pending purge. */
  saveInstallation(installation: InstallationRecord, at: Date): Promise<void>;
  /** The installation under `key` with `userId`'s part (the installer's when no user is given). */
  findInstallation(key: string, userId?: string): Promise<FoundInstallation | undefined>;
  /**
   * Runs `rewrite` on the installation's stored secrets with its row locked (PostgreSQL: FOR UPDATE; SQLite:
   * the write lock), and stores what it returns (nothing when it returns undefined). Callers on every
   * instance take turns, each seeing what the one before stored: a token refresh, which spends its refresh
   * token, is made by one of them. Resolves with the secrets stored at the end; undefined when not installed.
   */
  rewriteInstallation(
    key: string,
    rewrite: (secrets: string) => Promise<string | undefined>,
  ): Promise<string | undefined>;
  /** Deletes one user's part, or with no user the whole installation; the decisions stay. */
  deleteInstallation(key: string, userId?: string): Promise<void>;
  /** Deletes these users' tokens (tokens_revoked for user tokens); returns how many were stored. */
  deleteUserTokens(key: string, userIds: readonly string[]): Promise<number>;
  /**
   * The app was uninstalled (or its bot token revoked): deletes the installation's tokens now and schedules
   * its workspaces' decisions for deletion. "kept" when a newer installation made the request stale.
   */
  recordUninstall(request: UninstallRequest): Promise<"deleted" | "kept">;
  /**
   * The installation that acts for history `workspace`: the team's own install, else the org-wide install
   * through which requests of that team (or of the enterprise itself) arrived.
   */
  installationFor(workspace: string): Promise<InstallationOwner | undefined>;
  /** Notes that requests through installation `key` act for history `workspace` (org-wide installs). */
  rememberWorkspace(key: string, workspace: string): Promise<void>;
  pendingPurges(): Promise<PendingPurge[]>;
  /**
   * Deletes the decisions of every uninstall whose retention ended by `now`. Each purge is claimed in its
   * own transaction, so instances purging at once delete each workspace once; a workspace that another
   * live installation still covers keeps its decisions.
   */
  purgeDue(now: Date): Promise<PurgeResult[]>;
}

/**
 * The installation records on either engine. Each call is one transaction; a purge claims its uninstall row
 * by deleting it, so of two instances purging at once (PostgreSQL blocks the second on the row) one deletes.
 */
export function installationRecords(engine: Engine): InstallationRecords {
  const forUpdate = engine.kind === "postgres" ? sql`FOR UPDATE` : sql``;
  // SQLite's two-argument min() is PostgreSQL's LEAST().
  const earlier = engine.kind === "postgres" ? sql`LEAST` : sql`min`;
  return {
    saveInstallation: async (installation, at) => {
      await engine.write(async (db) => {
        await sql`INSERT INTO installation (key, enterprise_id, team_id, is_enterprise_install,
            installer_user_id, installed_at, secrets)
          VALUES (${installation.key}, ${installation.enterpriseId}, ${installation.teamId},
            ${installation.isEnterpriseInstall ? 1 : 0}, ${installation.installerUserId}, ${at.toISOString()},
            ${installation.secrets})
          ON CONFLICT (key) DO UPDATE SET enterprise_id = excluded.enterprise_id, team_id = excluded.team_id,
            is_enterprise_install = excluded.is_enterprise_install,
            installer_user_id = excluded.installer_user_id, installed_at = excluded.installed_at,
            secrets = excluded.secrets`.execute(db);
        await sql`INSERT INTO installation_user (key, user_id, secrets)
          VALUES (${installation.key}, ${installation.user.userId}, ${installation.user.secrets})
          ON CONFLICT (key, user_id) DO UPDATE SET secrets = excluded.secrets`.execute(db);
        await rememberWorkspace(db, installation.key, installation.workspace);
        await sql`DELETE FROM uninstall WHERE key = ${installation.key}`.execute(db);
      });
    },
    findInstallation: (key, userId) =>
      engine.read(async (db) => {
        const { rows } = await sql<InstallationRow>`SELECT key, enterprise_id, team_id, is_enterprise_install,
            installer_user_id, installed_at, secrets
          FROM installation WHERE key = ${key}`.execute(db);
        const row = rows[0];
        if (row === undefined) return undefined;
        const users = await sql<{ user_id: string; secrets: string }>`SELECT user_id, secrets
          FROM installation_user WHERE key = ${key} AND user_id = ${userId ?? row.installer_user_id}`.execute(
          db,
        );
        const user = users.rows[0];
        return {
          key: row.key,
          enterpriseId: row.enterprise_id,
          teamId: row.team_id,
          isEnterpriseInstall: Number(row.is_enterprise_install) === 1,
          installerUserId: row.installer_user_id,
          installedAt: row.installed_at,
          secrets: row.secrets,
          user: user && { userId: user.user_id, secrets: user.secrets },
        };
      }),
    rewriteInstallation: (key, rewrite) =>
      engine.write(async (db) => {
        const { rows } = await sql<{ secrets: string }>`SELECT secrets FROM installation
          WHERE key = ${key} ${forUpdate}`.execute(db);
        const current = rows[0]?.secrets;
        if (current === undefined) return undefined;
        const next = await rewrite(current);
        if (next === undefined) return current;
        await sql`UPDATE installation SET secrets = ${next} WHERE key = ${key}`.execute(db);
        return next;
      }),
    deleteInstallation: async (key, userId) => {
      await engine.write(async (db) => {
        if (userId === undefined) await deleteInstallation(db, key);
        else await deleteUsers(db, key, [userId]);
      });
    },
    deleteUserTokens: (key, userIds) => engine.write((db) => deleteUsers(db, key, userIds)),
    recordUninstall: (request) =>
      engine.write(async (db) => {
        const { rows } = await sql<{ installed_at: string }>`SELECT installed_at FROM installation
          WHERE key = ${request.key} ${forUpdate}`.execute(db);
        const installedAt = rows[0]?.installed_at;
        const limit = request.installedNoLaterThan?.toISOString();
        if (installedAt !== undefined && limit !== undefined && installedAt > limit) return "kept" as const;
        await deleteInstallation(db, request.key);
        await sql`INSERT INTO uninstall (key, uninstalled_at, purge_after)
          VALUES (${request.key}, ${request.at.toISOString()}, ${request.purgeAfter.toISOString()})
          ON CONFLICT (key) DO UPDATE SET uninstalled_at = excluded.uninstalled_at,
            purge_after = ${earlier}(uninstall.purge_after, excluded.purge_after)`.execute(db);
        return "deleted" as const;
      }),
    installationFor: (workspace) =>
      engine.read(async (db) => {
        // A workspace install is noted as covering its own team when stored, an org-wide one as covering
        // each team whose requests it served; the team's own install comes first.
        const { rows } = await sql<Omit<InstallationRow, "installer_user_id" | "installed_at" | "secrets">>`
          SELECT i.key, i.enterprise_id, i.team_id, i.is_enterprise_install
          FROM installation_workspace w JOIN installation i ON i.key = w.key
          WHERE w.workspace = ${workspace}
          ORDER BY i.is_enterprise_install, i.key LIMIT 1`.execute(db);
        const row = rows[0];
        return (
          row && {
            key: row.key,
            enterpriseId: row.enterprise_id,
            teamId: row.team_id,
            isEnterpriseInstall: Number(row.is_enterprise_install) === 1,
          }
        );
      }),
    rememberWorkspace: (key, workspace) => engine.write((db) => rememberWorkspace(db, key, workspace)),
    pendingPurges: () =>
      engine.read(async (db) => {
        const { rows } = await sql<{ key: string; uninstalled_at: string; purge_after: string }>`SELECT key,
            uninstalled_at, purge_after FROM uninstall ORDER BY purge_after, key`.execute(db);
        return rows.map((row) => ({
          key: row.key,
          uninstalledAt: row.uninstalled_at,
          purgeAfter: row.purge_after,
        }));
      }),
    purgeDue: async (now) => {
      const at = now.toISOString();
      const due = await engine.read(async (db) => {
        const { rows } = await sql<{ key: string }>`SELECT key FROM uninstall WHERE purge_after <= ${at}
          ORDER BY purge_after LIMIT ${PURGE_BATCH}`.execute(db);
        return rows.map((row) => row.key);
      });
      const results: PurgeResult[] = [];
      for (const key of due) {
        const result = await engine.write((db) => purge(db, key, at));
        if (result !== undefined) results.push(result);
      }
      return results;
    },
  };
}

const PURGE_BATCH = 100;

interface InstallationRow {
  key: string;
  enterprise_id: string | null;
  team_id: string | null;
  is_enterprise_install: number;
  installer_user_id: string;
  installed_at: string;
  secrets: string;
}

async function deleteInstallation(db: Db, key: string): Promise<void> {
  await sql`DELETE FROM installation_user WHERE key = ${key}`.execute(db);
  await sql`DELETE FROM installation WHERE key = ${key}`.execute(db);
}

async function deleteUsers(db: Db, key: string, userIds: readonly string[]): Promise<number> {
  if (userIds.length === 0) return 0;
  const { rows } = await sql`DELETE FROM installation_user
    WHERE key = ${key} AND user_id IN (${sql.join(userIds)}) RETURNING user_id`.execute(db);
  return rows.length;
}

async function rememberWorkspace(db: Db, key: string, workspace: string): Promise<void> {
  await sql`INSERT INTO installation_workspace (key, workspace) VALUES (${key}, ${workspace})
    ON CONFLICT DO NOTHING`.execute(db);
}

/** One uninstall's purge, claimed by deleting its row: undefined when another instance took it first. */
async function purge(db: Db, key: string, at: string): Promise<PurgeResult | undefined> {
  const claimed = await sql`DELETE FROM uninstall WHERE key = ${key} AND purge_after <= ${at}
    RETURNING key`.execute(db);
  if (claimed.rows.length === 0) return undefined;
  // The installation's workspaces that no installation still in place covers.
  const { rows } = await sql<{ workspace: string }>`SELECT workspace FROM installation_workspace
    WHERE key = ${key} AND workspace NOT IN (
      SELECT w.workspace FROM installation_workspace w JOIN installation i ON i.key = w.key)
    ORDER BY workspace`.execute(db);
  const workspaces = rows.map((row) => row.workspace);
  let decisionsDeleted = 0;
  for (const workspace of workspaces) {
    const ofWorkspace = sql`SELECT id FROM decision WHERE workspace = ${workspace}`;
    await sql`DELETE FROM status_change WHERE decision_id IN (${ofWorkspace})`.execute(db);
    await sql`DELETE FROM delivery WHERE decision_id IN (${ofWorkspace})`.execute(db);
    const deleted = await sql`DELETE FROM decision WHERE workspace = ${workspace} RETURNING id`.execute(db);
    decisionsDeleted += deleted.rows.length;
  }
  await sql`DELETE FROM installation_workspace WHERE key = ${key}`.execute(db);
  return { key, workspaces, decisionsDeleted };
}
