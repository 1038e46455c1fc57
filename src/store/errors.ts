/** Why a database file could not be used; the message is meant for the person who chose the file. */
export type StoreErrorCode =
  | "foreign-file"
  | "newer-schema"
  | "corrupt"
  /** Another process held the lock longer than the store waits; nothing was changed. */
  | "busy";

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
