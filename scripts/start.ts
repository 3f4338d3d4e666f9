/**
 * `npm start`: builds, then opens the desktop window. Where the Electron binary is not
 * installed and cannot be fetched (no network, or npm ran no install scripts), it says so in
 * one line and serves the workbench in browser mode on 127.0.0.1 instead.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startWebServer } from '../src/main/browserMode';

const root = join(import.meta.dirname, '..');

function electronBinary(): string | null {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** Electron 42+ fetches its binary at first launch; try that once, quietly, with a time limit. */
function fetchElectronBinary(): string | null {
  if (process.env['RINGTRACE_BROWSER'] === '1') return null;
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return null;
  const result = spawnSync(process.execPath, [installer], { stdio: 'ignore', timeout: 180_000 });
  return result.status === 0 ? electronBinary() : null;
}

function build(): void {
  const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function main(): Promise<void> {
  build();
  const binary = electronBinary() ?? fetchElectronBinary();
  if (binary !== null && process.env['RINGTRACE_BROWSER'] !== '1') {
    const child = spawn(binary, [root], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  const port = Number.parseInt(process.env['PORT'] ?? '5178', 10);
  const server = await startWebServer(join(root, 'out', 'renderer'), port).catch(() =>
    startWebServer(join(root, 'out', 'renderer'), 0),
  );
  console.log(
    `Electron binary not installed (it could not be fetched); serving browser mode at ${server.url}`,
  );
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
