import type { ErrorParams } from '../errors';

/** Why an exchange operation was refused, as a code the UI translates and a message for logs. */
export const EXCHANGE_ERROR_CODES = [
  'badKeyFile',
  'ownKey',
  'notConfirmed',
  'partnerExists',
  'badPackage',
  'unknownPartner',
  'changedKey',
  'badSignature',
  'notForUs',
  'decryptFailed',
  'noMatchKey',
  'matchKeyMismatch',
  'badMatchKey',
  'noRecords',
  'invalidRecord',
  'notFound',
] as const;
export type ExchangeErrorCode = (typeof EXCHANGE_ERROR_CODES)[number];

export class ExchangeError extends Error {
  readonly code: ExchangeErrorCode;
  readonly errorKey: `exchange.${ExchangeErrorCode}`;
  readonly params: ErrorParams = {};
  constructor(code: ExchangeErrorCode, message: string) {
    super(message);
    this.name = 'ExchangeError';
    this.code = code;
    this.errorKey = `exchange.${code}`;
  }
}
