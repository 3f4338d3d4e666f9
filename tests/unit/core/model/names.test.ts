import { describe, expect, it } from 'vitest';
import { detectScript, displayName, primaryName, type EntityId } from '../../../../src/core/model';

describe('detectScript (the one rule for every writer)', () => {
  it('goes by the majority of letters', () => {
    expect(detectScript('ចាន់ សុខា')).toBe('khmer');
    expect(detectScript('สมชาย ใจดี')).toBe('thai');
    expect(detectScript('Nguyễn Văn An')).toBe('latin');
    expect(detectScript('Иван')).toBe('other');
    expect(detectScript('12 34')).toBe('other');
  });

  it('on a tie, lets the native script win over Latin, and Khmer over Thai', () => {
    expect(detectScript('សុខ Sok')).toBe('khmer');
    expect(detectScript('สมชา Soma')).toBe('thai');
    expect(detectScript('សុខ สมช')).toBe('khmer');
  });
});

describe('displayName', () => {
  it('is the primary name, else the first, else the id', () => {
    const id = 'e-1' as EntityId;
    const names = [
      { value: 'Alias', script: 'latin' as const },
      { value: 'Sok Dara', script: 'latin' as const, primary: true },
    ];
    expect(displayName({ id, names })).toBe('Sok Dara');
    expect(displayName({ id, names: [{ value: 'Only', script: 'latin' }] })).toBe('Only');
    expect(displayName({ id, names: [] })).toBe(id);
    expect(primaryName([])).toBeUndefined();
  });
});
