/**
 * The PostgreSQL schema, version by version (the same tables as the SQLite file's migrations). Times are
 * ISO text as on SQLite, so both compare and slice them alike; JSON is text, parsed by the store.
 */
const decisions = `
CREATE TABLE decision (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace text NOT NULL,
  number integer NOT NULL,
  dedupe_key text NOT NULL,
  channel text,
  author text NOT NULL,
  created_at text NOT NULL,
  title text NOT NULL,
  requirements text NOT NULL,
  advice text NOT NULL,
  option text NOT NULL,
  service text,
  monthly_cost_usd double precision NOT NULL,
  rendered text NOT NULL,
  status text NOT NULL DEFAULT 'proposed'
    CHECK (status IN ('proposed', 'accepted', 'rejected', 'superseded')),
  superseded_by integer REFERENCES decision (id),
  supersedes integer REFERENCES decision (id),
  notes text NOT NULL DEFAULT '',
  message_channel text,
  message_ts text,
  UNIQUE (workspace, number),
  UNIQUE (workspace, dedupe_key)
);
-- Each index ends with the id, so each one also serves "newest first" within its filter.
CREATE INDEX decision_by_workspace ON decision (workspace, id);
CREATE INDEX decision_by_status ON decision (workspace, status, id);
CREATE INDEX decision_by_option ON decision (workspace, option, id);
CREATE INDEX decision_by_service ON decision (workspace, service, id);
CREATE INDEX decision_by_author ON decision (workspace, author, id);
CREATE INDEX decision_by_created ON decision (workspace, created_at, id);

-- The same matching rules as SQLite's FTS5 'porter unicode61': English stems, case folded, no stop
-- words dropped (FTS5 drops none), hyphenated ids split into their words.
CREATE TEXT SEARCH DICTIONARY endpoint_advice_stem (TEMPLATE = snowball, LANGUAGE = english);
CREATE TEXT SEARCH CONFIGURATION endpoint_advice (COPY = english);
ALTER TEXT SEARCH CONFIGURATION endpoint_advice
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH endpoint_advice_stem;
ALTER TABLE decision ADD COLUMN search tsvector GENERATED ALWAYS AS (
  to_tsvector('endpoint_advice', title || ' ' || notes || ' ' || coalesce(service, '') || ' ' || option)
) STORED;
CREATE INDEX decision_search ON decision USING gin (search);

CREATE TABLE status_change (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  decision_id integer NOT NULL REFERENCES decision (id),
  status text NOT NULL CHECK (status IN ('proposed', 'accepted', 'rejected', 'superseded')),
  actor text NOT NULL,
  at text NOT NULL,
  comment text NOT NULL DEFAULT ''
);
CREATE INDEX status_change_by_decision ON status_change (decision_id);
`;

const outbox = `
CREATE TABLE delivery (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  decision_id integer NOT NULL REFERENCES decision (id),
  workspace text NOT NULL,
  decision_number integer NOT NULL,
  kind text NOT NULL,
  channel text,
  user_id text NOT NULL,
  response_url text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'claimed', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  available_at text NOT NULL,
  last_error text,
  created_at text NOT NULL,
  finished_at text
);
CREATE INDEX delivery_waiting ON delivery (available_at, id) WHERE status IN ('pending', 'claimed');
CREATE INDEX delivery_by_decision ON delivery (decision_id);
`;

// Installations by many workspaces and the pending purges after an uninstall (SQLite: 004-installations.ts).
const installations = `
CREATE TABLE installation (
  key text PRIMARY KEY,
  enterprise_id text,
  team_id text,
  is_enterprise_install integer NOT NULL CHECK (is_enterprise_install IN (0, 1)),
  installer_user_id text NOT NULL,
  installed_at text NOT NULL,
  secrets text NOT NULL
);

CREATE TABLE installation_user (
  key text NOT NULL REFERENCES installation (key) ON DELETE CASCADE,
  user_id text NOT NULL,
  secrets text NOT NULL,
  PRIMARY KEY (key, user_id)
);

CREATE TABLE installation_workspace (
  key text NOT NULL,
  workspace text NOT NULL,
  PRIMARY KEY (key, workspace)
);
CREATE INDEX installation_workspace_by_workspace ON installation_workspace (workspace);

CREATE TABLE uninstall (
  key text PRIMARY KEY,
  uninstalled_at text NOT NULL,
  purge_after text NOT NULL
);
CREATE INDEX uninstall_due ON uninstall (purge_after);
`;

// The last EA-n given out in each workspace: the save increments it in its own statement, and the row's
// lock orders one workspace's saves (it replaces an advisory lock and max(number) + 1, which took three
// round trips inside a transaction). SQLite has one writer at a time and keeps max(number) + 1.
const counters = `
CREATE TABLE decision_counter (
  workspace text PRIMARY KEY,
  last_number integer NOT NULL
);
INSERT INTO decision_counter (workspace, last_number) SELECT workspace, max(number) FROM decision GROUP BY workspace;

-- Numbers follow the decisions that remain, as max(number) + 1 did: a workspace whose decisions were purged
-- after an uninstall starts again at EA-1 when it comes back.
CREATE FUNCTION decision_counter_follow_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE decision_counter c
  SET last_number = coalesce((SELECT max(d.number) FROM decision d WHERE d.workspace = c.workspace), 0)
  WHERE c.workspace IN (SELECT DISTINCT workspace FROM gone);
  RETURN NULL;
END
$$;
CREATE TRIGGER decision_counter_follow_delete AFTER DELETE ON decision
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION decision_counter_follow_delete();
`;

/** Version N is the N-th entry; the version a database is at is kept in endpoint_advice_schema. */
export const POSTGRES_MIGRATIONS: readonly string[] = [decisions, outbox, installations, counters];

export const POSTGRES_SCHEMA_VERSION = POSTGRES_MIGRATIONS.length;
