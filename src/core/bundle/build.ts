import { ed25519 } from '@noble/curves/ed25519.js';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { Actor, EntityId, EvidenceItem, Page } from '../model';
import { bytesToHex, chunksOf, fingerprintOf, sha256Hex, streamingSha256, utf8 } from './bytes';
import { renderReport } from './report';
import { VERIFIER_FILES } from './standalone/verifierFiles.generated';
import { isTypedRecord } from './typedRecord';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  BundleError,
  MANIFEST_PATH,
  REPORT_PATH,
  SIGNATURE_PATH,
  SIGNER_PATH,
  type BundleInput,
  type BundleManifest,
  type FileRecord,
  type ManifestCitation,
  type ManifestEvidence,
  type ManifestLink,
  type OriginalInBundle,
  type OriginalsPolicy,
  type SignerInfo,
} from './types';
import { victimProtection, type VictimProtection } from './victims';

export type BundleSummary = Readonly<{
  manifest: BundleManifest;
  /** SHA-256 of manifest.json, hex: what the signature covers. */
  manifestSha256: string;
  signer: SignerInfo;
  /** Which victim got which pseudonym, for the exporting officer's own record; not in the ZIP. */
  pseudonyms: ReadonlyMap<EntityId, string>;
  /** Bytes written. */
  size: number;
  /** report.html exactly as written into the bundle, for saving as PDF beside it. */
  reportHtml: string;
}>;

/** Receives the ZIP chunk by chunk; awaiting it is the back-pressure (a file write, a download). */
export type BundleSink = (chunk: Uint8Array) => void | Promise<void>;

type Entry = ZipPassThrough | ZipDeflate;

/** Path segments made only of letters, digits and a few safe marks: no traversal, no surprises. */
function safeSegment(text: string, fallback: string): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}._ -]+/gu, '_')
    .replace(/^[.\s]+|[\s.]+$/g, '')
    .slice(0, 120);
  return cleaned === '' ? fallback : cleaned;
}

function victimStatement(protection: VictimProtection): string {
  if (protection.mode === 'include-identities')
    return `The exporting officer deliberately included the real identities of the ${protection.victimCount} victim(s) in this bundle. Handle it as identifying victims of trafficking.`;
  if (protection.victimCount === 0)
    return 'No person in this bundle is recorded as a victim. Victim protection was on.';
  const last = `V-${String(protection.victimCount).padStart(3, '0')}`;
  return `Victims are identified by pseudonyms (${protection.victimCount === 1 ? 'V-001' : `V-001 to ${last}`}). Their names, aliases, birth dates, document numbers and other identifying details were replaced throughout the manifest, the page texts and this report. The exporting agency holds the key to the pseudonyms.`;
}

function originalsStatement(policy: OriginalsPolicy, left: number, total: number): string {
  const base =
    'Original files are included exactly as they were taken in, unredacted: they are the evidence and cannot be altered, so they may show victims’ names, faces and documents.';
  if (policy === 'none')
    return `No original file is included (export option chosen by the officer); their SHA-256 hashes at intake and at export are listed for each exhibit.`;
  if (policy === 'not-naming-victims')
    return `${base} The officer chose to leave out the originals that name a victim: ${left} of ${total} original(s) were left out; their hashes are still listed.`;
  return base;
}

/**
 * Writes the evidence bundle to `sink` as a ZIP, one entry at a time, so that originals stream
 * through without being held in memory whole. Entries, in order: originals/, pages/,
 * report.html, manifest.json, manifest.sig, signer.json.
 *
 * Fails with a BundleError (and leaves the output incomplete, to be discarded) when an
 * original's bytes no longer match the SHA-256 taken at intake: a bundle must never vouch for
 * evidence that changed.
 */
