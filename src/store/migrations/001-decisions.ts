/**
 * The decision record. `id` is the internal row id: it grows with every insert, so ordering by it is
 * "newest first" for keyset pagination; `number` is the per-workspace sequence people type (EA-<number>).
 */
export const decisions = `
CREATE TABLE decision (
  id INTEGER PRIMARY KEY,
  workspace TEXT NOT NULL,
  number INTEGER NOT NULL,
  dedupe_key TEXT NOT NULL,
  channel TEXT,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL,
  title TEXT NOT NULL,
  requirements TEXT NOT NULL,
  advice TEXT NOT NULL,
  option TEXT NOT NULL,
  service TEXT,
  monthly_cost_usd REAL NOT NULL,
  rendered TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'proposed'
    CHECK (status IN ('proposed', 'accepted', 'rejected', 'superseded')),
  superseded_by INTEGER REFERENCES decision (id),
  supersedes INTEGER REFERENCES decision (id),
  notes TEXT NOT NULL DEFAULT '',
  message_channel TEXT,
  message_ts TEXT,
  UNIQUE (workspace, number),
  UNIQUE (workspace, dedupe_key)
) STRICT;

-- Every index ends with the row id implicitly, so each one also serves "newest first" within its filter.
CREATE INDEX decision_by_workspace ON decision (workspace);
CREATE INDEX decision_by_status ON decision (workspace, status);
CREATE INDEX decision_by_option ON decision (workspace, option);
CREATE INDEX decision_by_service ON decision (workspace, service);
CREATE INDEX decision_by_author ON decision (workspace, author);
CREATE INDEX decision_by_created ON decision (workspace, created_at);
`;
