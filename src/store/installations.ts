import type Database from "better-sqlite3";

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
  /** Deletes one user's part, or with no user the whole installation; the decisions stay. */
  deleteInstallation(key: string, userId?: string): Promise<void>;
  /** Deletes these users' tokens (tokens_revoked for user tokens); returns how many were stored. */
  deleteUserTokens(key: string, userIds: readonly string[]): Promise<number>;
  /**
   * The app was uninstalled (or its bot token revoked): deletes the installation's tokens now and schedules
   * its workspaces' decisions for deletion. "kept" when a newer installation made the request stale.
   */
  recordUninstall(request: UninstallRequest): Promise<"deleted" | "kept">;
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

/** The installation records over an open, migrated connection; `run` retries a call while the file is busy. */
export function installationRecords(
  db: Database.Database,
  run: <T>(attempt: () => T) => Promise<T>,
): InstallationRecords {
  const statements = prepareStatements(db);

  const save = db.transaction((installation: InstallationRecord, at: string) => {
    statements.upsertInstallation.run({
      key: installation.key,
      enterpriseId: installation.enterpriseId,
      teamId: installation.teamId,
      isEnterpriseInstall: installation.isEnterpriseInstall ? 1 : 0,
      installerUserId: installation.installerUserId,
      installedAt: at,
      secrets: installation.secrets,
    });
    statements.upsertUser.run({ key: installation.key, ...installation.user });
    statements.rememberWorkspace.run({ key: installation.key, workspace: installation.workspace });
    statements.cancelPurge.run({ key: installation.key });
  });

  const uninstall = db.transaction((request: UninstallRequest): "deleted" | "kept" => {
    const found = statements.installedAt.get({ key: request.key }) as { installed_at: string } | undefined;
    const limit = request.installedNoLaterThan?.toISOString();
    if (found !== undefined && limit !== undefined && found.installed_at > limit) return "kept";
    statements.deleteInstallation.run({ key: request.key });
    statements.schedulePurge.run({
      key: request.key,
      uninstalledAt: request.at.toISOString(),
      purgeAfter: request.purgeAfter.toISOString(),
    });
    return "deleted";
  });

  const purgeOne = db.transaction((key: string, now: string): PurgeResult | undefined => {
    // The claim: another instance that took this purge first has deleted the row already.
    if (statements.claimPurge.get({ key, now }) === undefined) return undefined;
    const workspaces = (statements.orphanedWorkspaces.all({ key }) as { workspace: string }[]).map(
      (row) => row.workspace,
    );
    let decisionsDeleted = 0;
    for (const workspace of workspaces) {
      statements.deleteStatusChanges.run({ workspace });
      decisionsDeleted += statements.deleteDecisions.run({ workspace }).changes;
    }
    statements.forgetWorkspaces.run({ key });
    return { key, workspaces, decisionsDeleted };
  });

  const deleteUsers = db.transaction((key: string, userIds: readonly string[]) =>
    userIds.reduce((deleted, userId) => deleted + statements.deleteUser.run({ key, userId }).changes, 0),
  );

  return {
    saveInstallation: (installation, at) => run(() => save.immediate(installation, at.toISOString())),
    findInstallation: (key, userId) =>
      run(() => {
        const row = statements.installation.get({ key }) as InstallationRow | undefined;
        if (row === undefined) return undefined;
        const user = statements.user.get({ key, userId: userId ?? row.installer_user_id }) as
          { user_id: string; secrets: string } | undefined;
        return {
          key: row.key,
          enterpriseId: row.enterprise_id,
          teamId: row.team_id,
          isEnterpriseInstall: row.is_enterprise_install === 1,
          installerUserId: row.installer_user_id,
          installedAt: row.installed_at,
          secrets: row.secrets,
          user: user && { userId: user.user_id, secrets: user.secrets },
        };
      }),
    deleteInstallation: (key, userId) =>
      run(() => {
        if (userId === undefined) statements.deleteInstallation.run({ key });
        else statements.deleteUser.run({ key, userId });
      }),
    deleteUserTokens: (key, userIds) => run(() => deleteUsers.immediate(key, userIds)),
    recordUninstall: (request) => run(() => uninstall.immediate(request)),
    rememberWorkspace: (key, workspace) =>
      run(() => void statements.rememberWorkspace.run({ key, workspace })),
    pendingPurges: () =>
      run(() =>
        (
          statements.pendingPurges.all() as { key: string; uninstalled_at: string; purge_after: string }[]
        ).map((row) => ({ key: row.key, uninstalledAt: row.uninstalled_at, purgeAfter: row.purge_after })),
      ),
    purgeDue: async (now) => {
      const at = now.toISOString();
      const due = await run(() =>
        (statements.duePurges.all({ now: at }) as { key: string }[]).map((r) => r.key),
      );
      const results: PurgeResult[] = [];
      for (const key of due) {
        const result = await run(() => purgeOne.immediate(key, at));
        if (result !== undefined) results.push(result);
      }
      return results;
    },
  };
}