export async function writeBundle(input: BundleInput, sink: BundleSink): Promise<BundleSummary> {
  const { signingKey } = input;
  if (signingKey.publicKey.length !== 32)
    throw new BundleError('The signing public key must be a 32-byte Ed25519 key');
  let sign: (message: Uint8Array) => Uint8Array;
  if ('secretKey' in signingKey) {
    const { secretKey } = signingKey;
    if (secretKey.length !== 32)
      throw new BundleError('The signing secret key must be a 32-byte Ed25519 key');
    if (bytesToHex(ed25519.getPublicKey(secretKey)) !== bytesToHex(signingKey.publicKey))
      throw new BundleError(
        'The signing key pair does not match: the public key is not the secret key’s',
      );
    sign = (message) => ed25519.sign(message, secretKey);
  } else {
    sign = signingKey.sign;
  }
  const exportedAt = new Date(input.exportedAt);
  if (Number.isNaN(exportedAt.getTime()))
    throw new BundleError(`exportedAt "${input.exportedAt}" is not a date`);
  checkClosed(input);

  const protection = victimProtection(
    input.entities,
    input.links,
    input.victimProtection ?? 'pseudonymise',
  );
  const redact = protection.redactText;
  const policy = input.includeOriginals ?? 'all';

  // ZIP timestamps are DOS times (1980-2107): clamp, so an odd clock cannot break the export.
  const mtime = new Date(
    Math.min(Math.max(exportedAt.getTime(), Date.UTC(1980, 1, 1)), Date.UTC(2100, 0, 1)),
  );
  const pending: Uint8Array[] = [];
  let zipError: Error | null = null;
  let written = 0;
  const zip = new Zip((err, chunk) => {
    if (err !== null) zipError = err;
    else pending.push(chunk);
  });
  const drain = async (): Promise<void> => {
    if (zipError !== null) throw zipError;
    for (let chunk = pending.shift(); chunk !== undefined; chunk = pending.shift()) {
      written += chunk.length;
      await sink(chunk);
    }
  };
  const files: FileRecord[] = [];
  const addEntry = async (
    path: string,
    chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    compress: boolean,
  ): Promise<FileRecord> => {
    const entry: Entry = compress ? new ZipDeflate(path, { level: 6 }) : new ZipPassThrough(path);
    entry.mtime = mtime;
    zip.add(entry);
    const hash = streamingSha256();
    let size = 0;
    for await (const chunk of chunks) {
      hash.update(chunk);
      size += chunk.length;
      entry.push(chunk);
      await drain();
    }
    entry.push(new Uint8Array(0), true);
    await drain();
    return { path, size, sha256: hash.hex() };
  };
  const addText = async (path: string, text: string, record: boolean): Promise<void> => {
    const file = await addEntry(path, [utf8(text)], true);
    if (record) files.push(file);
  };

  const protectOn = protection.mode === 'pseudonymise';
  const pagesByItem = new Map<string, Page[]>();
  for (const page of input.pages) {
    const list = pagesByItem.get(page.evidenceId) ?? [];
    list.push(page);
    pagesByItem.set(page.evidenceId, list);
  }
  const allPagesByItem = new Map<string, Page[]>();
  for (const page of input.allPagesOfItems ?? input.pages) {
    const list = allPagesByItem.get(page.evidenceId) ?? [];
    list.push(page);
    allPagesByItem.set(page.evidenceId, list);
  }

  const folders = new Set<string>();
  const folderOf = new Map<string, string>();
  for (const item of input.evidence) {
    let folder = safeSegment(redact(item.exhibitRef), item.id);
    if (folders.has(folder.toLowerCase())) folder = `${folder}_${item.id}`;
    folders.add(folder.toLowerCase());
    folderOf.set(item.id, folder);
  }

  // Originals first, as taken in: stored, not deflated, since they are mostly compressed
  // already and storing keeps each one byte-for-byte visible in the ZIP.
  const evidence: ManifestEvidence[] = [];
  let leftOut = 0;
  for (const item of input.evidence) {
    const folder = folderOf.get(item.id) ?? item.id;
    const itemPages = allPagesByItem.get(item.id) ?? [];
    const typed = isTypedRecord(item, itemPages, input.custody);
    const decision =
      typed !== null && protectOn && policy !== 'none'
        ? { include: false as const, reason: typedReason }
        : originalDecision(item, policy, itemPages, protection, input.includeNamingOriginals ?? []);
    const source = await input.readOriginal(item);
    let exportSha256: string;
    let size: number;
    let original: OriginalInBundle;
    if (decision.include) {
      const path = `originals/${folder}/${safeSegment(redact(item.fileName), 'original')}`;
      const file = await addEntry(path, chunksOf(source), false);
      files.push(file);
      exportSha256 = file.sha256;
      size = file.size;
      original = { included: true, path };
    } else {
      // Hashed even when left out, so the manifest still vouches that the original is intact.
      const hash = streamingSha256();
      size = 0;
      for await (const chunk of chunksOf(source)) {
        hash.update(chunk);
        size += chunk.length;
      }
      exportSha256 = hash.hex();
      if (typed !== null && protectOn && policy !== 'none') {
        // The officer's own typed record is not seized evidence: it goes out pseudonymised,
        // as its page text does, and is marked as such.
        const path = `originals/${folder}/${safeSegment(redact(item.fileName), 'statement')}.pseudonymised.txt`;
        await addText(path, redact(typed), true);
        original = { included: false, reason: decision.reason, pseudonymisedPath: path };
      } else {
        original = { included: false, reason: decision.reason };
        leftOut++;
      }
    }
    if (exportSha256 !== item.sha256.toLowerCase())
      throw new BundleError(
        `Exhibit ${item.exhibitRef} (${item.fileName}): the original's SHA-256 at export is ${exportSha256}, but ${item.sha256} was recorded at intake. The original changed; it cannot go into a bundle.`,
      );
    if (size !== item.size)
      throw new BundleError(
        `Exhibit ${item.exhibitRef}: the original is ${size} bytes at export, ${item.size} at intake`,
      );

    const pages = (pagesByItem.get(item.id) ?? []).sort((a, b) => a.number - b.number);
    const manifestPages = [];
    for (const page of pages) {
      const path = `pages/${folder}/${page.number}.txt`;
      await addText(path, redact(page.text), true);
      // A corrected page carries its first text too, so the court sees what was changed.
      let originalTextPath: string | undefined;
      if (page.ocrText !== undefined && page.ocrText !== page.text) {
        originalTextPath = `pages/${folder}/${page.number}.before-correction.txt`;
        await addText(originalTextPath, redact(page.ocrText), true);
      }
      manifestPages.push({
        id: page.id,
        number: page.number,
        source: page.source,
        path,
        ...(originalTextPath !== undefined ? { originalTextPath } : {}),
      });
    }
    evidence.push({
      id: item.id,
      exhibitRef: redact(item.exhibitRef),
      fileName: redact(item.fileName),
      mediaType: item.mediaType,
      size: item.size,
      intakeSha256: item.sha256.toLowerCase(),
      exportSha256,
      original,
      seizedBy: redact(item.seizedBy),
      seizedFrom: redact(item.seizedFrom),
      ...(item.seizedAt !== undefined ? { seizedAt: item.seizedAt } : {}),
      seizedWhere: redact(item.seizedWhere),
      description: redact(item.description),
      metadata: Object.fromEntries(
        Object.entries(item.metadata).map(([k, v]) => [redact(k), redact(v)]),
      ),
      pages: manifestPages,
      custody: input.custody
        .filter((c) => c.evidenceId === item.id)
        .sort((a, b) => a.at.localeCompare(b.at))
        .map((c) => ({
          id: c.id,
          evidenceId: c.evidenceId,
          at: c.at,
          actor: c.actor,
          action: c.action,
          details: redact(c.details),
          ...(c.transfer !== undefined
            ? {
                transfer: {
                  ...c.transfer,
                  from: redactActor(c.transfer.from, redact),
                  to: redactActor(c.transfer.to, redact),
                  reason: redact(c.transfer.reason),
                },
              }
            : {}),
        })),
    });
  }

  const links: ManifestLink[] = input.links.map((l) => ({
    id: l.id,
    type: l.type,
    ...(l.label !== undefined ? { label: redact(l.label) } : {}),
    source: l.source,
    target: l.target,
    directed: l.directed,
    ...(l.from !== undefined ? { from: l.from } : {}),
    ...(l.to !== undefined ? { to: l.to } : {}),
    ...(l.amount !== undefined ? { amount: l.amount } : {}),
    ...(l.currency !== undefined ? { currency: l.currency } : {}),
    ...(l.count !== undefined ? { count: l.count } : {}),
    reliability: l.reliability,
    credibility: l.credibility,
    ...(l.notes !== undefined ? { notes: redact(l.notes) } : {}),
  }));
  const citations: ManifestCitation[] = input.citations.map((c) => ({
    id: c.id,
    subject:
      c.linkId !== undefined
        ? { kind: 'link', id: c.linkId }
        : { kind: 'entity', id: c.entityId as EntityId },
    evidenceId: c.evidenceId,
    pageId: c.pageId,
    pageNumber: c.pageNumber,
    quote: redact(c.quote),
    words: c.boxes,
  }));
  const signer: SignerInfo = {
    algorithm: 'Ed25519',
    publicKeyHex: bytesToHex(signingKey.publicKey),
    fingerprint: fingerprintOf(signingKey.publicKey),
  };

  const reportLanguage = input.reportLanguage ?? 'en';
  const timeZone = input.timeZone ?? 'UTC';
  const auditRedacted = input.audit
    .filter((a) => redact(a.summary) !== a.summary)
    .map((a) => a.seq);
  const withoutFiles: Omit<BundleManifest, 'files'> = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    reportLanguage,
    timeZone,
    ...(input.auditHead !== undefined ? { auditHead: input.auditHead } : {}),
    case: {
      id: input.case.id,
      reference: redact(input.case.reference),
      title: redact(input.case.title),
      status: input.case.status,
      summary: redact(input.case.summary),
    },
    exportedBy: input.exportedBy,
    exportedAt: input.exportedAt,
    signer,
    victimProtection: {
      mode: protection.mode === 'pseudonymise' ? 'pseudonymised' : 'identities-included',
      victimCount: protection.victimCount,
      statement: victimStatement(protection),
    },
    originals: {
      policy,
      statement: originalsStatement(policy, leftOut, input.evidence.length),
    },
    entities: input.entities.map(protection.protectEntity),
    links,
    citations,
    evidence,
    audit: input.audit.map((a) => ({ ...a, summary: redact(a.summary) })),
    ...(auditRedacted.length > 0 ? { auditRedacted } : {}),
  };
  // The standalone verifier travels with the bundle, covered by the manifest like every file.
  const verifier = input.verifierFiles ?? VERIFIER_FILES;
  const verifierHashes: Array<{ path: string; sha256: string }> = [];
  for (const file of verifier) {
    await addText(file.path, file.text, true);
    verifierHashes.push({ path: file.path, sha256: sha256Hex(utf8(file.text)) });
  }
  const corrections = input.evidence.flatMap((item) =>
    (pagesByItem.get(item.id) ?? [])
      .filter((p) => p.ocrText !== undefined && p.ocrText !== p.text)
      .map((p) => ({
        exhibitRef: redact(item.exhibitRef),
        page: p.number,
        before: redact(p.ocrText ?? ''),
        after: redact(p.text),
      })),
  );
  const reportHtml = renderReport(
    { ...withoutFiles, files: [] },
    { verifier: verifierHashes, corrections },
  );
  await addText(REPORT_PATH, reportHtml, true);

  const manifest: BundleManifest = { ...withoutFiles, files };
  const manifestBytes = utf8(`${JSON.stringify(manifest, null, 2)}\n`);
  await addEntry(MANIFEST_PATH, [manifestBytes], true);
  const signature = sign(manifestBytes);
  // Checked before it is written: a signer that does not match its public key would make a
  // bundle no one can verify, and the officer would only learn it in court.
  if (!ed25519.verify(signature, manifestBytes, signingKey.publicKey, { zip215: false }))
    throw new BundleError('The signature does not verify with the signing public key');
  await addEntry(SIGNATURE_PATH, [signature], false);
  await addText(SIGNER_PATH, `${JSON.stringify(signer, null, 2)}\n`, false);
  zip.end();
  await drain();

  return {
    manifest,
    manifestSha256: sha256Hex(manifestBytes),
    signer,
    pseudonyms: protection.pseudonyms,
    size: written,
    reportHtml,
  };
}

