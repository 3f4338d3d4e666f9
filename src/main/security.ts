/**
 * The hardening of every window and session. Each rule here has a unit test
 * (tests/unit/main/security.test.ts) with Electron's API mocked.
 */
import type { Session, WebContents } from 'electron';

/** The renderer is served from this origin by a custom protocol, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'ringtrace';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * No 'unsafe-eval' and no remote origin. 'wasm-unsafe-eval' lets WebAssembly compile
 * (Argon2id, tesseract) without allowing eval of JavaScript; workers may come from blob:
 * because bundled worker scripts are instantiated that way; inline styles are React's.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data:",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
].join('; ');

/**
 * The headers every app:// response carries, set by the protocol handler itself: a header
 * added through session.webRequest may not reach responses of a custom protocol (a reported
 * Electron issue), and a worker script takes its policy from its own response.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
};

/** The response with the security headers set (replacing any the file source sent). */
export function withSecurityHeaders(response: Response): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

/** Adds the CSP header to every response of the session, whatever serves it. */
export function installContentSecurityPolicy(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
}

/** Camera, microphone, geolocation, notifications...: the workbench needs none of them. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Whether a URL is the app itself (its own origin, or the dev server in development). */
export function isAppUrl(url: string, devServerUrl: string | undefined): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (devServerUrl !== undefined && devServerUrl !== '') {
    return parsed.origin === new URL(devServerUrl).origin;
  }
  return false;
}

export type ExternalLinkOpener = (url: string) => Promise<unknown>;

/**
 * Navigation away from the app and new windows are blocked. An https link is handed to the
 * system browser, and only after the user confirms (openExternal asks).
 */
export function guardNavigation(
  contents: WebContents,
  devServerUrl: string | undefined,
  openExternal: ExternalLinkOpener,
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) {
      event.preventDefault();
      if (url.startsWith('https://')) void openExternal(url);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void openExternal(url);
    return { action: 'deny' };
  });
}
