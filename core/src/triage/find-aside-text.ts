/**
 * Parts of a ticket's body that are not the customer's new words: quoted earlier messages, a forwarded message's header,
 * the signature. Triage reads none of them as evidence; the signature and a forward's header still give contact details.
 *
 * Why not a reply-parser package: `email-reply-parser` (crisp-oss) imports Node's `module` (no browser), has no Spanish or
 * Portuguese sign-offs nor Outlook's "De: / Enviado: / Para: / Asunto:" block without an address in brackets, and its
 * `^El\s.+\s.+…escribió` regexes backtrack quadratically on a long line starting "El "; `planer` (talon's port) knows no
 * "El … escribió" / "Em … escreveu" and finds no signatures in plain text; `node-email-reply-parser` and `talon` are English
 * only, with lodash. So this is the line scan those parsers make, with the markers listed below, in time linear in the text.
 */
export type AsideKind = 'quote' | 'forward-header' | 'signature';
export type AsideSpan = { start: number; end: number; kind: AsideKind; lines: number };

/** "On … wrote:", "El … escribió:", "Em … escreveu:", "Le … a écrit :", "Am … schrieb …:" (possibly wrapped over two lines). */
const REPLY_HEADER_END = /(?:\bwrote|\bescribi[oó]|\bescreveu|\bcrit|\bschrieb\b.*)\s*:\s*$/i;
const REPLY_HEADER_START = /^(?:on|el|em|le|am|op|il)\s/i;
/** Outlook's and Gmail's separators; the "original message" ones open the quoted history, the forwarded ones a forward. */
const SEPARATOR =
  /^-*\s*(?:(original message|mensaje original|mensagem original|message d'origine)|(forwarded message|mensaje reenviado|mensagem encaminhada|begin forwarded message|inicio del mensaje reenviado|mensaje reenviado))\s*:?\s*-*$/i;
/** A header line of a quoted or forwarded message: "De: …", "Enviado el: …", "Asunto: …". */
const HEADER_LINE =
  /^\*?(?:de|from|von|enviado(?: el)?|enviada(?: em)?|sent|fecha|date|data|para|to|cc|cco|bcc|asunto|assunto|subject|objet|importancia|importance)\s*:/i;
const FROM_LINE = /^\*?(?:de|from|von)\s*:\*?\s*\S/i;
const SENT_LINE = /^\*?(?:enviado(?: el)?|enviada(?: em)?|sent|fecha|date|data)\s*:/i;
const FORWARD_SUBJECT = /^\s*(?:\[[^\]]*\]\s*)?(?:fwd?|rv|reenv(?:io|iado)?|enc|tr)\s*:/i;
/** A whole line that only signs off: "Saludos,", "Un saludo", "Atentamente", "Abraços", "Best regards". */
const SIGN_OFF_LINE =
  /^(?:(?:un |muchos |cordiales |muchas |mil )?(?:saludos?|gracias)(?: cordiales| atentos| y (?:buen|feliz) d[ií]a)?|atentamente|cordialmente|atte?|quedo (?:atento|atenta)|quedamos (?:atentos|atentas)|(?:un )?abrazos?|(?:muito )?obrigad[oa]s?|atenciosamente|(?:um )?abra[çc]os?|abs|cumprimentos|(?:best |kind |warm |many )?(?:regards|thanks)|best|thank you|cheers|sincerely|(?:best|kind) wishes)[\s,.!]*$/i;
/** A phone app's or mail client's footer. */
const DEVICE_LINE = /^(?:enviado desde|sent from|enviado do|get outlook for|obtener outlook para|descargar outlook)\b/i;
/** A line of contact details: a labelled phone, e-mail or web line, or a bare phone number or address. */
const CONTACT_LINE =
  /^(?:(?:tel[eé]?f?(?:ono)?|tlf|tfno|m[oó]vil|cel(?:ular)?|whats?app|phone|mobile|fax|e-?mail|correo|web)\b|www\.|https?:|\+?[\d\s().-]{7,}$|\S+@\S+\.\S+$)/i;
/** The first line of a confidentiality notice. */
const DISCLAIMER_LINE =
  /^(?:aviso(?: legal| de confidencialidad)?\b|confidencialidad\b|confidentiality\b|disclaimer\b|este (?:correo|mensaje|e-?mail)\b|esta mensagem\b|this (?:e-?mail|message)\b|la informaci[oó]n contenida\b|the information (?:contained|in this)\b|antes de imprimir\b|please consider the environment)/i;
/** A signature block after a sign-off: at most this many lines, none longer than SIGNATURE_LINE_CHARS. */
const SIGNATURE_LINES = 8;
const SIGNATURE_LINE_CHARS = 80;
/** Lines longer than this are prose, never a marker (also bounds the regexes' work per line). */
const MARKER_LINE_CHARS = 300;
/** Separators, sign-offs and device lines are short: longer lines skip those tests. */
const SHORT_LINE_CHARS = 60;
/** A line of underscores or dashes (Outlook draws one above a quoted header). */
const RULE_LINE = /^[_-]{8,}$/;
/** First chars of a "From:" line: D(e), F(rom), V(on), or "*" (bold in a pasted header). */
const FROM_INITIAL = new Set([68, 100, 70, 102, 86, 118, 42]);

/** A line's bounds in the body, whether it is blank, and its trimmed text ('' when blank or too long to be a marker). */
type Line = { start: number; end: number; blank: boolean; text: string };

function linesOf(body: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= body.length) {
    let nl = body.indexOf('\n', start);
    if (nl < 0) nl = body.length;
    let s = start;
    let e = nl;
    while (s < e && isBlank(body.charCodeAt(s))) s++;
    while (e > s && isBlank(body.charCodeAt(e - 1))) e--;
    lines.push({ start, end: nl, blank: s === e, text: e - s <= MARKER_LINE_CHARS ? body.slice(s, e) : '' });
    if (nl >= body.length) break;
    start = nl + 1;
  }
  return lines;
}

