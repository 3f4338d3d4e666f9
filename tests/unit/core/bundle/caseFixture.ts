/*
 * A small, realistic case for the bundle tests: a recruiter, a broker, an official, two
 * victims (one with a passport entity), links graded and cited to pages of a scanned ledger
 * (a real PDF), a chat screenshot (a real PNG) and a bank statement (text), with custody and
 * audit entries. Built fresh for each test from code, so nothing is hidden in a fixture file.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { zlibSync } from 'fflate';
import { GENESIS_HASH, hashAuditEntry } from '../../../../src/core/audit';
import { crc32, sha256Hex } from '../../../../src/core/bundle/bytes';
import {
  buildBundle,
  selectForBundle,
  type AuditEntry,
  type BundleInput,
  type BundleSelection,
  type CaseData,
  type SigningKeyPair,
} from '../../../../src/core/bundle';
import {
  newId,
  type Actor,
  type Case,
  type CaseId,
  type Citation,
  type CustodyEntry,
  type Entity,
  type EntityId,
  type EvidenceId,
  type EvidenceItem,
  type Link,
  type LinkId,
  type Page,
} from '../../../../src/core/model';

const enc = new TextEncoder();

/** A two-page PDF with real text objects and a correct cross-reference table. */
export function makePdf(pages: readonly string[]): Uint8Array {
  const objects: string[] = [];
  const pageRefs = pages.map((_, i) => `${3 + i * 2} 0 R`).join(' ');
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${pageRefs}] /Count ${pages.length} >>`);
  const fontObj = 3 + pages.length * 2;
  pages.forEach((text, i) => {
    const lines = text
      .split('\n')
      .map((l, j) => `BT /F1 11 Tf 50 ${780 - j * 16} Td (${l.replace(/[()\\]/g, '\\$&')}) Tj ET`)
      .join('\n');
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${fontObj} 0 R >> >> /Contents ${4 + i * 2} 0 R >>`,
    );
    objects.push(`<< /Length ${lines.length} >>\nstream\n${lines}\nendstream`);
  });
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return enc.encode(out);
}

/** A small true-colour PNG (a grey "screenshot" with a few bars), valid for any viewer. */
export function makePng(width: number, height: number): Uint8Array {
  const raw = new Uint8Array((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const bar = Math.floor(y / 12) % 3 === 1 && x > 8 && x < width - 30;
      const v = bar ? 40 + ((x * 7) % 50) : 235;
      raw.set([v, v, bar ? v + 40 : v], y * (width * 3 + 1) + 1 + x * 3);
    }
  }
  const chunk = (type: string, data: Uint8Array): Uint8Array => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(enc.encode(type), 4);
    out.set(data, 8);
    view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
    return out;
  };
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlibSync(raw)),
    chunk('IEND', new Uint8Array()),
  ];
  const total = parts.reduce((n, p) => n + p.length, 0);
  const png = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    png.set(p, at);
    at += p.length;
  }
  return png;
}

export const VICTIM_1 = {
  names: ['Srey Mom Chan', 'Srey Mom'],
  birthDate: '2004-03-17',
  passport: 'N01234567',
};
export const VICTIM_2 = { names: ['Dara Keo', 'Keo Dara'], idNumber: '010203040' };
/** Every string that would identify a victim if it left the vault. */
export const VICTIM_IDENTIFIERS = [
  ...VICTIM_1.names,
  VICTIM_1.birthDate,
  '17/03/2004',
  VICTIM_1.passport,
  ...VICTIM_2.names,
  VICTIM_2.idNumber,
];

export const OFFICER: Actor = {
  name: 'Pol. Lt. Sophea Lim',
  agency: 'Anti-Human Trafficking Police',
  badge: 'KH-4471',
};
export const PROSECUTOR: Actor = {
  name: 'Prosecutor Malis Heng',
  agency: 'Banteay Meanchey Provincial Court',
  badge: 'PR-0193',
};

export type CaseFixture = Readonly<{
  data: CaseData;
  originals: ReadonlyMap<EvidenceId, Uint8Array>;
  ids: Readonly<{
    recruiter: EntityId;
    broker: EntityId;
    official: EntityId;
    victim1: EntityId;
    victim2: EntityId;
    passport: EntityId;
    bystander: EntityId;
    recruitedV1: LinkId;
    recruitedV2: LinkId;
    paidBroker: LinkId;
    colluded: LinkId;
    passportOwner: LinkId;
    ledger: EvidenceId;
    chat: EvidenceId;
    bank: EvidenceId;
  }>;
  keyPair: SigningKeyPair;
}>;

const T0 = '2025-02-03T09:15:00.000Z';

