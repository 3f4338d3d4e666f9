/** A command of `npm run cli -- NAME ...`: one file src/cli/commands/NAME.ts exporting these. */
export type CliCommand = Readonly<{
  /** One line for the usage listing. */
  summary: string;
  /** Runs with the arguments after the command's name; resolves to the exit code. */
  run: (argv: readonly string[]) => Promise<number>;
}>;