/** The whole bundle in memory: for small cases, tests, and the browser's download. */
export async function buildBundle(
  input: BundleInput,
): Promise<BundleSummary & Readonly<{ zip: Uint8Array }>> {
  const chunks: Uint8Array[] = [];
  const summary = await writeBundle(input, (chunk) => void chunks.push(chunk));
  const zip = new Uint8Array(summary.size);
  let at = 0;
  for (const chunk of chunks) {
    zip.set(chunk, at);
    at += chunk.length;
  }
  return { ...summary, zip };
}

const typedReason =
  'it is the officer’s own typed record, not seized evidence: it is given with the victims pseudonymised, like its page text';

function redactActor(actor: Actor, redact: (text: string) => string): Actor {
  return { name: redact(actor.name), agency: redact(actor.agency), badge: redact(actor.badge) };
}

function originalDecision(
  item: EvidenceItem,
  policy: OriginalsPolicy,
  pages: readonly Page[],
  protection: VictimProtection,
  includeAnyway: readonly string[],
): Readonly<{ include: true } | { include: false; reason: string }> {
  if (policy === 'all') return { include: true };
  if (policy === 'not-naming-victims' && includeAnyway.includes(item.id)) return { include: true };
  if (policy === 'none') return { include: false, reason: 'originals were not exported' };
  if (pages.length === 0)
    return {
      include: false,
      reason: 'it has no text to check for victims’ names, so it was left out to be safe',
    };
  const texts = [item.fileName, item.description, ...pages.map((p) => p.text)];
  return texts.some(protection.namesVictim)
    ? { include: false, reason: 'it names a victim' }
    : { include: true };
}

