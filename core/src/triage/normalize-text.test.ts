import { describe, expect, it } from 'vitest';
import { boundedEditDistance } from './edit-distance.js';
import { normalizeWord, WordScanner, type Words } from './normalize-text.js';

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

describe('WordScanner', () => {
  const scanWords = (text: string, refill?: Words) => new WordScanner().scan(text, refill);
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
  it('keeps every scan valid while later texts are scanned, past the end of its vocabulary', () => {
    const scanner = new WordScanner(100);
    const first = scanner.scan('La factura no sale, pero la caja abre');
    const copy = { norm: norms(first), clause: [...first.clause.subarray(0, first.n)], start: [...first.start.subarray(0, first.n)] };
    scanner.scan(Array.from({ length: 2_000 }, (_, i) => `palabra${i}`).join(' '));
    const later = scanner.scan('La factura no sale');
    expect(later.vocabulary).not.toBe(first.vocabulary);
    expect({ norm: norms(first), clause: [...first.clause.subarray(0, first.n)], start: [...first.start.subarray(0, first.n)] }).toEqual(
      copy,
    );
    for (const w of [first, later]) for (let i = 0; i < w.n; i++) expect(w.vocabulary.norms[w.id[i]!]).toBe(w.norm[i]);
  });
  it('gives each of two scanners taking turns word for word the scans a scanner of its own gives', () => {
    const texts = [
      'FACTURAAA no sale, pero la factura sí; e-mail, mas Mas MAS. Facturación',
      'O relatório falha, mas conseguimos exportar https://x.com.br/a e ana@x.com',
      'el inventario está lento, pero sí podemos seguir vendiendo',
      Array.from({ length: 20 }, (_, i) => `palavra${i % 7} the till, but ${i}`).join(' '),
    ];
    const view = (w: Words) => ({ n: w.n, clauses: w.clauses, norm: norms(w), start: [...w.start.subarray(0, w.n)] });
    // Small vocabularies: both scanners start new ones while the other's scans are still read.
    const a = new WordScanner(40);
    const b = new WordScanner(40);
    const ownA = new WordScanner(40);
    const ownB = new WordScanner(40);
    const got: unknown[] = [];
    const want: unknown[] = [];
    const vocabularies = new Set<unknown>();
    const idsName = (w: Words) => Array.from({ length: w.n }, (_, i) => w.vocabulary.norms[w.id[i]!] === w.norm[i]);
    for (let round = 0; round < 3; round++) {
      for (let k = 0; k < texts.length; k++) {
        // Every word of one text, then of the other, one by one: each prefix is a text of its own.
        const one = texts[k]!.split(' ');
        const other = texts[(k + round + 1) % texts.length]!.split(' ');
        for (let j = 1; j <= Math.max(one.length, other.length); j++) {
          const x = one.slice(0, j).join(' ');
          const y = other.slice(0, j).join(' ');
          const fromA = a.scan(x);
          const fromB = b.scan(y);
          got.push(view(fromA), view(fromB), idsName(fromA), idsName(fromB));
          vocabularies.add(fromA.vocabulary).add(fromB.vocabulary);
          want.push(view(ownA.scan(x)), view(ownB.scan(y)), Array(fromA.n).fill(true), Array(fromB.n).fill(true));
        }
      }
    }
    expect(got).toEqual(want);
    expect(vocabularies.size).toBeGreaterThan(4);
  });
});

describe('boundedEditDistance', () => {
  it('counts a transposition as one edit and stops above the bound', () => {
    expect(boundedEditDistance('sitoi', 'sitio', 1)).toBe(1);
    expect(boundedEditDistance('factrar', 'facturar', 1)).toBe(1);
    expect(boundedEditDistance('abcdef', 'uvwxyz', 1)).toBe(2);
  });
});
