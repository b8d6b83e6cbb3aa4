/** `bulkhead image …`: scans a container image (owned by the image-scanning work, issue 5). */

/** Runs the image subcommand with its arguments; resolves to the process exit code. */
export async function imageCommand(_argv: readonly string[]): Promise<number> {
  process.stderr.write('bulkhead image: not available in this build.\n');
  return 2;
}
