import type { ErrorParams } from '../errors';

/**
 * Why intake refused a file. Every code names a problem the user can act on: re-export the
 * file from the device, ask for the password, convert it, or split it.
 */
export const INTAKE_ERROR_CODES = [
  /** The file has no bytes at all (a failed copy, a placeholder). */
  'empty',
  /** The bytes are not one of the formats intake reads (see SUPPORTED_MEDIA_TYPES). */
  'unsupported-type',
  /** The file ends before its own structure says it should: a partial copy or download. */
  'truncated',
  /** The structure is inconsistent (bad checksum, impossible value, broken marker). */
  'corrupt',
  /** The header claims more pixels than intake will decode (see MAX_IMAGE_PIXELS). */
  'too-many-pixels',
  /** The file is bigger than intake will read into memory (see MAX_PARSE_BYTES). */
  'too-large',
  /** A PDF that cannot be opened without a password. */
  'password-protected',
  /** The caller cancelled the job (AbortSignal). */
  'cancelled',
] as const;
export type IntakeErrorCode = (typeof INTAKE_ERROR_CODES)[number];

/**
 * The one error type intake throws for a bad file. The message always names the file and the
 * problem, so it can be shown as is; `code` lets the UI choose a translated message instead.
 */
export class IntakeError extends Error {
  override readonly name = 'IntakeError';
  readonly code: IntakeErrorCode;
  readonly fileName: string;
  /** The problem without the file name, for a UI that shows the name separately. */
  readonly problem: string;
  readonly errorKey: `intake.${IntakeErrorCode}`;
  readonly params: ErrorParams;

  constructor(code: IntakeErrorCode, fileName: string, problem: string, options?: ErrorOptions) {
    super(`${fileName}: ${problem}`, options);
    this.code = code;
    this.errorKey = `intake.${code}`;
    this.params = { file: fileName, problem };
    this.fileName = fileName;
    this.problem = problem;
  }
}

/** The name used in messages when a caller parses bytes without saying which file they are. */
export const UNNAMED_FILE = '(unnamed file)';

export function throwIfAborted(signal: AbortSignal | undefined, fileName: string): void {
  if (signal?.aborted === true)
    throw new IntakeError('cancelled', fileName, 'intake was cancelled');
}
