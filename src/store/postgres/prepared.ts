import { createHash } from "node:crypto";
import { sql, type PostgresPool, type PostgresPoolClient } from "kysely";
import type pg from "pg";

/** Begins a statement that each connection parses and plans once, then runs by name (the hot path). */
export const PREPARED = sql.raw("/* prepared */");
const MARK = "/* prepared */";

/**
 * The pool Kysely draws connections from, running the statements that begin with PREPARED as named
 * prepared statements: parsing and planning the save's statement cost more server time than running it.
 * Only those: the list and search queries keep a plan made for their actual values each time.
 */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (name === undefined) {
      name = `ea_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`;
      names.set(text, name);
    }
    return name;
  };
  return {
    connect: async () => {
      const client = await pool.connect();
      // Kysely passes SQL and parameters, or a cursor to stream with (not used by the store).
      const query = (statement: string | pg.Submittable, values: readonly unknown[] = []) => {
        if (typeof statement !== "string") return client.query(statement);
        return statement.startsWith(MARK)
          ? client.query({ name: nameOf(statement), text: statement, values: [...values] })
          : client.query(statement, [...values]);
      };
      return {
        query,
        release: (destroy?: boolean) => client.release(destroy),
      } as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}
