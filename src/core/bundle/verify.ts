import { ed25519 } from '@noble/curves/ed25519.js';
import {
  bytesToHex,
  fingerprintOf,
  hexToBytesStrict,
  normaliseFingerprint,
  streamingSha256,
} from './bytes';
import { auditEntryHash } from './auditHash';
import { escapeUntrusted as q } from './escape';
import { handoverProblem } from './handover';
import {
  BUNDLE_FORMAT,
  SUPPORTED_BUNDLE_VERSIONS,
  MANIFEST_PATH,
  SIGNATURE_PATH,
  SIGNER_PATH,
  type BundleManifest,
} from './types';
import {
  DEFAULT_ZIP_LIMITS,
  ZipEntryError,
  bytesSource,
  readEntry,
  readEntryBytes,
  readZipDirectory,
  type RandomAccess,
  type ZipEntry,
  type ZipLimits,
  type ZipProblemCode,
} from './zipReader';

/*
 * The standalone verifier: what the defence and the court run, with nothing of the exporting
 * vault. It trusts nothing in the bundle until it has checked it, in this order: the ZIP's
 * structure and limits (before inflating anything), the signature over manifest.json, the
 * signer against the key the user expects, every file against the manifest, and the manifest's
 * own consistency. It names every problem it finds rather than stopping at the first, so a
 * lawyer learns everything that is wrong from one run.
 */

export type VerifyProblemCode =
  | ZipProblemCode
  | 'zip-corrupt'
  | 'signature-invalid'
  | 'wrong-key'
  | 'signer-invalid'
  | 'manifest-invalid'
  | 'manifest-inconsistent'
  | 'audit-reordered'
  | 'audit-altered'
  | 'custody-inconsistent'
  | 'handover-invalid'
  | 'file-changed'
  | 'file-missing'
  | 'file-added';

export type VerifyProblem = Readonly<{ code: VerifyProblemCode; message: string; path?: string }>;

export type VerifyOptions = Readonly<{
  /** The signer's fingerprint as the user got it from the exporting agency (--key). */
  expectedFingerprint?: string;
  limits?: Partial<ZipLimits>;
}>;

/**
 * - verified: every check passed and the signer is the key the user expected;
 * - unconfirmed: every check passed, but no expected key was given: the content is consistent
 *   with a signature by the bundle's own key, which anyone could have made;
 * - failed: at least one problem.
 */
export type VerifyStatus = 'verified' | 'unconfirmed' | 'failed';

export type VerifyResult = Readonly<{
  status: VerifyStatus;
  /** No problem found (the key may still be unconfirmed: see status). */
  ok: boolean;
  problems: readonly VerifyProblem[];
  /** Fingerprint of the key that signed the manifest, when signer.json could be read. */
  signerFingerprint?: string;
  signatureValid: boolean;
  /** Whether --key was given and matched. */
  keyMatched?: boolean;
  /** The manifest as read, when it parsed; trust it only when `ok`. */
  manifest?: BundleManifest;
  /** Files whose size and SHA-256 matched the manifest. */
  filesVerified: number;
}>;

const META_FILES = new Set([MANIFEST_PATH, SIGNATURE_PATH, SIGNER_PATH]);
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;
const MAX_SIGNER_BYTES = 64 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Enough of the manifest's shape to walk it safely; the signature vouches for the rest. */
function manifestShapeProblem(value: unknown): string | null {
  if (!isRecord(value)) return 'it is not a JSON object';
  if (value['format'] !== BUNDLE_FORMAT) return `its format is not "${BUNDLE_FORMAT}"`;
  if (typeof value['version'] !== 'number' || !SUPPORTED_BUNDLE_VERSIONS.includes(value['version']))
    return `its format version ${JSON.stringify(value['version'])} is not one this verifier knows (${SUPPORTED_BUNDLE_VERSIONS.join(', ')}); use a newer verifier`;
  for (const key of ['entities', 'links', 'citations', 'evidence', 'audit', 'files'])
    if (!Array.isArray(value[key]) || !(value[key] as unknown[]).every(isRecord))
      return `"${key}" is not a list of records`;
  for (const f of value['files'] as Record<string, unknown>[])
    if (
      typeof f['path'] !== 'string' ||
      typeof f['size'] !== 'number' ||
      typeof f['sha256'] !== 'string'
    )
      return 'a "files" entry lacks its path, size or sha256';
  for (const item of value['evidence'] as Record<string, unknown>[])
    if (
      typeof item['id'] !== 'string' ||
      !Array.isArray(item['pages']) ||
      !Array.isArray(item['custody']) ||
      !isRecord(item['original'])
    )
      return 'an evidence item lacks its id, pages, custody or original';
  if (!isRecord(value['signer']) || typeof value['signer']['publicKeyHex'] !== 'string')
    return 'it does not name its signer';
  return null;
}

