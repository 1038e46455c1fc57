/**
 * Why a database could not be used; the message names the file (or server) and says what to do, for the
 * person who chose it.
 */
export type StoreErrorCode =
  /** The file is not an endpoint-advice database (another application's, or not SQLite). */
  | "foreign-file"
  /** Written by a newer endpoint-advice than this one. */
  | "newer-schema"
  /** A damaged file: refused for writing (checked at open), or met while reading. */
  | "corrupt"
  /** Another process held the lock longer than the store waits; nothing was changed. */
  | "busy"
  /** The disk is full (SQLite: SQLITE_FULL); nothing was changed. */
  | "full"
  /** The file cannot be written (read-only file, folder or file system); nothing was changed. */
  | "read-only"
  /** Opened for reading, but there is no file. */
  | "missing"
  /** Opened for reading, but the file is empty (0 bytes). */
  | "empty"
  /** Opened for reading, but the database has no history at this schema version yet. */
  | "not-initialised"
  /** PostgreSQL: the server could not be reached or refused the connection. */
  | "unreachable";

export class StoreError extends Error {
  override readonly name = "StoreError";

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
