import type { Detector } from './triage-rules-schema.js';

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const URL = /\b(?:https?:\/\/|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|co|net|org|io|es|pt|br|cl|app|info|me|event|events)\/\S*/i;
const PHONE_CANDIDATE = /\+?\(?\d[\d\s().-]{5,}\d/g;
const SIGN_OFF =
  /\b(?:soy|me llamo|mi nombre es|les escribe|le escribe|habla|nombre\s*:|contacto\s*:|att\.?|atentamente|cordialmente|saludos|gracias|regards|thanks|best|cheers|i am|i'm|my name is|sou|meu nome (?:é|e)|obrigad[oa])[\s,:.-]*\n?\s*[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+(?:\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+)?/u;
const NAME_PAIR = /(?:^|[\n,;:\-–(]\s*)([A-ZÁÉÍÓÚÑ][a-záéíóúñ]{2,})\s+([A-ZÁÉÍÓÚÑ][a-záéíóúñ]{2,})\b/gu;
const NOT_NAMES = new Set(['Buenos', 'Buenas', 'Buen', 'Hola', 'Estimados', 'Estimado', 'Estimada', 'Cordial', 'Muchas', 'Gracias', 'Por', 'Good', 'Dear', 'Hello', 'Bom', 'Boa', 'Olá', 'Prioridad', 'Punto', 'Sistema', 'Empresa', 'Error']);

function hasPhone(text: string): boolean {
  for (const m of text.matchAll(PHONE_CANDIDATE)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length >= 7 && digits.length <= 15) return true;
  }
  return false;
}

function hasPersonName(text: string): boolean {
  if (SIGN_OFF.test(text)) return true;
  for (const m of text.matchAll(NAME_PAIR)) if (!NOT_NAMES.has(m[1]!)) return true;
  return false;
}

/** Whether one built-in detector finds its information in the ticket (pattern detectors are matched elsewhere). */
export function detectInformation(detector: Detector, subject: string, body: string, bodyWords: number): boolean {
  const text = `${subject}\n${body}`;
  switch (detector.kind) {
    case 'email':
      return EMAIL.test(text);
    case 'phone':
      return hasPhone(text.replace(EMAIL, ' '));
    case 'url':
      return URL.test(text);
    case 'person-name':
      return hasPersonName(body);
    case 'words':
      return bodyWords >= detector.min;
    case 'patterns':
      return false;
  }
}
