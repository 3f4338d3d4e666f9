import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../../src/main/browserMode';
import { resolveAppPath } from '../../../src/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/security';

const root = mkdtempSync(join(tmpdir(), 'ringtrace-static-'));

describe('resolveAppPath', () => {
  it('maps app URLs to files inside the renderer folder', () => {
    expect(resolveAppPath(root, 'app://ringtrace/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://ringtrace/assets/a.js')).toBe(join(root, 'assets/a.js'));
    // URL parsing resolves literal dot segments before we see them: still inside the folder.
    expect(resolveAppPath(root, 'app://ringtrace/../secret')).toBe(join(root, 'secret'));
  });

  it.each([
    'app://ringtrace/..%2f..%2fetc%2fpasswd',
    'app://ringtrace/a%5c..%5c..%5cx',
    'app://ringtrace/%00',
    'app://other/index.html',
    'app://ringtrace/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });
});

describe('browser mode server', () => {
  let server: WebServer;
  beforeAll(async () => {
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(root, 'assets', 'x.wasm'), new Uint8Array([0, 97, 115, 109]));
    server = await startWebServer(root);
  });
  afterAll(() => server.close());

  it('listens on loopback only and serves the app with the CSP', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>t</title>');
  });

  it('serves WebAssembly with its media type and refuses traversal and writes', async () => {
    const wasm = await fetch(new URL('assets/x.wasm', server.url));
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    const traversal = await fetch(new URL('..%2f..%2fetc%2fpasswd', server.url));
    expect(traversal.status).toBe(404);
    const post = await fetch(server.url, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
  });
});
