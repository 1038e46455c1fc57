/**
 * Full-text search over what people remember a decision by (title, notes, service, option), kept in step
 * by triggers, and the audit trail of status changes (creation itself is the decision's author and time).
 * Decisions saved before this version are indexed, so the upgrade loses nothing.
 */
export const searchAndAudit = `
CREATE VIRTUAL TABLE decision_fts USING fts5 (
  title, notes, service, option,
  content = 'decision', content_rowid = 'id', tokenize = 'porter unicode61'
);
INSERT INTO decision_fts (decision_fts) VALUES ('rebuild');

CREATE TRIGGER decision_fts_insert AFTER INSERT ON decision BEGIN
  INSERT INTO decision_fts (rowid, title, notes, service, option)
  VALUES (new.id, new.title, new.notes, new.service, new.option);
END;

CREATE TRIGGER decision_fts_update AFTER UPDATE OF title, notes, service, option ON decision BEGIN
  INSERT INTO decision_fts (decision_fts, rowid, title, notes, service, option)
  VALUES ('delete', old.id, old.title, old.notes, old.service, old.option);
  INSERT INTO decision_fts (rowid, title, notes, service, option)
  VALUES (new.id, new.title, new.notes, new.service, new.option);
END;

CREATE TABLE status_change (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL REFERENCES decision (id),
  status TEXT NOT NULL CHECK (status IN ('proposed', 'accepted', 'rejected', 'superseded')),
  actor TEXT NOT NULL,
  at TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX status_change_by_decision ON status_change (decision_id);
`;
