/** Ends a command-line process with one line for the operator on stderr, and exit code 1. */
export function exitWithMessage(message: string): never {
  console.error(message)
  process.exit(1)
}
