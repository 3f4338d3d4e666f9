/**
 * `npm run cli -- ocr FILE... [--lang eng+tha] [--traineddata PATH] [--json] [--workers N]`:
 * recognises page images with the app's own OCR engine and prints each page's text, or JSON
 * with words, boxes and confidence. Pages run in parallel, one worker per core.
 */
import { availableParallelism } from 'node:os';
import type { CliCommand } from '../command';
import { languageCodeFromFileName, parseLanguages, readImageInfo } from '../../core/ocr';
import type { LanguageCode, OcrPageResult } from '../../core/ocr';
import { createNodeOcrEngine } from '../../core/ocr/engine.node.js';
import type { Word } from '../../core/model';
import { documentPages, isPagedDocument } from '../documentPages';
import { readInputFile } from '../readInputFile';

const USAGE = `Usage: npm run cli -- ocr FILE... [options]

Prints the text of each page of PNG, JPEG, WebP, BMP and TIFF images and PDFs: a PDF page's
text layer where it has one, OCR of the page image where it does not.

Options:
  --lang CODES           languages, joined by "+" (default: eng, plus any --traineddata)
  --traineddata PATH     add a language from CODE.traineddata or CODE.traineddata.gz
                         (repeatable; the code is taken from the file name)
  --json                 print JSON: text, words with boxes (page pixels) and confidence
  --workers N            parallel workers (default: one per core)
  -h, --help             show this help`;

class UsageError extends Error {}

type Args = Readonly<{
  files: readonly string[];
  languages: readonly LanguageCode[] | undefined;
  traineddata: readonly string[];
  json: boolean;
  workers: number | undefined;
  help: boolean;
}>;

function parseArgs(argv: readonly string[]): Args {
  const files: string[] = [];
  const traineddata: string[] = [];
  let languages: readonly LanguageCode[] | undefined;
  let json = false;
  let help = false;
  let workers: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--lang') languages = parseLanguages(value());
    else if (arg === '--traineddata') traineddata.push(value());
    else if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--workers') {
      const v = value();
      workers = Number(v);
      if (!Number.isInteger(workers) || workers < 1) {
        throw new UsageError(`--workers must be a whole number of at least 1, not "${v}"`);
      }
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option ${arg}`);
    else files.push(arg);
  }
  return { files, languages, traineddata, json, workers, help };
}

/** One page to print: OCR'd from an image, or taken from a PDF's text layer. */
type Input = Readonly<
  | { file: string; page: number; kind: 'image'; bytes: Uint8Array }
  | { file: string; page: number; kind: 'text'; text: string; words: readonly Word[] }
>;

function forJson(input: Input, r: OcrPageResult | null): unknown {
  if (input.kind === 'text' || r === null) {
    const words = input.kind === 'text' ? input.words : [];
    const text = input.kind === 'text' ? input.text : '';
    return { file: input.file, page: input.page, source: 'pdf-text', text, words };
  }
  return {
    file: input.file,
    page: input.page,
    source: 'ocr',
    width: r.width,
    height: r.height,
    languages: r.languages,
    confidence: r.confidence,
    text: r.text,
    words: r.words,
  };
}

async function run(argv: readonly string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    console.error(`ocr: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.files.length === 0) {
    console.error(`ocr: no input files\n\n${USAGE}`);
    return 2;
  }

  // Read and check every input before starting workers: a typo in the last file name should
  // not cost a minute of recognition first.
  const inputs: Input[] = [];
  const customs: Array<{ code: LanguageCode; bytes: Uint8Array }> = [];
  const problems: string[] = [];
  for (const file of args.files) {
    try {
      const bytes = await readInputFile(file);
      if (isPagedDocument(bytes)) {
        for await (const page of documentPages(file, bytes)) {
          inputs.push(
            page.kind === 'image'
              ? { file, page: page.number, kind: 'image', bytes: page.png }
              : { file, page: page.number, kind: 'text', text: page.text, words: page.words },
          );
        }
      } else {
        readImageInfo(bytes, file);
        inputs.push({ file, page: 1, kind: 'image', bytes });
      }
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  for (const path of args.traineddata) {
    try {
      customs.push({ code: languageCodeFromFileName(path), bytes: await readInputFile(path) });
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (problems.length > 0) {
    for (const p of problems) console.error(`ocr: ${p}`);
    return 1;
  }

  const cores = availableParallelism();
  const images = inputs.filter((i) => i.kind === 'image').length;
  const engine = await createNodeOcrEngine({
    workers: Math.max(1, Math.min(args.workers ?? cores, images)),
  });
  let failed = false;
  try {
    for (const custom of customs) await engine.addLanguage(custom.code, custom.bytes);
    const languages =
      args.languages ??
      [...new Set(['eng', ...customs.map((c) => c.code)])].map((c) => c as LanguageCode);
    // One job per page image, all queued at once: the pool runs them in parallel, and a
    // corrupt page fails alone while the others are still printed.
    const jobs = inputs.map((input) =>
      input.kind === 'text'
        ? Promise.resolve(null)
        : engine
            .recognize([{ bytes: input.bytes, name: `${input.file}` }], { languages })
            .then((pages) => pages[0] ?? null),
    );
    const settled = await Promise.allSettled(jobs);
    const out: unknown[] = [];
    const paged = new Set(inputs.filter((i) => i.page > 1).map((i) => i.file));
    settled.forEach((s, i) => {
      const input = inputs[i];
      if (!input) return;
      const label = paged.has(input.file) ? `${input.file}, page ${input.page}` : input.file;
      if (s.status === 'rejected') {
        failed = true;
        console.error(`ocr: ${label}: ${(s.reason as Error).message}`);
        return;
      }
      if (args.json) out.push(forJson(input, s.value));
      else {
        if (inputs.length > 1) console.log(`==> ${label} <==`);
        console.log(input.kind === 'text' ? input.text : (s.value?.text ?? ''));
        if (inputs.length > 1 && i < inputs.length - 1) console.log('');
      }
    });
    if (args.json) console.log(JSON.stringify(out, null, 2));
  } finally {
    await engine.close();
  }
  return failed ? 1 : 0;
}

export const command: CliCommand = {
  summary: 'print the text of images and PDFs (text layer, else OCR), page by page',
  run,
};
