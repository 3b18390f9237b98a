/** A command line the CLI cannot run: reported with the usage text, exit status 2. */
export class UsageError extends Error {}