export function buildCaseFixture(): CaseFixture {
  const caseId = newId<CaseId>();
  const theCase: Case = {
    id: caseId,
    reference: 'KH-BMC-2025-0142',
    title: 'Poipet recruitment ring',
    status: 'open',
    summary:
      'Recruitment of young women from Battambang for forced work across the Poipet border, with the help of a checkpoint official.',
    createdAt: T0,
    updatedAt: T0,
  };
  const entity = (e: Omit<Entity, 'id' | 'caseId' | 'createdAt' | 'updatedAt'>): Entity => ({
    id: newId<EntityId>(),
    caseId,
    createdAt: T0,
    updatedAt: T0,
    ...e,
  });
  const recruiter = entity({
    kind: 'person',
    names: [
      { value: 'Sok Vanna', script: 'latin', primary: true },
      { value: 'សុខ វណ្ណា', script: 'khmer' },
    ],
    roles: ['recruiter', 'suspect'],
    properties: { phone: '+855 12 345 678' },
  });
  const broker = entity({
    kind: 'person',
    names: [
      { value: 'Somchai Prasert', script: 'latin', primary: true },
      { value: 'สมชาย ประเสริฐ', script: 'thai' },
    ],
    roles: ['broker'],
    properties: {},
  });
  const official = entity({
    kind: 'person',
    names: [{ value: 'Chea Rithy', script: 'latin', primary: true }],
    roles: ['official'],
    properties: {},
    posts: [
      {
        agency: 'Immigration Police',
        position: 'Deputy Chief, Poipet checkpoint',
        rank: 'Major',
        from: '2021-06-01',
      },
    ],
  });
  const victim1 = entity({
    kind: 'person',
    names: VICTIM_1.names.map((value, i) => ({ value, script: 'latin', primary: i === 0 })),
    roles: ['victim'],
    properties: {
      birthDate: VICTIM_1.birthDate,
      passportNumber: VICTIM_1.passport,
      gender: 'female',
      hometown: 'Battambang',
    },
    victim: { nationality: 'KHM', identificationStatus: 'identified' },
    notes: 'Srey Mom was promised restaurant work in Bangkok.',
  });
  const victim2 = entity({
    kind: 'person',
    names: VICTIM_2.names.map((value, i) => ({ value, script: 'latin', primary: i === 0 })),
    roles: ['victim'],
    properties: { nationalIdNumber: VICTIM_2.idNumber, gender: 'female' },
    victim: { nationality: 'KHM', identificationStatus: 'presumed' },
  });
  const passport = entity({
    kind: 'identityDocument',
    names: [{ value: VICTIM_1.passport, script: 'latin', primary: true }],
    roles: [],
    properties: { number: VICTIM_1.passport, country: 'KHM' },
  });
  const bystander = entity({
    kind: 'person',
    names: [{ value: 'Neang Sophal', script: 'latin', primary: true }],
    roles: ['witness'],
    properties: {},
  });

  const link = (l: Omit<Link, 'id' | 'caseId' | 'createdAt' | 'updatedAt'>): Link => ({
    id: newId<LinkId>(),
    caseId,
    createdAt: T0,
    updatedAt: T0,
    ...l,
  });
  const recruitedV1 = link({
    type: 'recruited',
    source: recruiter.id,
    target: victim1.id,
    directed: true,
    from: '2024-11-02',
    reliability: 'B',
    credibility: 2,
  });
  const recruitedV2 = link({
    type: 'recruited',
    source: recruiter.id,
    target: victim2.id,
    directed: true,
    from: '2024-11-20',
    reliability: 'B',
    credibility: 3,
  });
  const paidBroker = link({
    type: 'paid',
    source: recruiter.id,
    target: broker.id,
    directed: true,
    from: '2024-12-01',
    amount: 1200,
    currency: 'USD',
    reliability: 'A',
    credibility: 1,
  });
  const colluded = link({
    type: 'colludedWith',
    source: broker.id,
    target: official.id,
    directed: false,
    reliability: 'D',
    credibility: 3,
    notes: 'Broker says the checkpoint was "arranged".',
  });
  const passportOwner = link({
    type: 'owns',
    source: victim1.id,
    target: passport.id,
    directed: true,
    reliability: 'A',
    credibility: 1,
  });
  const witnessLink = link({
    type: 'associate',
    source: bystander.id,
    target: recruiter.id,
    directed: false,
    reliability: 'E',
    credibility: 5,
  });

  const ledgerPages = [
    `Ledger of Sok Vanna, November 2024\n02/11 Srey Mom Chan, born 17/03/2004, passport N01234567: advance 300 USD\n20/11 Dara Keo, ID 010203040: advance 250 USD`,
    `December 2024\n01/12 paid Somchai 1200 USD for two girls, crossing arranged with Major Chea`,
  ];
  const ledgerBytes = makePdf(ledgerPages);
  const chatText =
    'Somchai: the Major at the checkpoint is arranged, bring Srey Mom and Keo Dara on Friday\nSok Vanna: ok';
  const chatBytes = makePng(240, 120);
  const bankText =
    'ABA Bank statement\n2024-12-01 transfer 1,200.00 USD from SOK VANNA to SOMCHAI PRASERT ref: services';
  const bankBytes = enc.encode(bankText);

  const item = (
    e: Omit<
      EvidenceItem,
      'id' | 'caseId' | 'createdAt' | 'sha256' | 'size' | 'fileId' | 'pageCount'
    >,
    bytes: Uint8Array,
    pageCount: number,
  ): EvidenceItem => ({
    id: newId<EvidenceId>(),
    caseId,
    createdAt: T0,
    sha256: sha256Hex(bytes),
    size: bytes.length,
    fileId: newId(),
    pageCount,
    ...e,
  });
  const ledger = item(
    {
      exhibitRef: 'EX-001',
      fileName: 'ledger-scan.pdf',
      mediaType: 'application/pdf',
      seizedBy: OFFICER.name,
      seizedFrom: 'Sok Vanna',
      seizedAt: '2025-01-20',
      seizedWhere: 'House 12, Poipet',
      description: 'Handwritten ledger, scanned',
      metadata: { Producer: 'Scanner 3000' },
    },
    ledgerBytes,
    2,
  );
  const chat = item(
    {
      exhibitRef: 'EX-002',
      fileName: 'IMG_2041.png',
      mediaType: 'image/png',
      seizedBy: OFFICER.name,
      seizedFrom: 'Phone of Somchai Prasert',
      seizedAt: '2025-01-21',
      seizedWhere: 'Aranyaprathet',
      description: 'Chat screenshot',
      metadata: {},
    },
    chatBytes,
    1,
  );
  const bank = item(
    {
      exhibitRef: 'EX-003',
      fileName: 'statement.txt',
      mediaType: 'text/plain',
      seizedBy: OFFICER.name,
      seizedFrom: 'ABA Bank (court order)',
      seizedAt: '2025-01-25',
      seizedWhere: 'Phnom Penh',
      description: 'Bank statement',
      metadata: {},
    },
    bankBytes,
    1,
  );

  const page = (
    evidenceId: EvidenceId,
    number: number,
    text: string,
    source: Page['source'],
  ): Page => ({
    id: newId(),
    caseId,
    evidenceId,
    number,
    text,
    words: text.split(/\s+/).map((w, i) => ({
      text: w,
      confidence: 90,
      box: { x0: i * 40, y0: 10, x1: i * 40 + 35, y1: 24 },
    })),
    source,
  });
  const ledgerP1 = page(ledger.id, 1, ledgerPages[0] ?? '', 'pdf-text');
  const ledgerP2 = page(ledger.id, 2, ledgerPages[1] ?? '', 'pdf-text');
  const chatP1 = page(chat.id, 1, chatText, 'ocr');
  const bankP1 = page(bank.id, 1, bankText, 'text');

  const cite = (
    subject: { linkId: LinkId } | { entityId: EntityId },
    p: Page,
    quote: string,
  ): Citation => ({
    id: newId(),
    caseId,
    ...subject,
    evidenceId: p.evidenceId,
    pageId: p.id,
    pageNumber: p.number,
    quote,
    boxes: [{ x0: 10, y0: 40, x1: 300, y1: 56 }],
    createdAt: T0,
  });
  const citations = [
    cite(
      { linkId: recruitedV1.id },
      ledgerP1,
      '02/11 Srey Mom Chan, born 17/03/2004, passport N01234567: advance 300 USD',
    ),
    cite({ linkId: recruitedV2.id }, ledgerP1, '20/11 Dara Keo, ID 010203040: advance 250 USD'),
    cite({ linkId: paidBroker.id }, ledgerP2, '01/12 paid Somchai 1200 USD for two girls'),
    cite(
      { linkId: paidBroker.id },
      bankP1,
      'transfer 1,200.00 USD from SOK VANNA to SOMCHAI PRASERT',
    ),
    cite({ linkId: colluded.id }, chatP1, 'the Major at the checkpoint is arranged'),
    cite({ entityId: official.id }, ledgerP2, 'crossing arranged with Major Chea'),
  ];

  const custody: CustodyEntry[] = [ledger, chat, bank].flatMap((it, i) => [
    {
      id: newId(),
      caseId,
      evidenceId: it.id,
      at: `2025-01-2${i}T10:00:00.000Z`,
      actor: OFFICER,
      action: 'intake' as const,
      details: `Taken in from ${it.seizedFrom}`,
    },
    {
      id: newId(),
      caseId,
      evidenceId: it.id,
      at: `2025-01-2${i}T11:00:00.000Z`,
      actor: OFFICER,
      action: 'ocr' as const,
      details: 'Text read',
    },
  ]);
  custody.push({
    id: newId(),
    caseId,
    evidenceId: ledger.id,
    at: '2025-01-26T08:00:00.000Z',
    actor: OFFICER,
    action: 'note',
    details: 'Line naming Srey Mom Chan checked against passport N01234567',
  });

  // Chained and hashed exactly as the vault's audit log does, so that the verifier's own
  // recomputation (bundle/auditHash.ts) is checked against the vault's (audit/auditLog.ts).
  const audit: AuditEntry[] = chainAudit([
    {
      at: T0,
      actor: OFFICER,
      action: 'entity.create',
      table: 'entities',
      recordId: victim1.id,
      caseId,
      summary: 'Created person Srey Mom Chan',
    },
    {
      at: T0,
      actor: OFFICER,
      action: 'link.create',
      table: 'links',
      recordId: paidBroker.id,
      caseId,
      summary: 'Linked Sok Vanna paid Somchai Prasert',
    },
    {
      at: T0,
      actor: OFFICER,
      action: 'entity.create',
      table: 'entities',
      recordId: bystander.id,
      caseId,
      summary: 'Created witness',
    },
  ]);

  const { secretKey, publicKey } = ed25519.keygen();
  return {
    data: {
      case: theCase,
      entities: [recruiter, broker, official, victim1, victim2, passport, bystander],
      links: [recruitedV1, recruitedV2, paidBroker, colluded, passportOwner, witnessLink],
      citations,
      evidence: [ledger, chat, bank],
      pages: [ledgerP1, ledgerP2, chatP1, bankP1],
      custody,
      audit,
    },
    originals: new Map([
      [ledger.id, ledgerBytes],
      [chat.id, chatBytes],
      [bank.id, bankBytes],
    ]),
    ids: {
      recruiter: recruiter.id,
      broker: broker.id,
      official: official.id,
      victim1: victim1.id,
      victim2: victim2.id,
      passport: passport.id,
      bystander: bystander.id,
      recruitedV1: recruitedV1.id,
      recruitedV2: recruitedV2.id,
      paidBroker: paidBroker.id,
      colluded: colluded.id,
      passportOwner: passportOwner.id,
      ledger: ledger.id,
      chat: chat.id,
      bank: bank.id,
    },
    keyPair: { secretKey, publicKey },
  };
}

