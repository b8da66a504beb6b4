import { describe, expect, it } from 'vitest';
import { findAsideText } from './find-aside-text.js';

/** The set-aside parts of `body`, as [kind, text] pairs. */
const aside = (body: string, subject = 'Asunto') => findAsideText(subject, body).map((s) => [s.kind, body.slice(s.start, s.end)] as const);

describe('findAsideText', () => {
  it("finds nothing in a ticket that only has the customer's words", () => {
    expect(aside('El sistema no factura.\nDesde las 8 ninguna caja imprime.')).toEqual([]);
    expect(aside('Una sola línea sin saltos')).toEqual([]);
  });
  it('sets aside a Spanish Gmail reply header and everything quoted after it', () => {
    const body = 'Sigue sin facturar.\n\nEl lun, 3 nov 2025 a las 9:12, Soporte <s@x.com> escribió:\n> Su caso es normal.\n> Saludos';
    expect(aside(body)).toEqual([['quote', body.slice(body.indexOf('El lun'))]]);
  });
  it('joins a reply header wrapped over two lines, in Portuguese', () => {
    const body = 'Continua parado.\n\nEm seg., 3 de nov. de 2025 às 10:02, Suporte Loja\n<suporte@loja.com> escreveu:\n> Tudo ok.';
    expect(aside(body)[0]![1]).toMatch(/^Em seg\./);
  });
  it('sets aside English "On … wrote:" and Outlook\'s "De: / Enviado: / Para: / Asunto:" block with what follows', () => {
    expect(aside('Still down.\n\nOn Mon, Nov 3, 2025 at 9:00 AM Bob <b@x.com> wrote:\n> ok')[0]![0]).toBe('quote');
    const outlook =
      'Peor que ayer.\n\n________________________________\nDe: Soporte\nEnviado: lunes, 3 de noviembre\nPara: Ana\nAsunto: RE: caja\n\nTodo funciona.';
    expect(aside(outlook)).toEqual([['quote', outlook.slice(outlook.indexOf('____'))]]);
  });
  it('sets aside quoted ">" lines between the customer\'s own lines, keeping those', () => {
    const body = '> ¿Puede reiniciar la caja?\nYa la reinicié y sigue igual.\n> ¿Y el servidor?\nTambién.';
    expect(aside(body)).toEqual([
      ['quote', '> ¿Puede reiniciar la caja?'],
      ['quote', '> ¿Y el servidor?'],
    ]);
  });
  it("keeps a forwarded message's text and sets aside only its header", () => {
    const body =
      'Les reenvío esto.\n\n---------- Forwarded message ---------\nDe: Paola <p@x.com>\nDate: lun, 3 nov 2025\nSubject: caja\nTo: <g@x.com>\n\nNinguna caja factura.';
    const parts = aside(body);
    expect(parts.map((p) => p[0])).toEqual(['forward-header']);
    expect(parts[0]![1]).toMatch(/^-+ Forwarded message -+\nDe: Paola/);
    expect(parts[0]![1]).not.toMatch(/Ninguna caja/);
  });
  it('reads an Outlook header block as a forward when the subject says so', () => {
    const body = 'Mirad lo que nos escriben.\n\nDe: Ana <a@x.com>\nEnviado: lunes\nPara: Soporte\nAsunto: RV: web\n\nLa web no carga.';
    expect(aside(body, 'RV: web').map((p) => p[0])).toEqual(['forward-header']);
  });
  it('sets aside a signature after a sign-off: name, role, company and phone', () => {
    const body = '¿Cómo saco el reporte de IVA?\n\nSaludos,\nMarta Quintero\nContadora\nFerretería La Llave\nTel. 604 321 7788';
    expect(aside(body)).toEqual([['signature', body.slice(body.indexOf('Saludos'))]]);
  });
  it('sets aside a last paragraph of short contact lines without a sign-off, and a confidentiality notice', () => {
    const body = 'La web no carga desde ayer.\n\nLaura Gómez\nJefa de sistemas\nMóvil: 600 123 456';
    expect(aside(body)).toEqual([['signature', body.slice(body.indexOf('Laura'))]]);
    const notice = 'La web no carga.\n\nAVISO LEGAL: este mensaje es confidencial y urgente para su destinatario.';
    expect(aside(notice)[0]![0]).toBe('signature');
  });
  it('never takes the whole text, nor a long paragraph after a thank-you, as a signature', () => {
    expect(aside('Gracias\nAna')).toEqual([]);
    const long = `Gracias.\n\n${'Además el sistema no deja facturar en ninguna de las cajas de la tienda del centro. '.repeat(2)}`;
    expect(aside(`Hola.\n${long}`)).toEqual([]);
  });
  it('reads a very long line as prose, in time linear in its length', () => {
    const body = `El ${'sistema '.repeat(20_000)}\n> quoted`;
    expect(aside(body)).toEqual([['quote', '> quoted']]);
  });
});
