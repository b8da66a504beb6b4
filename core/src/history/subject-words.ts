import type { Policy } from '../policy/policy-schema.js';
import { normalizeWord } from '../triage/normalize-text.js';

/** Words too common to say two subjects are about one matter (es, pt, en); shorter than 3 letters are dropped anyway. */
const commonWords: ReadonlySet<string> = new Set(
  (
    'que los las por con para una uno unos unas del mis sus como pero mas muy hay esta este esto ese esa ' +
    'nao com uma umas uns pelo pela das dos nos nas meu minha seu sua isso ' +
    'the and for with not from this that our your are was have has can cannot'
  ).split(' '),
);

const declaredWords = new WeakMap<Policy, ReadonlySet<string>>();

/** The words a customer uses to declare a priority ("Prioridad Alta - …"): shared by unrelated subjects, so not evidence. */
function priorityWords(policy: Policy): ReadonlySet<string> {
  let words = declaredWords.get(policy);
  if (!words) {
    const raw = [
      ...policy.priorities.flatMap((p) => [p.id, ...Object.values(p.labels)]),
      ...(policy.declaredPriority?.prefixes ?? []),
      ...Object.values(policy.declaredPriority?.synonyms ?? {}).flat(),
      ...(policy.declaredPriority?.bare ?? []),
    ];
    words = new Set(raw.flatMap((w) => w.split(/[^\p{L}\p{N}]+/u)).map(normalizeWord));
    declaredWords.set(policy, words);
  }
  return words;
}

/** A subject's distinct words as duplicates compare them: normalised, 3 letters or more, no common or priority words. */
export function subjectWords(policy: Policy, subject: string): Set<string> {
  const ignored = priorityWords(policy);
  const words = new Set<string>();
  for (const raw of subject.match(/[\p{L}\p{N}]+/gu) ?? []) {
    const w = normalizeWord(raw);
    if (w.length >= 3 && !commonWords.has(w) && !ignored.has(w)) words.add(w);
  }
  return words;
}