/** The bundle must be closed: nothing in it may point to something that is not in it. */
function checkClosed(input: BundleInput): void {
  const caseId = input.case.id;
  const entities = new Set<string>(input.entities.map((e) => e.id));
  const links = new Set<string>(input.links.map((l) => l.id));
  const items = new Set<string>(input.evidence.map((i) => i.id));
  const pages = new Map<string, Page>(input.pages.map((p) => [p.id, p]));
  for (const record of [
    ...input.entities,
    ...input.links,
    ...input.evidence,
    ...input.pages,
    ...input.citations,
    ...input.custody,
  ])
    if (record.caseId !== caseId)
      throw new BundleError(`Record ${record.id} belongs to case ${record.caseId}, not ${caseId}`);
  for (const link of input.links)
    for (const end of [link.source, link.target])
      if (!entities.has(end))
        throw new BundleError(
          `Link ${link.id} points to entity ${end}, which is not in the bundle`,
        );
  for (const c of input.citations) {
    if ((c.entityId === undefined) === (c.linkId === undefined))
      throw new BundleError(`Citation ${c.id} must support exactly one entity or one link`);
    if (c.entityId !== undefined && !entities.has(c.entityId))
      throw new BundleError(`Citation ${c.id} supports entity ${c.entityId}, not in the bundle`);
    if (c.linkId !== undefined && !links.has(c.linkId))
      throw new BundleError(`Citation ${c.id} supports link ${c.linkId}, not in the bundle`);
    if (!items.has(c.evidenceId))
      throw new BundleError(`Citation ${c.id} cites item ${c.evidenceId}, not in the bundle`);
    const page = pages.get(c.pageId);
    if (page === undefined || page.evidenceId !== c.evidenceId)
      throw new BundleError(`Citation ${c.id} cites page ${c.pageId}, not in the bundle`);
  }
  const pageNumbers = new Set<string>();
  for (const page of input.pages) {
    if (!items.has(page.evidenceId))
      throw new BundleError(
        `Page ${page.id} belongs to item ${page.evidenceId}, not in the bundle`,
      );
    const key = `${page.evidenceId}/${page.number}`;
    if (!Number.isInteger(page.number) || page.number < 1 || pageNumbers.has(key))
      throw new BundleError(
        `Page ${page.id}: page number ${page.number} is not a new positive integer for its item`,
      );
    pageNumbers.add(key);
  }
  for (const entry of input.custody)
    if (!items.has(entry.evidenceId))
      throw new BundleError(
        `Custody entry ${entry.id} is about item ${entry.evidenceId}, not in the bundle`,
      );
}
