/**
 * Debian's Chromium as every browser-driving script here launches it: the end-to-end tests,
 * the bench parts that measure the real UI, and the screenshot script. Without the
 * background-networking flags Chromium keeps trying this machine's closed network. Kept apart
 * from browser.ts, which needs vitest's runner, so that bench and scripts can import it.
 */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
