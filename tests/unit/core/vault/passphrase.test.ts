import { describe, expect, it } from 'vitest';
import { assessPassphrase, MIN_PASSPHRASE_LENGTH } from '../../../../src/core/vault';

describe('passphrase strength', () => {
  it('rates weak and strong passphrases, with reasons the UI can show', () => {
    const weak = assessPassphrase('password123');
    expect(weak.acceptable).toBe(false);
    expect(weak.problems).toEqual(expect.arrayContaining(['tooShort', 'common']));
    expect(weak.score).toBeLessThanOrEqual(1);

    expect(assessPassphrase('abcdefghijklmnop').problems).toContain('sequence');
    expect(assessPassphrase('zzzzzzzzzzzzzzzzzzzz').acceptable).toBe(false);

    const strong = assessPassphrase('correct horse battery staple 42');
    expect(strong.acceptable).toBe(true);
    expect(strong.score).toBeGreaterThanOrEqual(3);
    expect(strong.problems).toEqual([]);
  });

  it('counts Thai and Khmer characters as the user sees them', () => {
    const thai = 'แม่น้ำโขงยามเช้าตรู่'; // combining vowels and tone marks
    const assessed = assessPassphrase(thai);
    expect(assessed.length).toBeLessThan(Array.from(thai).length);
    expect(assessPassphrase('ទន្លេសាបរដូវវស្សា ២០៣១').acceptable).toBe(true);
    expect(assessPassphrase('x'.repeat(MIN_PASSPHRASE_LENGTH - 1)).problems).toContain('tooShort');
  });
});
