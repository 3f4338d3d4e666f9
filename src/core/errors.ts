/**
 * Every error core raises for a user to read carries a stable key and its parameters, so that
 * the UI says it in the user's language (src/renderer/src/i18n/errorText.ts looks up
 * `errors.<key>`), while the command line and the logs keep the English `message`.
 *
 * The table names each key's parameters: tests/unit/renderer/i18n/errors.test.ts checks that
 * English, Khmer and Thai translate every key naming only those variables. `detail` is the
 * English message of an error whose every variant is not yet a key of its own (see README).
 */
import { EXCHANGE_ERROR_CODES } from './exchange/errors';
import { INTAKE_ERROR_CODES } from './documents/errors';

const FIXED = {
  'vault.wrongPassphrase': [],
  'vault.locked': [],
  'vault.notFound': ['vault'],
  'vault.exists': ['vault'],
  'vault.weakPassphrase': ['problems'],
  'vault.invalidInput': ['detail'],
  'vault.recordUnreadable': ['table', 'reason'],
  'vault.fileDamaged': ['file', 'reason'],
  'vault.fileNotFound': ['file'],
  'vault.backupFormat': ['detail'],
  'vault.rowCodec': ['detail'],
  'cases.notFound': ['caseId'],
  'cases.refused': ['detail'],
  'entities.refused': ['detail'],
  'evidence.refused': ['detail'],
  'bundle.refused': ['detail'],
  'bundle.cancelled': [],
  'bundle.zipBomb': ['path'],
  'bundle.zipCorrupt': ['path', 'detail'],
  'ocr.input': ['detail'],
  'ocr.engine': ['detail'],
  'ocr.cancelled': [],
  'graph.input': ['detail'],
  'csvimport.refused': ['detail'],
  'csvimport.cancelled': [],
} as const satisfies Record<string, readonly string[]>;

type ExchangeKey = `exchange.${(typeof EXCHANGE_ERROR_CODES)[number]}`;
type IntakeKey = `intake.${(typeof INTAKE_ERROR_CODES)[number]}`;
export type CoreErrorKey = keyof typeof FIXED | ExchangeKey | IntakeKey;

/** Every key core can raise, with the names of its parameters. */
export const CORE_ERROR_KEYS: ReadonlyMap<CoreErrorKey, readonly string[]> = new Map<
  CoreErrorKey,
  readonly string[]
>([
  ...(Object.entries(FIXED) as [keyof typeof FIXED, readonly string[]][]),
  ...EXCHANGE_ERROR_CODES.map((code) => [`exchange.${code}` as const, []] as const),
  ...INTAKE_ERROR_CODES.map((code) => [`intake.${code}` as const, ['file', 'problem']] as const),
]);

export type ErrorParams = Readonly<Record<string, string | number>>;

/** What the UI needs to translate an error: its key and the values its sentence names. */
export interface TranslatableError {
  readonly errorKey: CoreErrorKey;
  readonly params: ErrorParams;
}

export function isTranslatableError(error: unknown): error is Error & TranslatableError {
  return (
    error instanceof Error &&
    typeof (error as Partial<TranslatableError>).errorKey === 'string' &&
    typeof (error as Partial<TranslatableError>).params === 'object'
  );
}
