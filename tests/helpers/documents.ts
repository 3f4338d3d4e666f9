/**
 * Document images with known text, for OCR tests and the OCR benchmark. Each document is HTML
 * rendered by Chromium (driven by playwright-core) with fonts bundled in node_modules, so the
 * pixels do not depend on the machine's fonts. Images are cached under tests/fixtures/generated
 * by a hash of everything that shapes them, so a rerun starts no browser at all.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { readImageInfo } from '../../src/core/ocr/imageInfo';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'tests', 'fixtures', 'generated', 'ocr');
const chromiumPath = '/usr/bin/chromium';
/** Bump when the rendering code changes in a way the spec hash cannot see. */
const RENDERER_VERSION = 2;

const fontFiles = {
  latin: 'node_modules/@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2',
  thai: 'node_modules/@fontsource/noto-sans-thai/files/noto-sans-thai-thai-400-normal.woff2',
  khmer: 'node_modules/@fontsource/noto-sans-khmer/files/noto-sans-khmer-khmer-400-normal.woff2',
} as const;
type FontName = keyof typeof fontFiles;
const fontFamily: Record<FontName, string> = {
  latin: 'Doc Latin',
  thai: 'Doc Thai',
  khmer: 'Doc Khmer',
};

export type DocumentName =
  | 'statement'
  | 'ledger'
  | 'lowResJpeg'
  | 'thai'
  | 'khmer'
  | 'largeScan'
  | 'statementJpeg'
  | 'denseStatement'
  | 'denseThai'
  | 'denseKhmer'
  | 'denseLedger'
  | 'thaiLedger'
  | 'khmerLedger'
  | 'ledgerPhoto';

export type GeneratedDocument = Readonly<{
  name: DocumentName;
  path: string;
  mediaType: 'image/png' | 'image/jpeg';
  /** The text the page shows, one line per rendered line (ledger: cells joined by one space). */
  text: string;
  /** Ledgers only: each row's cells in reading order (the header row first). */
  rows?: ReadonlyArray<readonly string[]>;
  width: number;
  height: number;
}>;

type Spec = Readonly<{
  name: DocumentName;
  /** CSS pixels are multiplied by this: 1 is a 96-DPI screen, 3.125 is a 300-DPI scan. */
  zoom: number;
  type: 'png' | 'jpeg';
  jpegQuality?: number;
  fonts: readonly FontName[];
  fontSizePx: number;
  /** Line height; the default 1.6. Dense pages use less, to fit 40+ lines on an A4 page. */
  lineHeight?: number;
  /** Extra CSS on the body: a photo's tilt and blur. */
  bodyStyle?: string;
  body: string;
  text: string;
  rows?: ReadonlyArray<readonly string[]>;
}>;

const statementLines = [
  'WITNESS STATEMENT - CASE KH-2024-0117',
  'On 14 March 2024 at about 21:30 I was taken from Poipet',
  'to a house near the border by a man called Sokha Chan.',
  'He told me I owed him 45,000 baht for transport and food.',
  'He kept my passport, number N0482193, in a locked drawer.',
  'I was made to work in the karaoke bar on Route 5 every night.',
  'The manager paid Sokha through account 0123-456-789 at ACLEDA.',
  'His phone number is +855 12 345 678 and he drives a white Lexus.',
];

const thaiLines = [
  'บันทึกคำให้การของพยาน',
  'ข้าพเจ้าถูกพาตัวมาจากจังหวัดสระแก้ว',
  'นายหน้าบอกว่าข้าพเจ้าต้องจ่ายเงินคืน',
  'หนังสือเดินทางของข้าพเจ้าถูกยึดไว้',
  'ข้าพเจ้าทำงานทุกคืนโดยไม่ได้รับค่าจ้าง',
];

const khmerLines = ['សេចក្តីថ្លែងការណ៍របស់សាក្សី', 'ខ្ញុំត្រូវបានគេនាំមកពីប៉ោយប៉ែត', 'គាត់បានយកលិខិតឆ្លងដែនរបស់ខ្ញុំ'];

const ledgerRows: ReadonlyArray<readonly string[]> = [
  ['Date', 'Name', 'Purpose', 'Amount', 'Balance'],
  ['02/01/2024', 'Sokha Chan', 'transport', '12,500', '12,500'],
  ['05/01/2024', 'Dara Pich', 'passport fee', '8,000', '20,500'],
  ['11/01/2024', 'Malee Srisuk', 'food', '3,250', '23,750'],
  ['19/01/2024', 'Vuthy Keo', 'room', '6,000', '29,750'],
  ['26/01/2024', 'Sokha Chan', 'commission', '15,000', '44,750'],
  ['03/02/2024', 'Nimol Som', 'transport', '9,400', '54,150'],
  ['14/02/2024', 'Dara Pich', 'debt repayment', '4,800', '58,950'],
];

