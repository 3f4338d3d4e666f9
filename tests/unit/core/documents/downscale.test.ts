import { describe, expect, it } from 'vitest';
import {
  MAX_OCR_LONG_EDGE,
  OCR_TARGET_DPI,
  pdfPageScale,
  planDownscale,
} from '../../../../src/core/documents';

describe('planDownscale', () => {
  it('brings a 600 DPI A4 scan down to 300 DPI', () => {
    const plan = planDownscale({ width: 4960, height: 7016, dpi: { x: 600, y: 600 } });
    expect(plan).toMatchObject({ width: 2480, height: 3508, reason: 'dpi' });
    expect(plan.scaleX).toBeCloseTo(0.5);
  });

  it('leaves a 300 DPI scan and a smaller image as they are', () => {
    expect(planDownscale({ width: 2480, height: 3508, dpi: { x: 300, y: 300 } })).toEqual({
      width: 2480,
      height: 3508,
      scaleX: 1,
      scaleY: 1,
      reason: 'unchanged',
    });
    expect(planDownscale({ width: 1200, height: 1600, dpi: { x: 150, y: 150 } }).reason).toBe(
      'unchanged',
    );
  });

  it('caps the long edge of a large phone photo whose DPI is meaningless', () => {
    const plan = planDownscale({ width: 12000, height: 9000, dpi: { x: 72, y: 72 } });
    expect(plan.width).toBe(MAX_OCR_LONG_EDGE);
    expect(plan.height).toBe(3150);
    expect(plan.reason).toBe('long-edge');
  });

  it('applies the long-edge cap after the DPI scale', () => {
    // A 1200 DPI scan of a 30-inch drawing: 300 DPI would still be 9000 px long.
    const plan = planDownscale({ width: 36000, height: 24000, dpi: { x: 1200, y: 1200 } });
    expect(Math.max(plan.width, plan.height)).toBe(MAX_OCR_LONG_EDGE);
    expect(plan.width / plan.height).toBeCloseTo(1.5, 2);
  });

  it('squares the pixels of a low-resolution fax so text keeps its shape', () => {
    const plan = planDownscale({ width: 1728, height: 1078, dpi: { x: 204, y: 98 } });
    expect(plan.width).toBe(1728);
    expect(plan.height).toBe(Math.round((1078 * 204) / 98));
    expect(plan.reason).toBe('dpi');
  });

  it('ignores implausible resolutions', () => {
    expect(planDownscale({ width: 800, height: 600, dpi: { x: 1, y: 1 } }).reason).toBe(
      'unchanged',
    );
  });

  it('rejects sizes that are not positive whole numbers', () => {
    expect(() => planDownscale({ width: 0, height: 10 })).toThrow(/not a positive whole size/);
    expect(() => planDownscale({ width: 10.5, height: 10 })).toThrow(RangeError);
  });
});

describe('pdfPageScale', () => {
  it('renders a letter page at 300 DPI and a poster within the long-edge cap', () => {
    expect(pdfPageScale(612, 792)).toBeCloseTo(OCR_TARGET_DPI / 72);
    const poster = pdfPageScale(2384, 3370); // A0
    expect(3370 * poster).toBeCloseTo(MAX_OCR_LONG_EDGE);
  });
});
