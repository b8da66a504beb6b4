import type { Vocabulary, Words } from './normalize-text.js';

/**
 * Whether a ticket is written in a language the rules do not read (they read Spanish, Portuguese and English), by the
 * share of common function words. Why not a detector package: franc-min, tinyld and eld carry trigram tables for dozens
 * of languages (tens of KB gzipped) where the Worker bundle has a few KB to spare, and the question is only "one of ours,
 * or not": function words answer it for German, French and Italian, in one pass over the scanned words.
 * Words shared with es/pt/en ("le", "les", "mes", "tres", "was", "in", "um", "da") are in no foreign list.
 */
const GERMAN = new Set(
  (
    'der die das und ist nicht ich wir sie mit fur auf ein eine einen einem einer dem zu von bei auch kann konnen konnte ' +
    'haben wird werden sind bitte seit uns unser unsere unserer heute keine kein keinen noch schon aber oder wenn dass mehr ' +
    'nur alle gibt funktioniert mein meine hallo danke sehr wie leider immer sich nach wurde'
  ).split(' '),
);
const FRENCH = new Set(
  (
    'et est nous vous pas je une avec pour dans qui tout tous sont avons depuis merci bonjour aujourdhui votre notre cette ' +
    'ce il elle ils au aux du etre fait peut pouvons toujours encore mon sans quand comme donc ne plus cest ' +
    'pouvez fonctionne probleme'
  ).split(' '),
);
const ITALIAN = new Set(
  (
    'di che non per sono siamo abbiamo nostro nostra nostri nostre vostro vostra gli della delle dello degli nel nella nei ' +
    'questo questa ancora oggi grazie buongiorno salve riesce riusciamo possiamo funziona piu anche sempre molto mai nessuno ' +
    'ogni perche ci ho hanno essere fare stamattina ieri aiuto potete'
  ).split(' '),
);
const KNOWN = new Set(
  (
    'el la los las de del que y en un una no por con para es se lo al como pero su sus hay esta este estamos desde muy ya ' +
    'nada todo todos cuando porque me mi hemos tenemos puede pueden o os a as do da dos das em na nas nao um uma isso esse ' +
    'essa voce temos ja ao pelo pela foi sao eu the and to of is in it we our not for on with this that can be are have ' +
    'has since all i you my please from at an was were there any but'
  ).split(' '),
);
/** At least this many foreign function words, and at least FOREIGN_RATIO times as many as ours. */
const MIN_FOREIGN = 3;
const FOREIGN_RATIO = 2;

const NOT_YET = 0;
const OTHER = 1;
const OURS = 2;
const DE = 3;
const FR = 4;
const IT = 5;

function classify(w: string): number {
  return KNOWN.has(w) ? OURS : GERMAN.has(w) ? DE : FRENCH.has(w) ? FR : ITALIAN.has(w) ? IT : OTHER;
}

export type UnreadLanguage = { language: 'German' | 'French' | 'Italian'; foreign: number; known: number };

/**
 * Tells whether scanned words are in a language the rules do not read. Keeps each word's class by its id in the
 * vocabulary of the last text (looked up in the lists once), as the phrase matcher keeps its word codes.
 */
export class UnreadLanguageDetector {
  /** Per word id of `vocabulary`: its class, or NOT_YET. */
  private classOf = new Int8Array(1024);
  private vocabulary: Vocabulary | null = null;

  /** The foreign language the scanned words are written in (words where `skip` is not 0 not counted), or null. */
  detect(t: Words, skip: Int8Array | null): UnreadLanguage | null {
    if (this.vocabulary !== t.vocabulary) {
      this.classOf.fill(NOT_YET);
      this.vocabulary = t.vocabulary;
    }
    const counts = new Int32Array(6);
    for (let i = 0; i < t.n; i++) {
      if (skip !== null && skip[i] !== 0) continue;
      const id = t.id[i]!;
      if (id >= this.classOf.length) {
        const grown = new Int8Array(Math.max(id + 1, this.classOf.length * 2));
        grown.set(this.classOf);
        this.classOf = grown;
      }
      let c = this.classOf[id]!;
      if (c === NOT_YET) c = this.classOf[id] = classify(t.norm[i]!);
      counts[c] = counts[c]! + 1;
    }
    const foreign = Math.max(counts[DE]!, counts[FR]!, counts[IT]!);
    const known = counts[OURS]!;
    if (foreign < MIN_FOREIGN || foreign < FOREIGN_RATIO * known) return null;
    const language = foreign === counts[DE] ? 'German' : foreign === counts[FR] ? 'French' : 'Italian';
    return { language, foreign, known };
  }
}
