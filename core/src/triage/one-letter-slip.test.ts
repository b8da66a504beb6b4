import { describe, expect, it } from 'vitest';
import { firstDifference, oneLetterSlip } from './one-letter-slip.js';

describe('oneLetterSlip', () => {
  it('accepts one dropped or added letter, anywhere', () => {
    expect(oneLetterSlip('factrar', 'facturar')).toBe(true);
    expect(oneLetterSlip('facturar', 'factrar')).toBe(true);
    expect(oneLetterSlip('imprsora', 'impresora')).toBe(true);
    expect(oneLetterSlip('clientes', 'cliente')).toBe(true);
  });
  it('accepts two neighbouring letters swapped', () => {
    expect(oneLetterSlip('factruar', 'facturar')).toBe(true);
    expect(oneLetterSlip('ipmresora', 'impresora')).toBe(true);
  });
  it('rejects a substituted letter, which turns one real word into another', () => {
    expect(oneLetterSlip('pusimos', 'pudimos')).toBe(false);
    expect(oneLetterSlip('cuando', 'cuanto')).toBe(false);
  });
  it('rejects equal words and two slips', () => {
    expect(oneLetterSlip('factura', 'factura')).toBe(false);
    expect(oneLetterSlip('fctrar', 'facturar')).toBe(false);
    expect(oneLetterSlip('afctuarr', 'facturar')).toBe(false);
  });
});

describe('firstDifference', () => {
  it('gives the index of the first differing letter', () => {
    expect(firstDifference('factr', 'factur')).toBe(4);
    expect(firstDifference('preci', 'precio')).toBe(5);
    expect(firstDifference('same', 'same')).toBe(4);
  });
});
