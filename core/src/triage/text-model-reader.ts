import type { Words } from './normalize-text.js';
import type { TextModel } from './text-model-schema.js';

/** A word the model reads: three characters or more, with a letter (numbers and short function words say little). */
export function isModelWord(norm: string): boolean {
  return norm.length >= 3 && /\p{L}/u.test(norm);
}

/** Scale of a word's value: each of a ticket's n distinct words counts SCALE / √n, so long and short tickets weigh alike. */
export const MODEL_WORD_SCALE = 3;

/** The distinct words the model reads among those where `skip` is 0, in order of first use (what training sees). */
export function modelWordsOf(t: Words, skip: Int8Array | null): string[] {
  const words = new Set<string>();
  for (let i = 0; i < t.n; i++) if ((skip === null || skip[i] === 0) && isModelWord(t.norm[i]!)) words.add(t.norm[i]!);
  return [...words];
}

export type ModelReading = {
  label: string;
  probability: number;
  /** How many distinct words the model read. */
  read: number;
  /** The label the model scores next highest. */
  runnerUp: string;
  /** The model's rows of the words read (for `strongestWords`). */
  rows: readonly number[];
};

/** Row markers: a model word the model has no row for, a word not yet looked up, a word the model does not read. */
const NO_ROW = -1;
const NOT_YET = -2;
const NOT_READ = -3;
/** How many words a reading names as its evidence. */
const STRONGEST = 5;

/**
 * Reads scanned words with one policy's text model. Per policy instance (like the scanner it follows): it keeps, per word id of
 * the scanner's current vocabulary, the model's row for that word, so each word is looked up once.
 */
export class TextModelReader {
  private readonly rowOf: Map<string, number>;
  private readonly weights: Float64Array;
  private readonly labels: readonly string[];
  private readonly bias: readonly number[];
  private readonly wordOfRow: string[];
  private cached = new Int32Array(1024).fill(NOT_YET);
  private seenAt = new Int32Array(1024);
  private stamp = 0;
  private vocabulary: Words['vocabulary'] | null = null;
  /** Scratch: a reading's score per label. */
  private readonly z: Float64Array;

  constructor(model: TextModel) {
    this.labels = model.labels;
    this.bias = model.bias;
    this.wordOfRow = Object.keys(model.words);
    this.rowOf = new Map(this.wordOfRow.map((w, i) => [w, i]));
    const k = model.labels.length;
    this.z = new Float64Array(k);
    this.weights = new Float64Array(this.wordOfRow.length * k);
    for (const [i, w] of this.wordOfRow.entries()) this.weights.set(model.words[w]!, i * k);
  }

  /** The model's label for the words where `skip` is 0 (each distinct word once), and its probability. */
  read(t: Words, skip: Int8Array | null): ModelReading {
    if (this.vocabulary !== t.vocabulary) {
      this.cached.fill(NOT_YET);
      this.vocabulary = t.vocabulary;
    }
    if (++this.stamp === 0x7fffffff) {
      this.seenAt.fill(0);
      this.stamp = 1;
    }
    const rows: number[] = [];
    let distinct = 0;
    for (let i = 0; i < t.n; i++) {
      if (skip !== null && skip[i] !== 0) continue;
      const id = t.id[i]!;
      if (id >= this.cached.length) this.growTo(id + 1);
      if (this.seenAt[id] === this.stamp) continue;
      this.seenAt[id] = this.stamp;
      let row = this.cached[id]!;
      if (row === NOT_YET) {
        const norm = t.norm[i]!;
        row = this.cached[id] = isModelWord(norm) ? (this.rowOf.get(norm) ?? NO_ROW) : NOT_READ;
      }
      if (row === NOT_READ) continue;
      distinct++;
      if (row >= 0) rows.push(row);
    }
    const k = this.labels.length;
    const value = distinct > 0 ? MODEL_WORD_SCALE / Math.sqrt(distinct) : 0;
    const z = this.z;
    for (let j = 0; j < k; j++) z[j] = this.bias[j]!;
    for (const row of rows) for (let j = 0; j < k; j++) z[j] = z[j]! + value * this.weights[row * k + j]!;
    let best = 0;
    for (let j = 1; j < k; j++) if (z[j]! > z[best]!) best = j;
    let second = best === 0 ? 1 : 0;
    for (let j = 0; j < k; j++) if (j !== best && z[j]! > z[second]!) second = j;
    let sum = 0;
    for (let j = 0; j < k; j++) sum += Math.exp(z[j]! - z[best]!);
    return { label: this.labels[best]!, probability: 1 / sum, read: distinct, runnerUp: this.labels[second]!, rows };
  }

  /** Up to STRONGEST words of a reading that weighed most for its label over `against`, strongest first. */
  strongestWords(reading: ModelReading, against: string | null): string[] {
    const k = this.labels.length;
    const best = this.labels.indexOf(reading.label);
    let other = against === null ? -1 : this.labels.indexOf(against);
    // The rules' label is not one the model knows (or is its own): weigh against the model's runner-up.
    if (other < 0 || other === best) other = this.labels.indexOf(reading.runnerUp);
    const lead = (row: number) => this.weights[row * k + best]! - this.weights[row * k + other]!;
    // The five largest leads in one pass (reading stays linear in the ticket's words), kept in descending order.
    const top: number[] = [];
    for (const row of reading.rows) {
      const l = lead(row);
      if (l <= 0 || (top.length === STRONGEST && l <= lead(top[STRONGEST - 1]!))) continue;
      let at = top.length < STRONGEST ? top.length : STRONGEST - 1;
      while (at > 0 && lead(top[at - 1]!) < l) at--;
      top.splice(at, 0, row);
      if (top.length > STRONGEST) top.pop();
    }
    return top.map((r) => this.wordOfRow[r]!);
  }

  private growTo(n: number): void {
    const size = Math.max(n, this.cached.length * 2);
    const cached = new Int32Array(size).fill(NOT_YET);
    cached.set(this.cached);
    this.cached = cached;
    const seen = new Int32Array(size);
    seen.set(this.seenAt);
    this.seenAt = seen;
  }
}
