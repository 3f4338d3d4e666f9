import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  extract,
  FINDING_KINDS,
  ibanChecksumValid,
  thaiIdChecksumValid,
  type Finding,
  type FindingKind,
} from '../../../../src/core/extract';
import { newId, type EntityId } from '../../../../src/core/model';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../fixtures/extract/${name}`, import.meta.url), 'utf8');

const only = (findings: readonly Finding[], kind: FindingKind): string[] =>
  findings.filter((f) => f.kind === kind).map((f) => f.normalized);

describe('extraction on a case note with known answers', () => {
  const text = fixture('case-report.txt');
  const expected = JSON.parse(fixture('case-report.expected.json')) as Record<string, string[]>;
  const findings = extract(text);
  const measured: FindingKind[] = [
    'phone',
    'email',
    'account',
    'iban',
    'document',
    'money',
    'date',
    'handle',
  ];

  it.each(measured)('finds %s with precision and recall of at least 0.95', (kind) => {
    const want = [...(expected[kind] ?? [])];
    const got = only(findings, kind);
    expect(want.length).toBeGreaterThan(0);
    // Multiset matching: a value expected twice must be found twice.
    const remaining = [...want];
    let truePositives = 0;
    const falsePositives: string[] = [];
    for (const g of got) {
      const i = remaining.indexOf(g);
      if (i >= 0) {
        remaining.splice(i, 1);
        truePositives++;
      } else falsePositives.push(g);
    }
    const precision = got.length === 0 ? 0 : truePositives / got.length;
    const recall = truePositives / want.length;
    expect({ kind, precision, recall, missed: remaining, falsePositives }).toEqual({
      kind,
      precision: expect.toSatisfy((p: number) => p >= 0.95) as number,
      recall: expect.toSatisfy((r: number) => r >= 0.95) as number,
      missed: remaining,
      falsePositives,
    });
  });

  it('gives offsets that point at the value as written', () => {
    expect(findings.length).toBeGreaterThan(40);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.value);
  });

  it('reports each stretch of text once', () => {
    // The one overlap allowed: a place inside a public body's name (none in this note).
    const sorted = [...findings].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++) {
      expect(sorted[i]?.start).toBeGreaterThanOrEqual(sorted[i - 1]?.end ?? 0);
    }
  });

  it('leaves the distractors alone', () => {
    const values = findings.map((f) => f.value);
    for (const d of ['1234567890123', '31/02/2024', '2567/0412', '14.30', '4500', '1203']) {
      expect(values.some((v) => v.includes(d))).toBe(false);
    }
    expect(only(findings, 'iban')).not.toContain('DE89370400440532013001');
  });
});

describe('phone numbers', () => {
  it('stores Thai and Cambodian national numbers as E.164', () => {
    const f = extract('โทร 081 234 5678 หรือ ๐๘๙-๑๒๓-๔๕๖๗', { kinds: ['phone'] });
    expect(only(f, 'phone')).toEqual(['+66812345678', '+66891234567']);
    const k = extract('ទូរស័ព្ទ 012 345 678', { kinds: ['phone'] });
    expect(only(k, 'phone')).toEqual(['+85512345678']);
  });

  it('settles a number valid in both countries by the script around it, and says so', () => {
    const kh = extract('លេខទូរស័ព្ទរបស់គាត់ 097 765 4321');
    const th = extract('เบอร์โทรศัพท์ของเขาคือ 097 765 4321');
    expect(only(kh, 'phone')).toEqual(['+855977654321']);
    expect(only(th, 'phone')).toEqual(['+66977654321']);
    expect(kh[0]?.detail).toBe('also valid as +66977654321');
  });

  it('follows the country order given when nothing else tells', () => {
    expect(only(extract('call 097 765 4321', { phoneCountries: ['TH', 'KH'] }), 'phone')).toEqual([
      '+66977654321',
    ]);
  });

  it('marks a WhatsApp number', () => {
    const [f] = extract('WhatsApp: +855 12 345 678');
    expect(f).toMatchObject({ kind: 'phone', normalized: '+85512345678', detail: 'whatsapp' });
  });

  it('does not read figures without a trunk zero or a country code as phones', () => {
    expect(only(extract('invoice 20240312, batch 812345678'), 'phone')).toEqual([]);
  });
});

describe('overlaps', () => {
  it('makes a number after "account" an account, not a phone', () => {
    const f = extract('Please pay into account no. 0812345678 today');
    expect(f.map((x) => x.kind)).toEqual(['account']);
    expect(f[0]?.normalized).toBe('0812345678');
  });

  it('makes a checksummed Thai ID a document, not a phone or an account', () => {
    const f = extract('account holder ID 3509900128745');
    expect(f.map((x) => [x.kind, x.detail])).toEqual([['document', 'th-national-id']]);
  });
});

describe('identifiers', () => {
  it('checks IBAN and Thai ID checksums', () => {
    expect(ibanChecksumValid('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(ibanChecksumValid('GB82 WEST 1234 5698 7654 33')).toBe(false);
    expect(ibanChecksumValid('GB82 WEST 1234 5698 7654')).toBe(false);
    expect(thaiIdChecksumValid('1-1017-00203-45-0')).toBe(true);
    expect(thaiIdChecksumValid('1-1017-00203-45-1')).toBe(false);
  });

  it('reads money in three currencies and scales', () => {
    const f = extract('paid ฿1,200 and 2.5 ล้านบาท then 50 USD and 100,000៛');
    expect(only(f, 'money')).toEqual(['THB 1200', 'THB 2500000', 'USD 50', 'KHR 100000']);
  });

  it('converts Buddhist-era years', () => {
    const f = extract('วันที่ 1 ม.ค. 2567, 12.03.2567 and 1 January BE 2567');
    expect(only(f, 'date')).toEqual(['2024-01-01', '2024-03-12', '2024-01-01']);
  });
});

describe('names', () => {
  const dara = newId<EntityId>();
  const somchai = newId<EntityId>();
  const knownNames = [
    { entityId: dara, name: 'Chan Dara' },
    { entityId: dara, name: 'ចាន់ ដារ៉ា' },
    { entityId: somchai, name: 'สมชาย รักดี' },
    { entityId: somchai, name: 'Somchai Rakdée' },
  ];

  it('finds known names and aliases in any script, case and accents aside', () => {
    const text = 'SOMCHAI RAKDEE met chan dara. ผู้ต้องหาสมชาย รักดีโทรหา ចាន់ ដារ៉ាបានមក';
    const f = extract(text, { knownNames, kinds: ['name'] });
    expect(f.map((x) => [x.value, x.entityId])).toEqual([
      ['SOMCHAI RAKDEE', somchai],
      ['chan dara', dara],
      ['สมชาย รักดี', somchai],
      ['ចាន់ ដារ៉ា', dara],
    ]);
  });

  it('suggests likely person names from titles but not from look-alike words', () => {
    const f = extract(
      'Mrs Srey Pov met นางสาวมาลี ศรีสุข and the นายหน้า in Bangkok. Pol. Col. Chea Vanna signed.',
      {
        kinds: ['name'],
      },
    );
    expect(f.map((x) => x.value)).toEqual(['Srey Pov', 'มาลี ศรีสุข', 'Chea Vanna']);
  });

  it('rejects an unknown kind with a clear message', () => {
    expect(() => extract('x', { kinds: ['phones' as FindingKind] })).toThrow(
      /unknown kind "phones"/u,
    );
    expect(FINDING_KINDS).toContain('phone');
  });
});