const isBlank = (c: number) => c === 32 || c === 9 || c === 13 || c === 0xa0;

/** Where the quoted history starts (a line index), or -1; `forwards` collects forwarded headers' line ranges instead. */
function quoteStart(lines: Line[], isForward: boolean, forwards: [number, number][]): number {
  let ownSeen = false;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (t === '') {
      if (!lines[i]!.blank) ownSeen = true;
      continue;
    }
    if (t.charCodeAt(0) === 62 /* > */) {
      // A run of ">" lines at the end, or between own words: only these lines are quoted.
      continue;
    }
    const c0 = t.charCodeAt(0);
    const sep = c0 === 45 || t.length <= SHORT_LINE_CHARS ? SEPARATOR.exec(t) : null;
    if (sep) {
      if (sep[1] && ownSeen) return i;
      const end = headerEnd(lines, i + 1);
      forwards.push([i, end]);
      i = end - 1;
      continue;
    }
    const endsHeader = t.charCodeAt(t.length - 1) === 58 /* : */ && REPLY_HEADER_END.test(t);
    if (endsHeader && (REPLY_HEADER_START.test(t) || (i > 0 && REPLY_HEADER_START.test(lines[i - 1]!.text)))) {
      const first = REPLY_HEADER_START.test(t) ? i : i - 1;
      if (ownSeen && first > 0) return first;
      forwards.push([first, i + 1]);
      continue;
    }
    if (FROM_INITIAL.has(c0) && FROM_LINE.test(t) && outlookBlock(lines, i)) {
      const first = i > 0 && RULE_LINE.test(lines[i - 1]!.text) ? i - 1 : i;
      if (ownSeen && !isForward) return first;
      const end = headerEnd(lines, i);
      forwards.push([first, end]);
      i = end - 1;
      continue;
    }
    if (!((c0 === 95 || c0 === 45) && RULE_LINE.test(t))) ownSeen = true;
  }
  return -1;
}

/** "De: …" followed within three lines by "Enviado: …" / "Sent: …" / "Date: …". */
function outlookBlock(lines: Line[], from: number): boolean {
  for (let j = from + 1; j <= from + 3 && j < lines.length; j++) if (SENT_LINE.test(lines[j]!.text)) return true;
  return false;
}

