/**
 * Builds the app once and serves it in browser mode, exactly as `npm start` does where
 * Electron cannot run. Tests get the URL through inject('appUrl').
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startWebServer, type WebServer } from '../../src/main/browserMode';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}

const root = join(import.meta.dirname, '..', '..');
let server: WebServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (process.env['RINGTRACE_SKIP_BUILD'] !== '1') {
    const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
    const result = spawnSync(process.execPath, [cli, 'build'], { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`Build failed:\n${result.stdout}\n${result.stderr}`);
  }
  server = await startWebServer(join(root, process.env['RINGTRACE_OUT'] ?? 'out', 'renderer'));
  project.provide('appUrl', server.url);
}

export async function teardown(): Promise<void> {
  await server?.close();
}
