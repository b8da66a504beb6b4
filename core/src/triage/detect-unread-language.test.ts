import { describe, expect, it } from 'vitest';
import { detectUnreadLanguage } from './detect-unread-language.js';
import { WordScanner } from './normalize-text.js';

const language = (text: string) => detectUnreadLanguage(new WordScanner().scan(text), null)?.language ?? null;

describe('detectUnreadLanguage', () => {
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
});
