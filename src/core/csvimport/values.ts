/** Reading the values of call and transaction rows: dates, durations, amounts. */

export type ParsedDate = Readonly<{ ms: number; iso: string }>;

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const DMY = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * ISO 8601 (date, or date and time with an optional offset) or day/month/year with an optional
 * time, as Cambodian and Thai exports write it. Times without an offset are kept as written
 * (local to the provider); `ms` only orders them.
 */
export function parseDateTime(value: string): ParsedDate | undefined {
  const v = value.trim();
  let y: number, mo: number, d: number, h: number, mi: number, s: number;
  let zone: string | undefined;
  let m = ISO.exec(v);
  if (m) {
    y = +m[1]!;
    mo = +m[2]!;
    d = +m[3]!;
    h = m[4] === undefined ? 0 : +m[4];
    mi = m[5] === undefined ? 0 : +m[5];
    s = m[6] === undefined ? 0 : +m[6];
    zone = m[7];
  } else {
    m = DMY.exec(v);
    if (!m) return undefined;
    d = +m[1]!;
    mo = +m[2]!;
    y = +m[3]!;
    h = m[4] === undefined ? 0 : +m[4];
    mi = m[5] === undefined ? 0 : +m[5];
    s = m[6] === undefined ? 0 : +m[6];
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return undefined;
  let ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(ms);
  if (check.getUTCDate() !== d) return undefined;
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (+digits.slice(0, 2) * 60 + +digits.slice(2)) * 60_000;
  }
  const pad = (n: number): string => String(n).padStart(2, '0');
  const iso = `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${zone ?? ''}`;
  return { ms, iso };
}

/** Seconds, or [h:]mm:ss. */
export function parseDuration(value: string): number | undefined {
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v));
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(v);
  if (!m) return undefined;
  return (m[1] === undefined ? 0 : +m[1]) * 3600 + +m[2]! * 60 + +m[3]!;
}

/** A decimal amount; spaces, apostrophes and thousands commas are ignored ("1,250.00"). */
export function parseAmount(value: string): number | undefined {
  const v = value.trim().replace(/[\s'\u00a0]/g, '');
  if (!/^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+(\.\d+)?$/.test(v)) return undefined;
  const n = Number(v.replace(/,/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? `${h} h ${m} min` : m > 0 ? `${m} min ${s} s` : `${s} s`;
}
