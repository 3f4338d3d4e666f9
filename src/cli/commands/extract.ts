/**
 * `npm run cli -- extract FILE... [--json] [--lang eng+tha]`: prints the phone numbers,
 * e-mails, accounts, documents, money, dates, handles, people, organisations, places, plates
 * and wallets found in text files, PDFs
 * (text layer, else OCR) and page images after OCR. With --json, one object per line per finding.
 */
import type { CliCommand } from '../command';
import { documentPages, isPagedDocument } from '../documentPages';
import { readInputFile } from '../readInputFile';
import { extract, type Finding } from '../../core/extract';

const USAGE = `Usage: npm run cli -- extract FILE... [options]

Finds phone numbers, e-mail addresses, bank accounts, IBANs, identity documents, money,
dates, messenger handles, people (officials with their post), organisations, places, vehicle
plates and crypto wallets in text files (UTF-8; pages split by form feeds), in PDFs
(each page's text layer, or OCR where a page has none) and in page images (PNG, JPEG, WebP,
BMP, TIFF) read with the OCR engine.

Options:
  --json         one JSON object per finding and line:
                 {"file","page","kind","value","normalized","start","end"},
                 kind one of phone, email, account, iban, document, money, date,
                 handle, person, organization, place, vehicle, wallet; with
                 "detail" where known and, for an official, "post":
                 {"position","agency","start","end"}
  --lang CODES   OCR languages for images, joined by "+" (default: eng+tha)
  -h, --help     show this help`;

class UsageError extends Error {}

type Args = Readonly<{ files: readonly string[]; json: boolean; lang: string; help: boolean }>;

function parseArgs(argv: readonly string[]): Args {
  const files: string[] = [];
  let json = false;
  let help = false;
  let lang = 'eng+tha';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--lang') {
      const v = argv[++i];
      if (v === undefined || v.startsWith('-')) throw new UsageError('--lang needs a value');
      lang = v;
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else files.push(arg);
  }
  return { files, json, lang, help };
}

/** A file's pages: text as it is, or a page image (bytes) that OCR turns into text. */
type Input = Readonly<{ file: string; pages: ReadonlyArray<string | Uint8Array> }>;

const IMAGE_MAGIC: ReadonlyArray<readonly [string, (b: Uint8Array) => boolean]> = [
  ['PNG', (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47],
  ['JPEG', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['WebP', (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP'],
  ['BMP', (b) => ascii(b, 0, 2) === 'BM'],
];
const ascii = (b: Uint8Array, at: number, n: number): string =>
  String.fromCharCode(...b.subarray(at, at + n));

async function readInput(file: string): Promise<Input> {
  const bytes = await readInputFile(file);
  if (IMAGE_MAGIC.some(([, test]) => test(bytes))) return { file, pages: [bytes] };
  if (isPagedDocument(bytes)) {
    // PDF text layers are taken as they are; scanned PDF pages and TIFF pages go to OCR.
    const pages: Array<string | Uint8Array> = [];
    for await (const page of documentPages(file, bytes)) {
      pages.push(page.kind === 'text' ? page.text : page.png);
    }
    return { file, pages };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${file}: not UTF-8 text, a page image (PNG, JPEG, WebP, BMP, TIFF) or a PDF`);
  }
  if (text.includes('\u0000')) {
    throw new Error(`${file}: binary file, not UTF-8 text nor a page image`);
  }
  return { file, pages: text.replace(/^\uFEFF/u, '').split('\f') };
}

/** OCR is loaded only when an image is given, so text files need no workers or models. */
async function recogniseImages(
  images: ReadonlyArray<Readonly<{ file: string; bytes: Uint8Array }>>,
  lang: string,
): Promise<string[]> {
  const [ocr, node] = await Promise.all([
    import('../../core/ocr'),
    import('../../core/ocr/engine.node.js'),
  ]).catch((error: unknown) => {
    throw new Error(
      `page images need the OCR module (src/core/ocr), which could not be loaded: ${(error as Error).message}`,
      { cause: error },
    );
  });
  const languages = ocr.parseLanguages(lang);
  const engine = await node.createNodeOcrEngine({ workers: Math.min(images.length, 2) });
  try {
    const results = await engine.recognize(
      images.map(({ file, bytes }) => ({ bytes, name: file })),
      { languages },
    );
    return images.map((_, i) => results[i]?.text ?? '');
  } finally {
    await engine.close();
  }
}

/** The kind as the command line reports it: a name found is a person. */
const kindShown = (f: Finding): string => (f.kind === 'name' ? 'person' : f.kind);

function printFinding(file: string, page: number, f: Finding, json: boolean): void {
  if (json) {
    const { value, normalized, start, end } = f;
    const line = { file, page, kind: kindShown(f), value, normalized, start, end };
    const extra = {
      ...(f.detail !== undefined ? { detail: f.detail } : {}),
      ...(f.post !== undefined ? { post: f.post } : {}),
    };
    console.log(JSON.stringify({ ...line, ...extra }));
    return;
  }
  const detail = f.detail === undefined ? '' : `  (${f.detail})`;
  const post =
    f.post === undefined
      ? ''
      : `  [official: ${f.post.position}${f.post.agency !== undefined ? `, ${f.post.agency}` : ''}]`;
  const shown = f.value.replace(/\s+/gu, ' ');
  console.log(
    `${file}:${page}:${f.start}  ${kindShown(f).padEnd(12)} ${shown}  ->  ${f.normalized}${detail}${post}`,
  );
}

async function run(argv: readonly string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    console.error(`extract: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.files.length === 0) {
    console.error(`extract: no input files\n\n${USAGE}`);
    return 2;
  }

  // Every input is read and checked before any work, so a typo in the last name is reported
  // at once rather than after a minute of OCR.
  const inputs: Input[] = [];
  const problems: string[] = [];
  for (const file of args.files) {
    try {
      inputs.push(await readInput(file));
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (problems.length > 0) {
    for (const p of problems) console.error(`extract: ${p}`);
    return 1;
  }

  const images = inputs.flatMap((input) =>
    input.pages.flatMap((page) =>
      typeof page === 'string' ? [] : [{ file: input.file, bytes: page }],
    ),
  );
  let ocrText: string[] = [];
  if (images.length > 0) {
    try {
      ocrText = await recogniseImages(images, args.lang);
    } catch (error) {
      console.error(`extract: ${(error as Error).message}`);
      return 1;
    }
  }

  let total = 0;
  let nextImage = 0;
  for (const input of inputs) {
    const pages = input.pages.map((page) =>
      typeof page === 'string' ? page : (ocrText[nextImage++] ?? ''),
    );
    pages.forEach((text, i) => {
      for (const f of extract(text)) {
        printFinding(input.file, i + 1, f, args.json);
        total++;
      }
    });
  }
  if (!args.json) console.log(`${total} finding${total === 1 ? '' : 's'}`);
  return 0;
}

export const command: CliCommand = {
  summary:
    'find phones, e-mails, accounts, documents, money, dates, handles, people, organisations, places, plates and wallets in files',
  run,
};