/** A deterministic stream of numbers, so that dense pages are the same on every machine. */
function numbers(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

const people = [
  'Sokha Chan',
  'Dara Pich',
  'Malee Srisuk',
  'Vuthy Keo',
  'Nimol Som',
  'Somchai Boon',
];
const places = ['Poipet', 'Sihanoukville', 'Aranyaprathet', 'Koh Kong', 'Battambang', 'Bangkok'];

/** 46 lines of a typed statement: dates, names, places, amounts, as a long interview reads. */
function denseStatementLines(): string[] {
  const next = numbers(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const lines = ['RECORD OF INTERVIEW - CASE KH-2024-0117 - CONTINUED'];
  for (let i = 1; lines.length < 46; i++) {
    const day = 1 + Math.floor(next() * 28);
    const amount = (1 + Math.floor(next() * 90)) * 500;
    const templates = [
      `${i}. On ${day} May 2024 ${pick(people)} drove us from ${pick(places)} at night.`,
      `${i}. I paid ${amount.toLocaleString('en-US')} baht to ${pick(people)} for the room.`,
      `${i}. The phone number he used was +855 ${10 + i} ${100 + day * 7} ${200 + i * 3}.`,
      `${i}. We stayed ${1 + (day % 6)} days in ${pick(places)} before the next car.`,
    ];
    lines.push(pick(templates));
  }
  return lines;
}

function denseLines(lines: readonly string[], count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${i + 1}. ${lines[i % lines.length] ?? ''}`);
}

/** A ledger's rows: date, payer, payee, amount, 30 rows with the header. */
function ledgerOf(
  payers: readonly string[],
  payees: readonly string[],
  head: readonly string[],
): string[][] {
  const next = numbers(11);
  const rows: string[][] = [[...head]];
  for (let i = 0; i < 30; i++) {
    const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    const amount = (50 + Math.floor(next() * 4000)).toLocaleString('en-US');
    rows.push([
      `${day}/${month}/2024`,
      payers[Math.floor(next() * payers.length)] ?? '',
      payees[Math.floor(next() * payees.length)] ?? '',
      `USD ${amount}.00`,
    ]);
  }
  return rows;
}

const denseLedgerRows = ledgerOf(people, people.slice().reverse(), [
  'Date',
  'Payer',
  'Payee',
  'Amount',
]);
const thaiLedgerRows = ledgerOf(
  ['สมชาย บุญมา', 'มาลี ศรีสุข', 'ประเสริฐ ใจดี'],
  ['วิชัย แก้วดี', 'สุดา พรหมมา', 'สมศักดิ์ ทองคำ'],
  ['วันที่', 'ผู้จ่าย', 'ผู้รับ', 'จำนวนเงิน'],
);
const khmerLedgerRows = ledgerOf(
  ['សុខា ចាន់', 'ដារា ពេជ្រ', 'វុទ្ធី កែវ'],
  ['និមល សោម', 'ចាន់ថា សុខ', 'សុភាព មាស'],
  ['កាលបរិច្ឆេទ', 'អ្នកបង់', 'អ្នកទទួល', 'ចំនួនទឹកប្រាក់'],
);

function ledgerTable(title: string, rows: ReadonlyArray<readonly string[]>): string {
  const cells = (row: readonly string[], tag: 'th' | 'td'): string =>
    row.map((c, i) => `<${tag} class="${i >= 3 ? 'num' : ''}">${escapeHtml(c)}</${tag}>`).join('');
  const [head, ...body] = rows;
  return `<h1>${escapeHtml(title)}</h1>
<table>
<thead><tr>${cells(head ?? [], 'th')}</tr></thead>
<tbody>${body.map((r) => `<tr>${cells(r, 'td')}</tr>`).join('\n')}</tbody>
</table>`;
}

const ledgerSpec = (
  name: DocumentName,
  title: string,
  rows: ReadonlyArray<readonly string[]>,
  fonts: readonly FontName[],
): Spec => ({
  name,
  zoom: 3.125,
  type: 'png',
  fonts,
  fontSizePx: 13,
  lineHeight: 1.25,
  body: ledgerTable(title, rows),
  text: [title, ...rows.map((r) => r.join(' '))].join('\n'),
  rows,
});

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const paragraphs = (lines: readonly string[]): string =>
  lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n');

function ledgerHtml(): string {
  const cells = (row: readonly string[], tag: 'th' | 'td'): string =>
    row.map((c, i) => `<${tag} class="${i >= 3 ? 'num' : ''}">${escapeHtml(c)}</${tag}>`).join('');
  const [head, ...body] = ledgerRows;
  return `<h1>CASH LEDGER - JANUARY TO FEBRUARY 2024</h1>
<table>
<thead><tr>${cells(head ?? [], 'th')}</tr></thead>
<tbody>${body.map((r) => `<tr>${cells(r, 'td')}</tr>`).join('\n')}</tbody>
</table>`;
}

const specs: Record<DocumentName, Spec> = {
  statement: {
    name: 'statement',
    zoom: 2.5,
    type: 'png',
    fonts: ['latin'],
    fontSizePx: 15,
    body: paragraphs(statementLines),
    text: statementLines.join('\n'),
  },
  statementJpeg: {
    name: 'statementJpeg',
    zoom: 2.5,
    type: 'jpeg',
    jpegQuality: 85,
    fonts: ['latin'],
    fontSizePx: 15,
    body: paragraphs(statementLines),
    text: statementLines.join('\n'),
  },
  ledger: {
    name: 'ledger',
    zoom: 2.5,
    type: 'png',
    fonts: ['latin'],
    fontSizePx: 14,
    body: ledgerHtml(),
    text: ['CASH LEDGER - JANUARY TO FEBRUARY 2024', ...ledgerRows.map((r) => r.join(' '))].join(
      '\n',
    ),
    rows: ledgerRows,
  },
  // A phone photo of a page sent over a chat app: small, and compressed hard.
  lowResJpeg: {
    name: 'lowResJpeg',
    zoom: 1.25,
    type: 'jpeg',
    jpegQuality: 55,
    fonts: ['latin'],
    fontSizePx: 15,
    body: paragraphs(statementLines),
    text: statementLines.join('\n'),
  },
  thai: {
    name: 'thai',
    zoom: 2.5,
    type: 'png',
    fonts: ['thai', 'latin'],
    fontSizePx: 18,
    body: paragraphs(thaiLines),
    text: thaiLines.join('\n'),
  },
  khmer: {
    name: 'khmer',
    zoom: 2.5,
    type: 'png',
    fonts: ['khmer', 'latin'],
    fontSizePx: 20,
    body: paragraphs(khmerLines),
    text: khmerLines.join('\n'),
  },
  // Dense A4 pages at 300 DPI, 40+ lines each: what a seized folder of scans holds.
  denseStatement: {
    name: 'denseStatement',
    zoom: 3.125,
    type: 'png',
    fonts: ['latin'],
    fontSizePx: 14,
    lineHeight: 1.2,
    body: paragraphs(denseStatementLines()),
    text: denseStatementLines().join('\n'),
  },
  denseThai: {
    name: 'denseThai',
    zoom: 3.125,
    type: 'png',
    fonts: ['thai', 'latin'],
    fontSizePx: 15,
    lineHeight: 1.2,
    body: paragraphs(denseLines(thaiLines, 40)),
    text: denseLines(thaiLines, 40).join('\n'),
  },
  denseKhmer: {
    name: 'denseKhmer',
    zoom: 3.125,
    type: 'png',
    fonts: ['khmer', 'latin'],
    fontSizePx: 15,
    lineHeight: 1.3,
    body: paragraphs(denseLines(khmerLines, 36)),
    text: denseLines(khmerLines, 36).join('\n'),
  },
  denseLedger: ledgerSpec('denseLedger', 'PAYMENTS LEDGER 2024', denseLedgerRows, ['latin']),
  thaiLedger: ledgerSpec('thaiLedger', 'บัญชีการจ่ายเงิน 2024', thaiLedgerRows, ['thai', 'latin']),
  khmerLedger: ledgerSpec('khmerLedger', 'បញ្ជីការទូទាត់ 2024', khmerLedgerRows, ['khmer', 'latin']),
  // The same ledger photographed with a phone: about 150 DPI, tilted, soft, compressed.
  ledgerPhoto: {
    ...ledgerSpec('ledgerPhoto', 'PAYMENTS LEDGER 2024', denseLedgerRows, ['latin']),
    name: 'ledgerPhoto',
    zoom: 1.6,
    type: 'jpeg',
    jpegQuality: 60,
    bodyStyle: 'transform: rotate(0.6deg); filter: blur(0.5px); background: #f4f1ea;',
  },
  // A 600-DPI scan of a letter-size page: the engine must bring it down before recognition.
  largeScan: {
    name: 'largeScan',
    zoom: 6.25,
    type: 'png',
    fonts: ['latin'],
    fontSizePx: 15,
    body: paragraphs(statementLines.slice(0, 4)),
    text: statementLines.slice(0, 4).join('\n'),
  },
};

function pageHtml(spec: Spec): string {
  const faces = spec.fonts
    .map(
      (f) =>
        `@font-face { font-family: '${fontFamily[f]}'; src: url('${pathToFileURL(join(root, fontFiles[f])).href}') format('woff2'); }`,
    )
    .join('\n');
  const families = spec.fonts.map((f) => `'${fontFamily[f]}'`).join(', ');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
${faces}
html { zoom: ${spec.zoom}; background: #fff; }
body { margin: 0; padding: 56px 64px; width: 666px; min-height: 1011px; color: #111;
  font-family: ${families}; font-size: ${spec.fontSizePx}px; line-height: ${spec.lineHeight ?? 1.6};${spec.bodyStyle ? ` ${spec.bodyStyle}` : ''} }
h1 { font-size: ${spec.fontSizePx + 3}px; font-weight: 400; margin: 0 0 24px; }
p { margin: 0 0 6px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid #999; font-weight: 400; }
th { border-bottom: 2px solid #333; }
.num { text-align: right; }
</style></head><body>
${spec.body}
</body></html>`;
}

function specHash(spec: Spec): string {
  const fontDigests = spec.fonts.map((f) =>
    createHash('sha256')
      .update(readFileSync(join(root, fontFiles[f])))
      .digest('hex'),
  );
  return createHash('sha256')
    .update(JSON.stringify({ RENDERER_VERSION, spec, fontDigests, html: pageHtml(spec) }))
    .digest('hex')
    .slice(0, 16);
}

async function render(todo: ReadonlyArray<readonly [Spec, string]>): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'ringtrace-doc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      // The page and its fonts are both file URLs; Chromium treats each file as its own origin.
      '--allow-file-access-from-files',
    ],
    deviceScaleFactor: 1,
  });
  const htmlDir = mkdtempSync(join(tmpdir(), 'ringtrace-doc-html-'));
  try {
    for (const [spec, path] of todo) {
      const page = await context.newPage();
      await page.setViewportSize({
        width: Math.round(794 * spec.zoom),
        height: Math.round(1123 * spec.zoom),
      });
      const htmlPath = join(htmlDir, `${spec.name}.html`);
      writeFileSync(htmlPath, pageHtml(spec));
      await page.goto(pathToFileURL(htmlPath).href);
      const families = spec.fonts.map((f) => fontFamily[f]);
      const failed = await page.evaluate(async (names) => {
        await Promise.all(names.map((n) => document.fonts.load(`16px '${n}'`)));
        await document.fonts.ready;
        const faces = [...document.fonts].filter((f) => names.includes(f.family.replace(/'/g, '')));
        return faces.filter((f) => f.status !== 'loaded').map((f) => f.family);
      }, families);
      if (failed.length > 0) throw new Error(`Fonts did not load: ${failed.join(', ')}`);
      const bytes = await page.screenshot({
        type: spec.type,
        fullPage: true,
        ...(spec.type === 'jpeg' ? { quality: spec.jpegQuality ?? 80 } : {}),
      });
      await page.close();
      writeFileSync(path, bytes);
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(htmlDir, { recursive: true, force: true });
  }
}

/** Returns the documents, rendering (in one browser session) only those not cached yet. */
export async function generateDocuments(
  names: readonly DocumentName[],
): Promise<Record<DocumentName, GeneratedDocument>> {
  mkdirSync(outDir, { recursive: true });
  const planned = names.map((name) => {
    const spec = specs[name];
    const path = join(outDir, `${name}-${specHash(spec)}.${spec.type === 'png' ? 'png' : 'jpg'}`);
    return [spec, path] as const;
  });
  const missing = planned.filter(([, path]) => !existsSync(path));
  if (missing.length > 0) await render(missing);
  const out: Partial<Record<DocumentName, GeneratedDocument>> = {};
  for (const [spec, path] of planned) {
    const { width, height } = readImageInfo(readFileSync(path), path);
    out[spec.name] = {
      name: spec.name,
      path,
      mediaType: spec.type === 'png' ? 'image/png' : 'image/jpeg',
      text: spec.text,
      ...(spec.rows ? { rows: spec.rows } : {}),
      width,
      height,
    };
  }
  return out as Record<DocumentName, GeneratedDocument>;
}

export async function generateDocument(name: DocumentName): Promise<GeneratedDocument> {
  return (await generateDocuments([name]))[name];
}