/** The line after a block of header lines starting at `from` (blank lines before the block are part of it). */
function headerEnd(lines: Line[], from: number): number {
  let j = from;
  while (j < lines.length && lines[j]!.text === '' && j < from + 2) j++;
  while (j < lines.length && HEADER_LINE.test(lines[j]!.text)) j++;
  return j;
}

/** The first line of the signature among lines [0, end), or -1. */
function signatureStart(lines: Line[], end: number, excluded: Uint8Array): number {
  let firstOwn = -1;
  let lastOwn = -1;
  for (let i = 0; i < end; i++) {
    if (excluded[i] || lines[i]!.blank) continue;
    if (firstOwn < 0) firstOwn = i;
    lastOwn = i;
  }
  if (firstOwn < 0) return -1;
  for (let i = firstOwn + 1; i <= lastOwn; i++) {
    if (excluded[i]) continue;
    const t = lines[i]!.text;
    if (t === '') continue;
    if (lines[i - 1]!.blank && DISCLAIMER_LINE.test(t)) return i;
    if (t.length > SHORT_LINE_CHARS) continue;
    if (t === '--' || t === '—' || /^_{2,}$/.test(t) || DEVICE_LINE.test(t)) return i;
    if (SIGN_OFF_LINE.test(t) && shortBlock(lines, i + 1, lastOwn + 1, excluded)) return i;
  }
  // A last paragraph of a few short lines with contact details: "Laura Gómez / Jefa de caja / Tel. 961 234 567".
  let p = lastOwn;
  while (p > firstOwn && !lines[p - 1]!.blank) p--;
  if (p > firstOwn && lastOwn - p < 6 && shortBlock(lines, p, lastOwn + 1, excluded)) {
    for (let i = p; i <= lastOwn; i++) if (CONTACT_LINE.test(lines[i]!.text)) return p;
  }
  return -1;
}

function shortBlock(lines: Line[], from: number, to: number, excluded: Uint8Array): boolean {
  let n = 0;
  for (let i = from; i < to; i++) {
    if (excluded[i]) continue;
    if (lines[i]!.end - lines[i]!.start > SIGNATURE_LINE_CHARS) return false;
    if (!lines[i]!.blank && ++n > SIGNATURE_LINES) return false;
  }
  return true;
}

/**
 * The spans of `body` (offsets into it, in order, not overlapping) that are quoted history, forwarded headers or the signature.
 * `subject` tells a forward ("RV:", "Fwd:") from a reply: a forward's headers are set aside and its message kept.
 */
export function findAsideText(subject: string, body: string): AsideSpan[] {
  // Nothing to find without a line break: a one-line ticket has no quote header, signature block or ">" line after its text.
  if (body.indexOf('\n') < 0) return [];
  const lines = linesOf(body);
  const forwards: [number, number][] = [];
  const qs = quoteStart(lines, FORWARD_SUBJECT.test(subject), forwards);
  const end = qs < 0 ? lines.length : qs;
  const kind = new Uint8Array(lines.length); // 0 own, 1 quote, 2 forward header, 3 signature
  for (let i = end; i < lines.length; i++) kind[i] = 1;
  for (let i = 0; i < end; i++) if (lines[i]!.text.charCodeAt(0) === 62) kind[i] = 1;
  for (const [a, b] of forwards) for (let i = a; i < b && i < end; i++) kind[i] = 2;
  const ss = signatureStart(lines, end, kind);
  if (ss >= 0) for (let i = ss; i < end; i++) if (kind[i] === 0) kind[i] = 3;
  const spans: AsideSpan[] = [];
  const kinds: AsideKind[] = ['quote', 'quote', 'forward-header', 'signature'];
  for (let i = 0; i < lines.length; i++) {
    const k = kind[i]!;
    if (k === 0) continue;
    const last = spans[spans.length - 1];
    const counts = lines[i]!.blank ? 0 : 1;
    if (last && last.kind === kinds[k] && last.end + 1 >= lines[i]!.start) {
      last.end = lines[i]!.end;
      last.lines += counts;
    } else spans.push({ start: lines[i]!.start, end: lines[i]!.end, kind: kinds[k]!, lines: counts });
  }
  return spans.filter((s) => s.lines > 0);
}
