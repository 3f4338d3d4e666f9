/**
 * Command-line entry: `npm run cli -- <command> [args]`. Each command is a file in ./commands,
 * so commands are added without editing a shared list.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CliCommand } from './command';

const commandsDir = join(dirname(fileURLToPath(import.meta.url)), 'commands');

function commandNames(): string[] {
  return readdirSync(commandsDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
}

async function load(name: string): Promise<CliCommand> {
  const mod = (await import(pathToFileURL(join(commandsDir, `${name}.ts`)).href)) as {
    command: CliCommand;
  };
  return mod.command;
}

async function usage(): Promise<string> {
  const lines = ['Usage: npm run cli -- <command> [arguments]', '', 'Commands:'];
  for (const name of commandNames())
    lines.push(`  ${name.padEnd(10)} ${(await load(name)).summary}`);
  return lines.join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    console.log(await usage());
    return name === undefined ? 2 : 0;
  }
  if (!/^[a-z][a-z-]*$/.test(name) || !existsSync(join(commandsDir, `${name}.ts`))) {
    console.error(`Unknown command "${name}".\n\n${await usage()}`);
    return 2;
  }
  return (await load(name)).run(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
