import { describe, expect, it } from 'vitest';
import { ethereumChecksumValid, extract, tronAddressValid } from '../../../../src/core/extract';
import { precision, recall, scoreCorpus } from '../../../helpers/extractScore';

describe('extraction on news reports and statements in English, Thai and Khmer', () => {
  const score = scoreCorpus();
  const all = score.tallies.all;

  it('finds people, organisations and places a careful reader marks', () => {
    expect(score.documents).toBeGreaterThanOrEqual(7);
    expect(recall(all.person), score.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(recall(all.organization), score.misses.join('\n')).toBeGreaterThanOrEqual(0.8);
    const suggested = {
      truePositives: all.person.truePositives + all.organization.truePositives,
      found: all.person.found + all.organization.found,
      expected: 0,
    };
    expect(precision(suggested), score.wrong.join('\n')).toBeGreaterThanOrEqual(0.9);
    for (const language of ['en', 'th', 'km'] as const)
      expect(recall(score.tallies[language].person), language).toBeGreaterThanOrEqual(0.9);
  });

  it('strips titles, joins a later short mention to the full name and reads the post', () => {
    const text =
      'Pol. Lt. Gen. Sok Phal, deputy police chief of Poipet, questioned Mr. Chan Sokha. Sokha denied it.';
    const people = extract(text, { kinds: ['name'] });
    expect(people.map((f) => [f.value, f.normalized])).toEqual([
      ['Sok Phal', 'sok phal'],
      ['Chan Sokha', 'chan sokha'],
      ['Sokha', 'chan sokha'],
    ]);
    const post = people[0]?.post;
    expect(post).toMatchObject({ position: 'deputy police chief', agency: 'Poipet' });
    expect(text.slice(post?.start, post?.end)).toBe('deputy police chief of Poipet');
    expect(people[1]?.post).toBeUndefined();
  });

  it('makes a later acronym the organisation it abbreviates', () => {
    const text =
      'The Anti-Human Trafficking and Juvenile Protection Department (AHTJP) opened a file. AHTJP officers left.';
    const orgs = extract(text, { kinds: ['organization'] });
    expect(orgs.map((f) => f.value)).toEqual([
      'Anti-Human Trafficking and Juvenile Protection Department',
      'AHTJP',
      'AHTJP',
    ]);
    expect(new Set(orgs.map((f) => f.normalized)).size).toBe(1);
  });

  it('finds places of the gazetteer in three scripts as one place', () => {
    const text = 'Poipet, ប៉ោយប៉ែត, ปอยเปต; then Aranyaprathet (อรัญประเทศ).';
    const places = extract(text, { kinds: ['place'] });
    expect(places.map((f) => f.normalized)).toEqual([
      'KH:Banteay Meanchey:Poipet',
      'KH:Banteay Meanchey:Poipet',
      'KH:Banteay Meanchey:Poipet',
      'TH:Sa Kaeo:Aranyaprathet',
      'TH:Sa Kaeo:Aranyaprathet',
    ]);
    expect(places[0]?.detail).toBe('Banteay Meanchey, KH (crossing)');
  });
});

describe('vehicles and wallets', () => {
  it('reads Cambodian and Thai plates but not invoice numbers', () => {
    const f = extract('The van 2A-1234 and a pickup with plate กข 5678 กรุงเทพ; invoice INV-2024.', {
      kinds: ['vehicle'],
    });
    expect(f.map((x) => x.normalized)).toEqual(['KH:2A-1234', 'TH:กข5678']);
    expect(extract('ห้อง กข 12 ชั้น 3', { kinds: ['vehicle'] })).toEqual([]);
  });

  it('checks TRON base58check and Ethereum EIP-55 checksums', () => {
    expect(tronAddressValid('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t')).toBe(true);
    // One character misread is another address, with a checksum that fails.
    expect(tronAddressValid('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u')).toBe(false);
    expect(ethereumChecksumValid('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed')).toBe(true);
    expect(ethereumChecksumValid('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD')).toBe(false);
    const f = extract(
      'Paid to TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t and 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed, not TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u.',
      { kinds: ['wallet'] },
    );
    expect(f.map((x) => x.normalized)).toEqual([
      'tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
      'eth:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed',
    ]);
  });
});
