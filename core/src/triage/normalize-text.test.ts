import { describe, expect, it } from 'vitest';
import { boundedEditDistance } from './edit-distance.js';
import { normalizeWord, scanWords, tokenize } from './normalize-text.js';

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

describe('tokenize', () => {
  it('opens a new clause at punctuation and marks clauses after a contrast word', () => {
    const t = tokenize('el inventario está lento, pero sí podemos seguir vendiendo');
    const pero = t.tokens.find((x) => x.norm === 'pero')!;
    expect(t.clauses[pero.clause]!.afterContrast).toBe(true);
    expect(t.tokens.find((x) => x.norm === 'lento')!.clause).not.toBe(pero.clause);
  });
  it('reads Portuguese "mas" as a contrast only after a comma', () => {
    const pt = tokenize('O relatório falha, mas conseguimos exportar');
    expect(pt.clauses[pt.tokens.find((x) => x.norm === 'mas')!.clause]!.afterContrast).toBe(true);
    const es = tokenize('tarda más de 15 minutos');
    expect(es.clauses.every((c) => !c.afterContrast)).toBe(true);
  });
  it('keeps each word at its place in the original text and makes no words of URLs or e-mails', () => {
    const raw = 'Evento https://peewah.co/e/expo y correo ana@x.com: Facturación';
    const t = tokenize(raw);
    expect(t.tokens.map((x) => x.norm)).toEqual(['evento', 'y', 'correo', 'facturacion']);
    const last = t.tokens[3]!;
    expect(raw.slice(last.start, last.end)).toBe('Facturación');
  });
});

describe('scanWords', () => {
  it('gives the same words and clauses as tokenize, and the same ids to the same normalised words', () => {
    const raw = 'FACTURAAA no sale, pero la factura sí; e-mail ana@x.com, mas Mas MAS. Facturación';
    const t = tokenize(raw);
    const w = scanWords(raw);
    expect(w.n).toBe(t.tokens.length);
    for (const [i, tok] of t.tokens.entries()) {
      expect([w.norm[i], w.start[i], w.end[i], w.clause[i]]).toEqual([tok.norm, tok.start, tok.end, tok.clause]);
      for (const [j, other] of t.tokens.entries()) expect(w.id[i] === w.id[j]).toBe(tok.norm === other.norm);
    }
    expect(w.clauses).toBe(t.clauses.length);
    for (const [i, c] of t.clauses.entries()) expect(w.afterContrast[i] === 1).toBe(c.afterContrast);
  });
});

describe('boundedEditDistance', () => {
  it('counts a transposition as one edit and stops above the bound', () => {
    expect(boundedEditDistance('sitoi', 'sitio', 1)).toBe(1);
    expect(boundedEditDistance('factrar', 'facturar', 1)).toBe(1);
    expect(boundedEditDistance('abcdef', 'uvwxyz', 1)).toBe(2);
  });
});
