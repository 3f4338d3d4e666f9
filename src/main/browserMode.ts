/**
 * Browser mode: where Electron cannot run, the built renderer is served on 127.0.0.1 with
 * the same Content-Security-Policy as the desktop window, and opened in a browser. Only the
 * loopback interface is bound, so nothing on the network can reach the workbench.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mediaTypeOf, resolveStaticPath } from './protocol';
import { CONTENT_SECURITY_POLICY } from './security';

export type WebServer = Readonly<{ url: string; close: () => Promise<void> }>;

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export function startWebServer(root: string, port = 0): Promise<WebServer> {
  const server: Server = createServer((request, response) => {
    const headers = { ...SECURITY_HEADERS };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, headers).end();
      return;
    }
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const path = resolveStaticPath(root, pathname);
    if (path === null) {
      response.writeHead(404, headers).end('Not found');
      return;
    }
    stat(path).then(
      (info) => {
        if (!info.isFile()) {
          response.writeHead(404, headers).end('Not found');
          return;
        }
        response.writeHead(200, {
          ...headers,
          'Content-Type': mediaTypeOf(path),
          'Content-Length': String(info.size),
        });
        if (request.method === 'HEAD') response.end();
        else createReadStream(path).pipe(response);
      },
      () => response.writeHead(404, headers).end('Not found'),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${bound}/`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
