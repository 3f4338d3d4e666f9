/**
 * A packaged build: no developer tools in the window, and any that open anyway (a web
 * contents created later) are closed at once.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createFakeElectron, FakeWebContents } from '../../helpers/fakeElectron';

const fake = createFakeElectron({ packaged: true });
vi.mock('electron', () => fake.electron);

beforeAll(async () => {
  await import('../../../src/main/index');
  fake.ready();
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
});

describe('the main process of a packaged build', () => {
  it('disables developer tools in the window', () => {
    const prefs = fake.windows[0]?.options['webPreferences'] as Record<string, unknown>;
    expect(prefs['devTools']).toBe(false);
  });

  it('closes developer tools that any web contents opens', () => {
    const contents = new FakeWebContents();
    fake.appEvents.emit('web-contents-created', {}, contents);
    contents.emit('devtools-opened');
    expect(contents.devToolsClosed).toBe(1);
  });
});