/** Gives entries their seq, prevHash and hash as appendAudit would. */
export function chainAudit(
  entries: readonly Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>[],
  start: Readonly<{ seq: number; hash: string }> = { seq: 0, hash: GENESIS_HASH },
): AuditEntry[] {
  let prev = start;
  return entries.map((e) => {
    const unhashed = { ...e, seq: prev.seq + 1, prevHash: prev.hash };
    // The bundle types an action as a plain string; the vault as "table.verb", which these are.
    const entry = {
      ...unhashed,
      hash: hashAuditEntry(unhashed as Parameters<typeof hashAuditEntry>[0]),
    };
    prev = entry;
    return entry;
  });
}

/** The charge's selection: four cited links plus the victim's passport link and the official. */
export function chargeSelection(f: CaseFixture): BundleSelection {
  return {
    citedByLinkIds: [f.ids.recruitedV1, f.ids.recruitedV2, f.ids.paidBroker, f.ids.colluded],
    linkIds: [f.ids.passportOwner],
    entityIds: [f.ids.official],
  };
}

export const EXPORTED_AT = '2025-03-01T10:00:00.000Z';

/** Exports the charge's bundle of the fixture, with any input overridden. */
export async function exportFixture(
  f: CaseFixture,
  overrides: Partial<BundleInput> = {},
  selection: BundleSelection = chargeSelection(f),
) {
  return buildBundle({
    ...selectForBundle(f.data, selection),
    readOriginal: (item) => {
      const bytes = f.originals.get(item.id);
      if (bytes === undefined) throw new Error(`no original for ${item.exhibitRef}`);
      return bytes;
    },
    exportedBy: PROSECUTOR,
    exportedAt: EXPORTED_AT,
    signingKey: f.keyPair,
    ...overrides,
  });
}

/** Flips bits of one byte in place, as a tamperer (or a failing disk) would. */
export function flipBits(bytes: Uint8Array, index: number, mask: number): void {
  const byte = bytes[index];
  if (byte === undefined) throw new RangeError(`no byte at ${index}`);
  bytes[index] = byte ^ mask;
}

/** Unzips a trusted bundle (the tests' own) into path -> bytes, keeping the entry order. */
export { unzipSync, zipSync, strFromU8 } from 'fflate';
