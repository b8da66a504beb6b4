import { describe, expect, it } from 'vitest';
import { UnreadLanguageDetector } from './detect-unread-language.js';
import { WordScanner } from './normalize-text.js';

const language = (text: string) => new UnreadLanguageDetector().detect(new WordScanner().scan(text), null)?.language ?? null;

describe('UnreadLanguageDetector', () => {
  it('names German and French tickets', () => {
    expect(language('Seit gestern können wir keine Rechnungen mehr drucken, bitte helfen Sie uns.')).toBe('German');
    expect(language("Depuis ce matin nous ne pouvons plus nous connecter à l'application, merci de votre aide.")).toBe('French');
  });
  it('names Italian tickets', () => {
    expect(language('Buongiorno, da stamattina nessuno riesce ad accedere alla piattaforma, grazie per il vostro aiuto.')).toBe('Italian');
  });
  it('leaves Spanish, Portuguese and English alone, even with a foreign word or two', () => {
    expect(language('Les escribo porque desde ayer no podemos facturar, el sistema dice "Fehler" y nada más.')).toBeNull();
    expect(language('Bom dia, o sistema não emite notas desde cedo, merci.')).toBeNull();
    expect(language('Hello, since this morning none of our users can log in to the portal.')).toBeNull();
  });
  it('does not guess from too few words', () => {
    expect(language('Bonjour')).toBeNull();
    expect(language('Problem mit')).toBeNull();
  });
  it('gives the same answers to texts of two scanners taking turns as a detector of its own for each text', () => {
    const texts = [
      'Seit gestern können wir keine Rechnungen mehr drucken, bitte helfen Sie uns.',
      'Les escribo porque desde ayer no podemos facturar, el sistema dice "Fehler" y nada más.',
      "Depuis ce matin nous ne pouvons plus nous connecter à l'application, merci de votre aide.",
      'Buongiorno, da stamattina nessuno riesce ad accedere alla piattaforma, grazie per il vostro aiuto.',
    ];
    // Small vocabularies, replaced as the texts come: the detector's classes by id must follow each text's own.
    const scanners = [new WordScanner(12), new WordScanner(20)];
    const detector = new UnreadLanguageDetector();
    const got: (string | null)[] = [];
    for (let round = 0; round < 4; round++)
      for (const [k, text] of texts.entries()) got.push(detector.detect(scanners[(k + round) % 2]!.scan(text), null)?.language ?? null);
    expect(got).toEqual(Array.from({ length: 4 }, () => texts.map(language)).flat());
    expect(new Set(got)).toEqual(new Set(['German', null, 'French', 'Italian']));
  });
});
