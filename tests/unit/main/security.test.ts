import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import {
  CONTENT_SECURITY_POLICY,
  denyAllPermissions,
  guardNavigation,
  installContentSecurityPolicy,
  isAppUrl,
} from '../../../src/main/security';
import { FakeSession, FakeWebContents } from '../../helpers/fakeElectron';

describe('Content-Security-Policy', () => {
  it('allows neither eval nor any remote origin', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('is added to every response of the session', () => {
    const session = new FakeSession();
    installContentSecurityPolicy(session as unknown as Session);
    const callback = vi.fn();
    session.headersListener?.({ responseHeaders: { 'X-Other': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    const session = new FakeSession();
    denyAllPermissions(session as unknown as Session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn();
      session.permissionRequestHandler?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.permissionCheckHandler?.({}, permission)).toBe(false);
    }
    expect(session.devicePermissionHandler?.({})).toBe(false);
  });
});

describe('navigation', () => {
  const setup = (devServer?: string) => {
    const contents = new FakeWebContents();
    const openExternal = vi.fn(() => Promise.resolve(true));
    guardNavigation(contents as unknown as WebContents, devServer, openExternal);
    return { contents, openExternal };
  };

  it('keeps the window on the app and blocks navigation elsewhere', () => {
    const { contents, openExternal } = setup();
    expect(contents.fire('will-navigate', 'app://ringtrace/index.html#/cases')).toBe(false);
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.fire('will-navigate', 'http://evil.example/')).toBe(true);
    expect(contents.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-attach-webview')).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('hands an https link to the confirming opener instead of navigating', () => {
    const { contents, openExternal } = setup();
    expect(contents.fire('will-navigate', 'https://www.unodc.org/')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://www.unodc.org/');
  });

  it('denies every new window; https links go to the confirming opener', () => {
    const { contents, openExternal } = setup();
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({
      action: 'deny',
    });
    expect(openExternal).toHaveBeenCalledWith('https://example.org/');
    expect(contents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({
      action: 'deny',
    });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('trusts the dev server only when one is configured', () => {
    expect(isAppUrl('http://localhost:5173/', undefined)).toBe(false);
    expect(isAppUrl('http://localhost:5173/x', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('app://other/index.html', undefined)).toBe(false);
    expect(isAppUrl('not a url', undefined)).toBe(false);
  });
});
