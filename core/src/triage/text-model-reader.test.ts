import { describe, expect, it } from 'vitest';
import { loadSlice } from '../../eval/eval-set.js';
import { builtInPolicies } from '../policies/built-in-policies.js';
import { WordScanner } from './normalize-text.js';
import { MODEL_WORD_SCALE, modelWordsOf, TextModelReader } from './text-model-reader.js';
import type { TextModel } from './text-model-schema.js';
import { textModelWords } from './triage.js';

/** The model's probabilities written out from its definition: a softmax over bias + Σ value · weight of each distinct word. */
function readPlainly(model: TextModel, words: readonly string[]): { label: string; probability: number } {
  const value = words.length > 0 ? MODEL_WORD_SCALE / Math.sqrt(words.length) : 0;
  const z = model.labels.map((_, j) => model.bias[j]! + words.reduce((sum, w) => sum + value * (model.words[w]?.[j] ?? 0), 0));
  const top = Math.max(...z);
  const total = z.reduce((sum, x) => sum + Math.exp(x - top), 0);
  const best = z.indexOf(top);
  return { label: model.labels[best]!, probability: 1 / total };
}

const model: TextModel = {
  labels: ['alta', 'baja'],
  bias: [0, 0.5],
  words: { caida: [2, -2], pregunta: [-1, 1], tienda: [0.5, 0] },
  threshold: 0.8,
  minWords: 0,
  trainedOn: { tickets: 2, digest: 'test' },
};

describe('TextModelReader', () => {
  it('agrees with the model read plainly on every dev ticket of every built-in policy', () => {
    let compared = 0;
    for (const policy of builtInPolicies.values()) {
      const m = policy.triage!.model!;
      const reader = new TextModelReader(m);
      const scanner = new WordScanner();
      for (const { case: c } of loadSlice('dev').filter((x) => x.case.policy === policy.id)) {
        const words = scanner.scan(`${c.subject}\n${c.body}`);
        const fast = reader.read(words, null);
        const plain = readPlainly(m, modelWordsOf(words, null));
        expect(fast.label).toBe(plain.label);
        expect(fast.probability).toBeCloseTo(plain.probability, 12);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(400);
  });

  it('counts a repeated word once and reads no word shorter than three letters', () => {
    const reader = new TextModelReader(model);
    const scanner = new WordScanner();
    const once = reader.read(scanner.scan('caida de la tienda'), null);
    const repeated = reader.read(scanner.scan('caida caida caida de la tienda tienda'), null);
    expect(repeated.probability).toBe(once.probability);
    expect(once.read).toBe(2);
  });

  it('reads only the words not set aside', () => {
    const reader = new TextModelReader(model);
    const words = new WordScanner().scan('pregunta caida');
    expect(reader.read(words, null).label).toBe('alta');
    expect(reader.read(words, Int8Array.of(0, 1)).label).toBe('baja');
  });

  it("names the words that weighed most for its label over the rules' label, strongest first", () => {
    const reader = new TextModelReader(model);
    const reading = reader.read(new WordScanner().scan('la tienda esta caida, una pregunta'), null);
    expect(reading.label).toBe('alta');
    expect(reader.strongestWords(reading, 'baja')).toEqual(['caida', 'tienda']);
    // A label the model does not know: over the model's own runner-up.
    expect(reader.strongestWords(reading, 'media')).toEqual(['caida', 'tienda']);
  });

  it('names at most five words, the five that weighed most, whatever their order in the text', () => {
    const weights = { uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8 };
    const eight: TextModel = {
      ...model,
      words: Object.fromEntries(Object.entries(weights).map(([w, x]) => [w, [x, 0]])),
    };
    const reader = new TextModelReader(eight);
    const scanner = new WordScanner();
    for (const text of [
      'uno dos tres cuatro cinco seis siete ocho',
      'ocho siete seis cinco cuatro tres dos uno',
      'cinco uno ocho tres siete dos seis cuatro',
    ]) {
      const reading = reader.read(scanner.scan(text), null);
      expect(reader.strongestWords(reading, 'baja')).toEqual(['ocho', 'siete', 'seis', 'cinco', 'cuatro']);
    }
  });

  it('gives training the same words triage reads: the quoted history is not among them', () => {
    const websaas = builtInPolicies.get('websaas')!;
    const words = textModelWords(websaas, {
      subject: 'Caja',
      body: 'La caja no abre.\n\nEl lun, 3 nov 2025 a las 10:00, Soporte <soporte@websaas.com> escribió:\n> Su caso fue clasificado como normal.',
    });
    expect(words).toContain('caja');
    expect(words).not.toContain('clasificado');
  });
});
