/*
 * Script of verify/verify.html: a court clerk drops the bundle's ZIP on the page, in any
 * browser, offline, and reads the same result the command-line verifier prints. The file is
 * read in slices (Blob.slice), never uploaded: the page has no network access at all (its
 * Content-Security-Policy forbids it).
 */
import { formatVerifyResult, verifyBundle, type VerifyResult } from '../verify';
import type { RandomAccess } from '../zipReader';

function blobSource(blob: Blob): RandomAccess {
  return {
    size: blob.size,
    read: async (offset, length) =>
      new Uint8Array(await blob.slice(offset, Math.min(blob.size, offset + length)).arrayBuffer()),
  };
}

const BANNERS: Readonly<Record<VerifyResult['status'], string>> = {
  verified: 'VERIFIED: signed by the key you expected, and nothing was changed.',
  unconfirmed:
    'KEY NOT CONFIRMED: the content is consistent with its signature, but enter the fingerprint the exporting agency gave you to confirm whose key signed it.',
  failed: 'NOT VERIFIED: see the problems below.',
};

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`verify.html lacks #${id}`);
  return found as T;
}

let current: File | undefined;

async function run(): Promise<void> {
  const file = current;
  if (file === undefined) return;
  const banner = element('banner');
  const output = element('output');
  const key = element<HTMLInputElement>('key').value.trim();
  banner.className = 'banner';
  banner.textContent = `Checking ${file.name}…`;
  output.textContent = '';
  const result = await verifyBundle(
    blobSource(file),
    key !== '' ? { expectedFingerprint: key } : {},
  );
  banner.className = `banner ${result.status}`;
  banner.dataset['status'] = result.status;
  banner.textContent = BANNERS[result.status];
  // textContent, never innerHTML: the report is untrusted text, and it is escaped already.
  output.textContent = formatVerifyResult(result, file.name);
}

function start(): void {
  const drop = element('drop');
  const input = element<HTMLInputElement>('file');
  const pick = (file: File | undefined): void => {
    current = file;
    void run();
  };
  input.addEventListener('change', () => pick(input.files?.[0]));
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    pick(event.dataTransfer?.files[0]);
  });
  element('key').addEventListener('change', () => void run());
  element('check').addEventListener('click', () => void run());
}

start();
