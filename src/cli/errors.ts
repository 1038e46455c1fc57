/** Input a person can fix (a bad file, a bad value, a missing flag): exit code 2, message only. */
export class InputError extends Error {
  override name = "InputError";
  readonly exitCode = 2;
}