/** Every reference inside the manifest must resolve to something the bundle holds. */
function consistencyProblems(m: BundleManifest): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  const add = (message: string): void => {
    problems.push({ code: 'manifest-inconsistent', message });
  };
  const entities = new Set<string>(m.entities.map((e) => e.id));
  const links = new Set<string>(m.links.map((l) => l.id));
  const items = new Map(m.evidence.map((i) => [i.id as string, i]));
  const files = new Map(m.files.map((f) => [f.path, f]));
  const pageOwner = new Map<string, string>();
  for (const item of m.evidence) {
    for (const page of item.pages) {
      pageOwner.set(page.id, item.id);
      for (const path of [page.path, page.originalTextPath])
        if (path !== undefined && !files.has(path))
          add(
            `Page ${page.number} of exhibit ${item.exhibitRef} names ${path}, which is not in the files list`,
          );
    }
    if (
      !item.original.included &&
      item.original.pseudonymisedPath !== undefined &&
      !files.has(item.original.pseudonymisedPath)
    )
      add(
        `Exhibit ${item.exhibitRef}: its pseudonymised text ${item.original.pseudonymisedPath} is not in the files list`,
      );
    if (item.intakeSha256 !== item.exportSha256)
      add(`Exhibit ${item.exhibitRef}: its SHA-256 at export differs from the one taken at intake`);
    if (item.original.included) {
      const file = files.get(item.original.path);
      if (file === undefined)
        add(
          `Exhibit ${item.exhibitRef}: its original ${item.original.path} is not in the files list`,
        );
      else if (file.sha256 !== item.intakeSha256 || file.size !== item.size)
        add(
          `Exhibit ${item.exhibitRef}: the original in the bundle is not the file taken in (hash or size differs from intake)`,
        );
    }
    for (const entry of item.custody)
      if (entry.evidenceId !== item.id)
        add(
          `Custody entry ${entry.id}, listed under exhibit ${item.exhibitRef}, belongs to item ${entry.evidenceId}`,
        );
  }
  for (const link of m.links)
    for (const end of [link.source, link.target])
      if (!entities.has(end))
        add(`Link ${link.id} (${link.type}) has an end ${end} that is not an included entity`);
  for (const c of m.citations) {
    if (!items.has(c.evidenceId))
      add(`Citation ${c.id} points to item ${c.evidenceId}, which is not included`);
    const owner = pageOwner.get(c.pageId);
    if (owner === undefined)
      add(`Citation ${c.id} points to page ${c.pageId}, which is not included`);
    else if (owner !== c.evidenceId)
      add(`Citation ${c.id} points to page ${c.pageId}, which belongs to another item`);
    const known = c.subject.kind === 'link' ? links.has(c.subject.id) : entities.has(c.subject.id);
    if (!known)
      add(`Citation ${c.id} supports ${c.subject.kind} ${c.subject.id}, which is not included`);
  }
  problems.push(...auditProblems(m));
  return problems;
}

/**
 * The audit entries a bundle carries are a subset of the vault's chain, in chain order. Every
 * version: they must come in ascending order (swapped entries are "reordered"). Version 2 also
 * recomputes each entry's hash (except those whose summary was pseudonymised), checks that
 * consecutive entries chain, that the head recorded at export is consistent with them, and
 * cross-checks the custody listed against the audit entries about custody.
 */
