import { PRIORITY } from './priority';
import type { Candidate } from './types';

/**
 * Vehicle plates. Cambodia: a province digit or two, one or two letters, a dash and four
 * digits ("2A-1234", "Phnom Penh 2AB-1234"), or the Khmer province name before it. Thailand:
 * an optional digit, two Thai consonants, then one to four digits ("1กข 1234", "กข-1234"),
 * usually followed by the province. A plate needs its shape and either the word for plate
 * or vehicle nearby, or the full Cambodian shape with the dash, so that invoice numbers and
 * room numbers are not read as plates.
 */
const KH_PLATE = /(?<![\p{L}\p{N}-])(\d{1,2}[A-Z]{1,2})[-‐–](\d{4})(?![\p{L}\p{N}])/gu;
const TH_PLATE = /(?<![\p{L}\p{M}\p{N}])(\d?[ก-ฮ]{2})[ -]?(\d{1,4})(?![\p{N}])/gu;
const PLATE_WORD =
  /(?:plate|registration|licen[cs]e|vehicle|car|van|truck|pick-?up|motorbike|ทะเบียน|รถ|ស្លាកលេខ|ផ្លាកលេខ|ឡាន|រថយន្ត)/iu;

export function findVehicles(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(KH_PLATE)) {
    out.push({
      kind: 'vehicle',
      value: m[0],
      normalized: `KH:${m[1] ?? ''}-${m[2] ?? ''}`,
      start: m.index,
      end: m.index + m[0].length,
      priority: PRIORITY.vehicle,
      detail: 'Cambodian plate',
    });
  }
  for (const m of text.matchAll(TH_PLATE)) {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    if (!PLATE_WORD.test(before)) continue;
    out.push({
      kind: 'vehicle',
      value: m[0],
      normalized: `TH:${m[1] ?? ''}${m[2] ?? ''}`,
      start: m.index,
      end: m.index + m[0].length,
      priority: PRIORITY.vehicle,
      detail: 'Thai plate',
    });
  }
  return out;
}
