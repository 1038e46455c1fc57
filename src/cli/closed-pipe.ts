/**
 * Ends the command quietly when whoever reads its output stops reading (`history --json | head -1`): the
 * reader has what it wanted, so this is no error and prints no stack trace. Other write errors stay fatal.
 */
export function endQuietlyWhenReaderLeaves(output: NodeJS.WriteStream): void {
  output.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(0);
  });
}
