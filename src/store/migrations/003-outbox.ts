/**
 * The outbox: what a saved decision still has to deliver (its answer to a channel, a DM or a response_url),
 * written in the save's transaction so an acknowledged request is never lost. A claim moves
 * `available_at` to the end of its lease, so a delivery whose claimer died becomes claimable again.
 */
export const outbox = `
CREATE TABLE delivery (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL REFERENCES decision (id),
  workspace TEXT NOT NULL,
  decision_number INTEGER NOT NULL,
  kind TEXT NOT NULL,
  channel TEXT,
  user_id TEXT NOT NULL,
  response_url TEXT,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'claimed', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  available_at TEXT NOT NULL,
  last_error TEXT,
  created_at TEXT NOT NULL,
  finished_at TEXT
) STRICT;
CREATE INDEX delivery_waiting ON delivery (available_at, id) WHERE status IN ('pending', 'claimed');
CREATE INDEX delivery_by_decision ON delivery (decision_id);
`;
