import { describe, expect, it } from 'vitest';
import { boundedEditDistance } from './edit-distance.js';
import { normalizeWord, scanWords, type Words } from './normalize-text.js';

describe('normalizeWord', () => {
  it('lower-cases and strips accents from Spanish and Portuguese words', () => {
    expect(normalizeWord('Facturación')).toBe('facturacion');
    expect(normalizeWord('NÃO')).toBe('nao');
    expect(normalizeWord('contraseña')).toBe('contrasena');
  });
  it('collapses shouting and stretched letters', () => {
    expect(normalizeWord('FACTURAAA')).toBe('factura');
    expect(normalizeWord('AYUDAAAA')).toBe('ayuda');
    expect(normalizeWord('lentoo')).toBe('lento');
    expect(normalizeWord('peeero')).toBe('pero');
  });
  it('joins hyphenated and apostrophe words', () => {
    expect(normalizeWord("can't")).toBe('cant');
    expect(normalizeWord('e-mail')).toBe('email');
  });
});

describe('scanWords', () => {
  const norms = (w: Words) => w.norm.slice(0, w.n);
  const clauseOf = (w: Words, norm: string) => w.clause[w.norm.indexOf(norm)]!;

  it('opens a new clause at punctuation and marks clauses after a contrast word', () => {
    const w = scanWords('el inventario está lento, pero sí podemos seguir vendiendo');
    expect(w.afterContrast[clauseOf(w, 'pero')]).toBe(1);
    expect(clauseOf(w, 'lento')).not.toBe(clauseOf(w, 'pero'));
  });
  it('reads Portuguese "mas" as a contrast only after a comma', () => {
    const pt = scanWords('O relatório falha, mas conseguimos exportar');
    expect(pt.afterContrast[clauseOf(pt, 'mas')]).toBe(1);
    const es = scanWords('tarda más de 15 minutos');
    expect(es.clauses).toBe(1);
    expect(es.afterContrast[0]).toBe(0);
  });
  it('keeps each word at its place in the original text and makes no words of URLs or e-mails', () => {
    const raw = 'Evento https://peewah.co/e/expo y correo ana@x.com: Facturación';
    const w = scanWords(raw);
    expect(norms(w)).toEqual(['evento', 'y', 'correo', 'facturacion']);
    expect(raw.slice(w.start[3]!, w.end[3]!)).toBe('Facturación');
  });
  it('gives the same id to the same normalised word, however it is spelt', () => {
    const w = scanWords('FACTURAAA no sale, pero la factura sí; e-mail, mas Mas MAS. Facturación');
    for (let i = 0; i < w.n; i++) for (let j = 0; j < w.n; j++) expect(w.id[i] === w.id[j]).toBe(w.norm[i] === w.norm[j]);
  });
  it('refills the arrays of an earlier result it is handed back with the words a new scan gives', () => {
    const view = (w: Words) => ({
      n: w.n,
      clauses: w.clauses,
      norm: norms(w),
      at: [...w.start.subarray(0, w.n)].map((s, i) => [s, w.end[i], w.clause[i], w.id[i]]),
      contrast: [...w.afterContrast.subarray(0, w.clauses)],
    });
    const long = scanWords(Array.from({ length: 300 }, (_, i) => `Palabra${i}, pero otra; mas`).join(' '));
    const short = 'La factura no sale, pero la caja abre';
    expect(view(scanWords(short, long))).toEqual(view(scanWords(short)));
  });
  it('keeps every scan valid while later texts are scanned', () => {
    const first = scanWords('La factura no sale, pero la caja abre');
    const copy = { norm: norms(first), clause: [...first.clause.subarray(0, first.n)], start: [...first.start.subarray(0, first.n)] };
    scanWords(Array.from({ length: 2_000 }, (_, i) => `palabra${i}`).join(' '));
    expect({ norm: norms(first), clause: [...first.clause.subarray(0, first.n)], start: [...first.start.subarray(0, first.n)] }).toEqual(
      copy,
    );
  });
});

describe('boundedEditDistance', () => {
  it('counts a transposition as one edit and stops above the bound', () => {
    expect(boundedEditDistance('sitoi', 'sitio', 1)).toBe(1);
    expect(boundedEditDistance('factrar', 'facturar', 1)).toBe(1);
    expect(boundedEditDistance('abcdef', 'uvwxyz', 1)).toBe(2);
  });
});
