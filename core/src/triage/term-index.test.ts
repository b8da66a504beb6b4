import { describe, expect, it } from 'vitest';
import { type Term, TermIndex } from './term-index.js';

function index(...terms: string[]): { idx: TermIndex; id: (t: string) => number } {
  const idx = new TermIndex();
  const ids = new Map<string, number>();
  for (const t of terms) {
    const term: Term = t.endsWith('*') ? { kind: 'stem', text: t.slice(0, -1), fuzzy: true } : { kind: 'word', text: t, fuzzy: true };
    ids.set(t, idx.intern(term));
  }
  idx.freeze();
  return { idx, id: (t) => ids.get(t)! };
}

describe('TermIndex.lookup', () => {
  it('finds words exactly and stems by their beginning', () => {
    const { idx, id } = index('factura', 'factur*');
    expect(idx.lookup('factura')).toEqual([id('factura'), id('factur*')]);
    expect(idx.lookup('facturando')).toEqual([id('factur*')]);
  });

  it('forgives one slip in a word of 7 or 8 letters, and two edits from 9', () => {
    const { idx, id } = index('impresora', 'caidos', 'sincronizacion');
    expect(idx.lookup('imprsora')).toEqual([id('impresora')]);
    expect(idx.lookup('caidoss')).toEqual([id('caidos')]);
    expect(idx.lookup('sincronisasion')).toEqual([id('sincronizacion')]);
  });

  it('forgives a slip inside a stem of 6 or more letters', () => {
    const { idx, id } = index('factur*');
    expect(idx.lookup('factrar')).toEqual([id('factur*')]);
    expect(idx.lookup('fatcurando')).toEqual([id('factur*')]);
  });

  it('does not read a real short word as a typo of another ("cuando" is not "cuanto", "pasado" is not "parado")', () => {
    const { idx } = index('cuanto', 'parado', 'pudimos');
    expect(idx.lookup('cuando')).toEqual([]);
    expect(idx.lookup('pasado')).toEqual([]);
    expect(idx.lookup('pusimos')).toEqual([]);
  });

  it('does not stretch a stem by a slip at its last letter ("preciso" is not "precio*")', () => {
    const { idx } = index('precio*', 'desconto*');
    expect(idx.lookup('preciso')).toEqual([]);
    expect(idx.lookup('descontracturante')).toEqual([]);
  });

  it('keeps stems of 5 letters exact ("camila" is not "cambi*")', () => {
    const { idx } = index('cambi*', 'carga*');
    expect(idx.lookup('camila')).toEqual([]);
    expect(idx.lookup('cartagena')).toEqual([]);
  });

  it('never guesses a typo for words with digits', () => {
    const { idx } = index('version');
    expect(idx.lookup('versi0n')).toEqual([]);
  });
});
