/**
 * Installations by many workspaces (OAuth). `key` names an installation: `team:T…` for a workspace,
 * `enterprise:E…` for an org-wide install. Secrets (tokens) are stored encrypted by the caller; the other
 * columns are what queries need. `installation_workspace` lists the history workspaces an installation
 * covers, so an uninstall knows whose decisions to delete; `uninstall` holds the pending deletions.
 * Deleting decisions needs the full-text index kept in step, hence the delete trigger (PostgreSQL
 * computes its search column from the row, so it needs none).
 */
export const installations = `
CREATE TABLE installation (
  key TEXT PRIMARY KEY,
  enterprise_id TEXT,
  team_id TEXT,
  is_enterprise_install INTEGER NOT NULL CHECK (is_enterprise_install IN (0, 1)),
  installer_user_id TEXT NOT NULL,
  installed_at TEXT NOT NULL,
  secrets TEXT NOT NULL
) STRICT;

CREATE TABLE installation_user (
  key TEXT NOT NULL REFERENCES installation (key) ON DELETE CASCADE,
  user_id TEXT NOT NULL,
  secrets TEXT NOT NULL,
  PRIMARY KEY (key, user_id)
) STRICT;

CREATE TABLE installation_workspace (
  key TEXT NOT NULL,
  workspace TEXT NOT NULL,
  PRIMARY KEY (key, workspace)
) STRICT;
CREATE INDEX installation_workspace_by_workspace ON installation_workspace (workspace);

CREATE TABLE uninstall (
  key TEXT PRIMARY KEY,
  uninstalled_at TEXT NOT NULL,
  purge_after TEXT NOT NULL
) STRICT;
CREATE INDEX uninstall_due ON uninstall (purge_after);

CREATE TRIGGER decision_fts_delete AFTER DELETE ON decision BEGIN
  INSERT INTO decision_fts (decision_fts, rowid, title, notes, service, option)
  VALUES ('delete', old.id, old.title, old.notes, old.service, old.option);
END;
`;