function auditProblems(m: BundleManifest): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  for (let i = 1; i < m.audit.length; i++) {
    const before = m.audit[i - 1];
    const entry = m.audit[i];
    if (before !== undefined && entry !== undefined && entry.seq <= before.seq)
      problems.push({
        code: 'audit-reordered',
        path: MANIFEST_PATH,
        message: `Audit entries are reordered: entry ${entry.seq} comes after entry ${before.seq}`,
      });
  }
  if (m.version < 2) return problems;

  const redacted = new Set(m.auditRedacted ?? []);
  const bySeq = new Map(m.audit.map((a) => [a.seq, a]));
  for (const entry of m.audit) {
    if (!redacted.has(entry.seq) && auditEntryHash(entry) !== entry.hash)
      problems.push({
        code: 'audit-altered',
        path: MANIFEST_PATH,
        message: `Audit entry ${entry.seq} (${entry.action}) does not match its own hash: it was altered`,
      });
    const previous = bySeq.get(entry.seq - 1);
    if (previous !== undefined && previous.hash !== entry.prevHash)
      problems.push({
        code: 'audit-altered',
        path: MANIFEST_PATH,
        message: `Audit entry ${entry.seq} does not chain to entry ${previous.seq}`,
      });
  }
  const head = m.auditHead;
  if (head !== undefined) {
    const last = m.audit[m.audit.length - 1];
    if (last !== undefined && last.seq > head.count)
      problems.push({
        code: 'audit-altered',
        path: MANIFEST_PATH,
        message: `Audit entry ${last.seq} lies beyond the vault's audit head at export (${head.count} entries)`,
      });
    const atHead = bySeq.get(head.count);
    if (atHead !== undefined && atHead.hash !== head.lastHash)
      problems.push({
        code: 'audit-altered',
        path: MANIFEST_PATH,
        message: `The audit head recorded at export does not match audit entry ${head.count}`,
      });
  }

  // Custody written with an audit entry of its own (views, hand-overs, duplicates) must be
  // listed, and every such audit entry must name a custody entry that is listed.
  const custodyIds = new Map<string, string>();
  for (const item of m.evidence)
    for (const entry of item.custody) custodyIds.set(entry.id, item.exhibitRef);
  const audited = new Set<string>();
  for (const entry of m.audit) {
    if (entry.table !== 'custody') continue;
    audited.add(entry.recordId);
    if (!custodyIds.has(entry.recordId))
      problems.push({
        code: 'custody-inconsistent',
        path: MANIFEST_PATH,
        message: `Audit entry ${entry.seq} (${entry.action}, ${entry.at}) records a custody entry that the bundle's chain of custody does not list: custody was shortened`,
      });
  }
  for (const item of m.evidence)
    for (const entry of item.custody)
      if ((entry.action === 'view' || entry.action === 'transfer') && !audited.has(entry.id))
        problems.push({
          code: 'custody-inconsistent',
          path: MANIFEST_PATH,
          message: `Custody entry ${entry.id} of exhibit ${item.exhibitRef} (${entry.action}, ${entry.at}) has no audit entry in the bundle`,
        });
  for (const item of m.evidence)
    for (const entry of item.custody) {
      if (entry.action !== 'transfer' || entry.transfer === undefined) continue;
      const problem = handoverProblem(entry, item.intakeSha256);
      if (problem !== null)
        problems.push({
          code: 'handover-invalid',
          path: MANIFEST_PATH,
          message: `Hand-over of exhibit ${item.exhibitRef} on ${entry.at}: ${problem}`,
        });
    }
  return problems;
}