interface InstallationRow {
  key: string;
  enterprise_id: string | null;
  team_id: string | null;
  is_enterprise_install: number;
  installer_user_id: string;
  installed_at: string;
  secrets: string;
}

function prepareStatements(db: Database.Database) {
  return {
    upsertInstallation: db.prepare(`
      INSERT INTO installation (key, enterprise_id, team_id, is_enterprise_install, installer_user_id,
        installed_at, secrets)
      VALUES (@key, @enterpriseId, @teamId, @isEnterpriseInstall, @installerUserId, @installedAt, @secrets)
      ON CONFLICT (key) DO UPDATE SET enterprise_id = excluded.enterprise_id, team_id = excluded.team_id,
        is_enterprise_install = excluded.is_enterprise_install, installer_user_id = excluded.installer_user_id,
        installed_at = excluded.installed_at, secrets = excluded.secrets`),
    upsertUser: db.prepare(`
      INSERT INTO installation_user (key, user_id, secrets) VALUES (@key, @userId, @secrets)
      ON CONFLICT (key, user_id) DO UPDATE SET secrets = excluded.secrets`),
    installation: db.prepare(`
      SELECT key, enterprise_id, team_id, is_enterprise_install, installer_user_id, installed_at, secrets
      FROM installation WHERE key = @key`),
    installedAt: db.prepare(`SELECT installed_at FROM installation WHERE key = @key`),
    user: db.prepare(`SELECT user_id, secrets FROM installation_user WHERE key = @key AND user_id = @userId`),
    deleteInstallation: db.prepare(`DELETE FROM installation WHERE key = @key`),
    deleteUser: db.prepare(`DELETE FROM installation_user WHERE key = @key AND user_id = @userId`),
    rememberWorkspace: db.prepare(
      `INSERT INTO installation_workspace (key, workspace) VALUES (@key, @workspace) ON CONFLICT DO NOTHING`,
    ),
    schedulePurge: db.prepare(`
      INSERT INTO uninstall (key, uninstalled_at, purge_after) VALUES (@key, @uninstalledAt, @purgeAfter)
      ON CONFLICT (key) DO UPDATE SET uninstalled_at = excluded.uninstalled_at,
        purge_after = min(uninstall.purge_after, excluded.purge_after)`),
    cancelPurge: db.prepare(`DELETE FROM uninstall WHERE key = @key`),
    pendingPurges: db.prepare(
      `SELECT key, uninstalled_at, purge_after FROM uninstall ORDER BY purge_after, key`,
    ),
    duePurges: db.prepare(
      `SELECT key FROM uninstall WHERE purge_after <= @now ORDER BY purge_after LIMIT 100`,
    ),
    claimPurge: db.prepare(`DELETE FROM uninstall WHERE key = @key AND purge_after <= @now RETURNING key`),
    // The installation's workspaces that no installation still in place covers.
    orphanedWorkspaces: db.prepare(`
      SELECT workspace FROM installation_workspace WHERE key = @key
      AND workspace NOT IN (
        SELECT w.workspace FROM installation_workspace w JOIN installation i ON i.key = w.key
      )
      ORDER BY workspace`),
    deleteStatusChanges: db.prepare(
      `DELETE FROM status_change WHERE decision_id IN (SELECT id FROM decision WHERE workspace = @workspace)`,
    ),
    deleteDecisions: db.prepare(`DELETE FROM decision WHERE workspace = @workspace`),
    forgetWorkspaces: db.prepare(`
      DELETE FROM installation_workspace WHERE key = @key
      AND workspace NOT IN (
        SELECT w.workspace FROM installation_workspace w JOIN installation i ON i.key = w.key
      )`),
  };
}
