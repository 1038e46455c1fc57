/** Why a database file could not be used; the message is meant for the person who chose the file. */
export type StoreErrorCode = "foreign-file" | "newer-schema" | "corrupt" | "invalid-query";

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