export async function verifyBundle(
  bundle: RandomAccess | Uint8Array,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const src = bundle instanceof Uint8Array ? bytesSource(bundle) : bundle;
  const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...options.limits };
  const directory = await readZipDirectory(src, limits);
  if (directory.problems.length > 0)
    return {
      status: 'failed',
      ok: false,
      problems: directory.problems,
      signatureValid: false,
      filesVerified: 0,
    };

  const problems: VerifyProblem[] = [];
  const byPath = new Map<string, ZipEntry>(directory.entries.map((e) => [e.path, e]));
  const readSmall = async (path: string, max: number): Promise<Uint8Array | undefined> => {
    const entry = byPath.get(path);
    if (entry === undefined) {
      problems.push({ code: 'file-missing', path, message: `${path} is missing from the bundle` });
      return undefined;
    }
    try {
      return await readEntryBytes(src, entry, max, limits);
    } catch (error) {
      if (!(error instanceof ZipEntryError)) throw error;
      problems.push({
        code: error.code === 'zip-crc' ? 'file-changed' : error.code,
        path,
        message: error.message,
      });
      return undefined;
    }
  };

  const manifestBytes = await readSmall(MANIFEST_PATH, MAX_MANIFEST_BYTES);
  const signature = await readSmall(SIGNATURE_PATH, 1024);
  const signerBytes = await readSmall(SIGNER_PATH, MAX_SIGNER_BYTES);

  let publicKey: Uint8Array | undefined;
  let signerFingerprint: string | undefined;
  if (signerBytes !== undefined) {
    try {
      const signer: unknown = JSON.parse(decoder.decode(signerBytes));
      if (!isRecord(signer) || typeof signer['publicKeyHex'] !== 'string')
        throw new Error('it has no publicKeyHex');
      publicKey = hexToBytesStrict(signer['publicKeyHex'], 32, 'The public key');
      signerFingerprint = fingerprintOf(publicKey);
      if (
        typeof signer['fingerprint'] === 'string' &&
        normaliseFingerprint(signer['fingerprint']) !== normaliseFingerprint(signerFingerprint)
      )
        problems.push({
          code: 'signer-invalid',
          path: SIGNER_PATH,
          message: `signer.json states fingerprint ${signer['fingerprint']}, but its public key's fingerprint is ${signerFingerprint}`,
        });
    } catch (error) {
      problems.push({
        code: 'signer-invalid',
        path: SIGNER_PATH,
        message: `signer.json cannot be read: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }

  let signatureValid = false;
  if (manifestBytes !== undefined && signature !== undefined && publicKey !== undefined) {
    try {
      signatureValid =
        // Strict RFC 8032 verification (not ZIP-215): one signature, one accepted form.
        signature.length === 64 &&
        ed25519.verify(signature, manifestBytes, publicKey, { zip215: false });
    } catch {
      signatureValid = false;
    }
    if (!signatureValid)
      problems.push({
        code: 'signature-invalid',
        path: MANIFEST_PATH,
        message:
          'The signature does not match manifest.json: the manifest (or manifest.sig) was changed after it was signed',
      });
  }

  let keyMatched: boolean | undefined;
  if (options.expectedFingerprint !== undefined && signerFingerprint !== undefined) {
    keyMatched =
      normaliseFingerprint(options.expectedFingerprint) === normaliseFingerprint(signerFingerprint);
    if (!keyMatched)
      problems.push({
        code: 'wrong-key',
        path: SIGNER_PATH,
        message: `The bundle was signed by the key with fingerprint ${signerFingerprint}, not by the expected key ${options.expectedFingerprint}`,
      });
  }

  let manifest: BundleManifest | undefined;
  if (manifestBytes !== undefined) {
    try {
      const parsed: unknown = JSON.parse(decoder.decode(manifestBytes));
      const shape = manifestShapeProblem(parsed);
      if (shape !== null) throw new Error(shape);
      manifest = parsed as BundleManifest;
    } catch (error) {
      problems.push({
        code: 'manifest-invalid',
        path: MANIFEST_PATH,
        message: `manifest.json cannot be read: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }

  let filesVerified = 0;
  if (manifest !== undefined) {
    if (
      publicKey !== undefined &&
      manifest.signer.publicKeyHex.toLowerCase() !== bytesToHex(publicKey)
    )
      problems.push({
        code: 'signer-invalid',
        path: SIGNER_PATH,
        message: 'signer.json names a different public key from the one recorded in manifest.json',
      });
    const listed = new Map(manifest.files.map((f) => [f.path, f]));
    for (const entry of directory.entries)
      if (!META_FILES.has(entry.path) && !listed.has(entry.path))
        problems.push({
          code: 'file-added',
          path: entry.path,
          message: `${entry.path} is in the ZIP but not in the manifest: it was added after export`,
        });
    for (const file of manifest.files) {
      const entry = byPath.get(file.path);
      if (entry === undefined) {
        problems.push({
          code: 'file-missing',
          path: file.path,
          message: `${file.path} is listed in the manifest but missing from the ZIP: it was removed`,
        });
        continue;
      }
      try {
        const hash = streamingSha256();
        let size = 0;
        for await (const chunk of readEntry(src, entry, limits)) {
          hash.update(chunk);
          size += chunk.length;
        }
        const digest = hash.hex();
        if (size !== file.size || digest !== file.sha256.toLowerCase())
          problems.push({
            code: 'file-changed',
            path: file.path,
            message: `${file.path} was changed: its SHA-256 is ${digest} (${size} bytes), the manifest says ${file.sha256} (${file.size} bytes)`,
          });
        else filesVerified++;
      } catch (error) {
        if (!(error instanceof ZipEntryError)) throw error;
        problems.push(
          error.code === 'zip-crc'
            ? {
                code: 'file-changed',
                path: file.path,
                message: `${file.path} was changed: ${error.message}`,
              }
            : {
                code: error.code,
                path: file.path,
                message: `${file.path} is damaged: ${error.message}`,
              },
        );
      }
    }
    try {
      problems.push(...consistencyProblems(manifest));
    } catch (error) {
      // Only a signer could produce a well-signed manifest of the wrong shape; still, say so
      // rather than crash.
      problems.push({
        code: 'manifest-invalid',
        path: MANIFEST_PATH,
        message: `manifest.json has records of an unexpected shape: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }

  // Folders carry nothing, but what they hold must still be nothing.
  for (const folder of directory.directories ?? []) {
    try {
      await readEntryBytes(src, folder, 0, limits);
    } catch (error) {
      if (!(error instanceof ZipEntryError)) throw error;
      problems.push({
        code: 'zip-hidden-data',
        path: folder.path,
        message: `Folder entry "${folder.path}" is not empty: ${error.message}`,
      });
    }
  }

  const ok = problems.length === 0;
  return {
    status: !ok ? 'failed' : keyMatched === true ? 'verified' : 'unconfirmed',
    ok,
    problems,
    ...(signerFingerprint !== undefined ? { signerFingerprint } : {}),
    signatureValid,
    ...(keyMatched !== undefined ? { keyMatched } : {}),
    ...(manifest !== undefined ? { manifest } : {}),
    filesVerified,
  };
}

const PROBLEM_LABELS: Readonly<Record<VerifyProblemCode, string>> = {
  'zip-truncated': 'ZIP truncated',
  'zip-malformed': 'ZIP damaged',
  'zip-unsupported': 'ZIP not accepted',
  'zip-unsafe-path': 'unsafe file name',
  'zip-duplicate-path': 'duplicate file name',
  'zip-bomb': 'decompression bomb',
  'zip-hidden-data': 'hidden data',
  'zip-corrupt': 'file damaged',
  'audit-reordered': 'audit reordered',
  'audit-altered': 'audit altered',
  'custody-inconsistent': 'custody incomplete',
  'handover-invalid': 'hand-over signature invalid',
  'signature-invalid': 'signature invalid',
  'wrong-key': 'wrong key',
  'signer-invalid': 'signer invalid',
  'manifest-invalid': 'manifest unreadable',
  'manifest-inconsistent': 'manifest inconsistent',
  'file-changed': 'file changed',
  'file-missing': 'file removed',
  'file-added': 'file added',
};

/** Exit codes of the command-line verifiers (CLI and verify/verify.mjs). */
export const VERIFY_EXIT = { verified: 0, failed: 1, usage: 2, unconfirmed: 3 } as const;

export function exitCodeOf(result: VerifyResult): number {
  return VERIFY_EXIT[result.status];
}

/**
 * The result as a lawyer reads it: what the bundle is, who signed it, and what is wrong. Every
 * string that comes from the bundle is escaped (control characters shown as \x1b and so on),
 * so that a crafted name cannot move the cursor, erase a line or draw a fake result.
 */
export function formatVerifyResult(result: VerifyResult, bundleName = 'the bundle'): string {
  const lines = ['Ringtrace evidence bundle verification', '', `Bundle:     ${q(bundleName)}`];
  const m = result.manifest;
  if (m !== undefined && isRecord(m.case) && isRecord(m.exportedBy)) {
    lines.push(`Case:       ${q(m.case.reference)}: ${q(m.case.title)}`);
    lines.push(
      `Exported:   ${q(m.exportedAt)} by ${q(m.exportedBy.name)} (${q(m.exportedBy.agency)}, badge ${q(m.exportedBy.badge)})`,
    );
    lines.push(`Format:     version ${q(m.version)}`);
    lines.push(
      `Contents:   ${m.evidence.length} exhibit(s), ${m.entities.length} entities, ${m.links.length} link(s), ${m.citations.length} citation(s); ${result.filesVerified} of ${m.files.length} file(s) match the manifest`,
    );
  }
  if (result.signerFingerprint !== undefined) {
    lines.push(`Signed by:  Ed25519 key ${result.signerFingerprint}`);
    lines.push(
      result.keyMatched === true
        ? '            This is the key you expected.'
        : result.keyMatched === false
          ? '            This is NOT the key you expected.'
          : '            No expected key was given (--key): nobody has confirmed whose key this is.',
    );
  }
  lines.push('');
  if (result.status === 'verified') {
    lines.push(
      'RESULT: VERIFIED. The signature is valid and made by the expected key, every file matches the manifest, nothing was added or removed, and the manifest is consistent.',
    );
  } else if (result.status === 'unconfirmed') {
    lines.push(
      `RESULT: KEY NOT CONFIRMED. The content is consistent with a signature by key ${result.signerFingerprint ?? '(unknown)'}, but nobody has confirmed that this key is the exporting agency's: anyone can re-sign a changed bundle with a key of their own. Confirm the fingerprint with the exporting agency by a separate channel, then run again with --key "FINGERPRINT".`,
    );
  } else {
    lines.push(`RESULT: NOT VERIFIED. ${result.problems.length} problem(s) found:`);
    result.problems.forEach((p, i) => {
      lines.push(`  ${i + 1}. [${PROBLEM_LABELS[p.code]}] ${q(p.message)}`);
    });
  }
  return lines.join('\n');
}
