import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { evaluateTicket } from '../evaluate/evaluate-ticket.js';
import { evaluationSchema } from '../evaluation/evaluation-schema.js';
import { builtInPolicies } from '../policies/built-in-policies.js';
import { parsePolicy } from '../policy/parse-policy.js';
import type { Policy } from '../policy/policy-schema.js';
import { parseTicket } from '../ticket/parse-ticket.js';
import type { TicketInput } from '../ticket/ticket-schema.js';

const builtIn = (id: string): Policy => {
  const p = builtInPolicies.get(id);
  if (!p) throw new Error(id);
  return p;
};

/** A built-in policy re-read with changes, as an installation's own policy would be. */
function variant(id: string, change: (raw: Record<string, unknown>) => void): Policy {
  const raw = structuredClone(builtIn(id)) as unknown as Record<string, unknown>;
  change(raw);
  const parsed = parsePolicy(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issue));
  return parsed.value;
}

function messages(policy: Policy, input: Partial<TicketInput> & { createdAt: string }, now = input.createdAt) {
  const ticket = parseTicket({ id: 'github:1:acme/pos#12', reference: '#12', subject: '', body: '', ...input });
  if (!ticket.ok) throw new Error(ticket.issue.detail);
  const result = evaluateTicket(policy, ticket.value, DateTime.fromISO(now).toMillis());
  if (!result.ok) throw new Error(result.issue.detail);
  return evaluationSchema.parse(result.value).messages ?? [];
}
const codes = (ms: { audience: string; code: string }[], audience: string) => ms.filter((m) => m.audience === audience).map((m) => m.code);
const text = (ms: { code: string; text: string }[], code: string) => ms.find((m) => m.code === code)?.text;

const websaas = builtIn('websaas');
const saturday = '2026-03-07T10:00:00-05:00';
const complete = 'Empresa: Tienda La 14 SAS. Teléfono 3104445566, correo ana@tienda14.co.\nAtentamente,\nAna Ruiz';

describe('composeMessages: what the customer is told', () => {
  it('confirms the case number, and tells a request kept out of hours when it will be handled, in Spanish', () => {
    const ms = messages(websaas, { createdAt: saturday, subject: '¿Cómo genero el reporte de ventas?', body: complete });
    expect(codes(ms, 'customer')).toEqual(['case-opened', 'after-hours']);
    expect(text(ms, 'case-opened')).toBe(
      'Su solicitud de servicio quedó registrada con el número de caso #12. Por favor, indíquelo en toda comunicación sobre esta solicitud.',
    );
    expect(text(ms, 'after-hours')).toMatch(/será atendida desde la próxima apertura: lunes, 9 de marzo de 2026, 07:00 \(UTC-05:00\)\.$/);
    expect(ms.find((m) => m.code === 'after-hours')?.params).toEqual({ opening: '2026-03-09T07:00:00-05:00' });
    for (const m of ms.filter((x) => x.audience === 'customer')) expect(m.locale).toBe('es');
  });

  it('does not tell an urgent request out of hours to wait for the opening', () => {
    const ms = messages(websaas, {
      createdAt: saturday,
      subject: 'Urgente: el punto de venta está parado, no podemos facturar',
      body: complete,
    });
    expect(codes(ms, 'customer')).toEqual(['case-opened']);
  });

  it('asks for exactly the missing information, in the policy labels, as one list', () => {
    const ms = messages(websaas, {
      createdAt: '2026-03-09T10:00:00-05:00',
      subject: '¿Cómo genero el reporte de ventas?',
      body: 'Hola, necesito ayuda para generar el reporte de ventas del mes pasado en el sistema.',
    });
    expect(codes(ms, 'customer')).toEqual(['case-opened', 'missing-information']);
    expect(text(ms, 'missing-information')).toBe(
      'Para atender su solicitud necesitamos que nos indique: Nombre de la empresa, Nombre de la persona que reporta, ' +
        'Teléfono de contacto y Correo electrónico de contacto.',
    );
    expect(ms.find((m) => m.code === 'missing-information')?.params).toEqual({ missing: ['company', 'person', 'phone', 'email'] });
  });

  it('says nothing to the customer once an agent has answered in public, nor after the opening has come', () => {
    const answered = messages(
      websaas,
      {
        createdAt: saturday,
        subject: '¿Cómo genero el reporte?',
        timeline: [{ type: 'reply', at: '2026-03-09T07:30:00-05:00', byAgent: true }],
      },
      '2026-03-09T08:00:00-05:00',
    );
    expect(codes(answered, 'customer')).toEqual([]);
    const afterOpening = messages(
      websaas,
      { createdAt: saturday, subject: '¿Cómo genero el reporte?', body: complete },
      '2026-03-09T07:00:00-05:00',
    );
    expect(codes(afterOpening, 'customer')).toEqual(['case-opened']);
  });

  it('writes in Portuguese, the opening instant too, when the policy is in Portuguese', () => {
    const pt = variant('websaas', (raw) => {
      raw.id = 'websaas-pt';
      raw.locale = 'pt';
    });
    const ms = messages(pt, {
      createdAt: saturday,
      subject: 'Como gero o relatório de vendas?',
      body: 'Preciso de ajuda com o relatório.',
    });
    expect(ms.filter((m) => m.audience === 'customer').every((m) => m.locale === 'pt')).toBe(true);
    expect(text(ms, 'case-opened')).toMatch(/^A sua solicitação de serviço ficou registada com o número de caso #12\./);
    expect(text(ms, 'after-hours')).toMatch(
      /a partir da próxima abertura: segunda-feira, 9 de março de 2026,? (?:às )?07:00 \(UTC-05:00\)\.$/,
    );
    expect(text(ms, 'missing-information')).toMatch(
      /Nome da empresa, Nome da pessoa que reporta, Telefone de contacto e E-mail de contacto\.$/,
    );
  });

  it('falls back to Spanish, never English, when a text lacks the policy locale', () => {
    const pt = variant('websaas', (raw) => {
      raw.id = 'websaas-pt';
      raw.locale = 'pt';
      const intake = raw.intake as { customerMessages: { caseOpened: Record<string, string> } };
      intake.customerMessages.caseOpened = { es: 'Caso {case} registrado.', en: 'Case {case} recorded.' };
    });
    const ms = messages(pt, { createdAt: '2026-03-09T10:00:00-05:00', subject: 'Reporte', body: complete });
    expect(ms.find((m) => m.code === 'case-opened')).toMatchObject({ locale: 'es', text: 'Caso #12 registrado.' });
  });

  it('asks Peewah customers for two more contacts and, on technical tickets, the event URL', () => {
    const ms = messages(builtIn('peewah'), {
      createdAt: '2026-03-09T10:00:00-05:00',
      subject: 'Agenda',
      body: 'La agenda sale desordenada',
    });
    expect(codes(ms, 'customer')).toEqual(['missing-information']);
    expect(text(ms, 'missing-information')).toBe(
      'Para que el equipo de PEEWAH pueda reproducir y resolver su caso, por favor envíenos: URL del evento y el correo electrónico de ' +
        'mínimo 2 personas más que puedan recibir comunicación del equipo de soporte.',
    );
  });

  it("asks Skedu customers for their account's data", () => {
    const ms = messages(builtIn('skedu'), {
      createdAt: '2026-03-09T10:00:00-04:00',
      subject: 'No puedo entrar',
      body: 'No puedo iniciar sesión',
    });
    expect(text(ms, 'missing-information')).toBe(
      'Para ayudarle con su solicitud necesitamos reunir los datos de su cuenta; por favor, indíquenos su nombre y el correo electrónico de su cuenta en Skedu.',
    );
  });

  it('refuses a policy whose customer message uses an unknown placeholder, naming it and where', () => {
    const raw = structuredClone(websaas) as unknown as { intake: { customerMessages: { caseOpened: Record<string, string> } } };
    raw.intake.customerMessages.caseOpened = { es: 'Caso {caso} registrado.' };
    const parsed = parsePolicy(raw);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issue.problems).toContainEqual({
      path: 'intake.customerMessages.caseOpened.es',
      message: 'unknown placeholder "{caso}"; known: {case}',
    });
  });
});

describe('composeMessages: what the agent is shown', () => {
  it("shows Peewah's routing category with its channel, and the self-help guides on low priority", () => {
    const ms = messages(builtIn('peewah'), {
      createdAt: '2026-03-09T10:00:00-05:00',
      subject: 'Prioridad Baja - Cambiar el banner de la landing',
      body: '¿Cómo cambio el banner de la landing page?',
    });
    expect(ms.find((m) => m.code === 'category')).toMatchObject({
      audience: 'agent',
      text: 'Categoría: Soporte técnico — canal: soporte@peewah.co',
      params: { category: 'tecnico', contact: 'soporte@peewah.co' },
    });
    expect(text(ms, 'hint:self-help')).toMatch(/https:\/\/support\.peewah\.co\//);
    const high = messages(builtIn('peewah'), {
      createdAt: '2026-03-09T10:00:00-05:00',
      subject: 'Prioridad Alta - Nadie puede inscribirse',
    });
    expect(codes(high, 'agent')).not.toContain('hint:self-help');
  });

  it("shows Skedu's tier and, for a payment, the supervisor hint", () => {
    const ms = messages(builtIn('skedu'), {
      createdAt: '2026-03-09T10:00:00-04:00',
      subject: 'Pago no reflejado',
      body: 'Pagamos la mensualidad por transferencia y no aparece reflejado el pago.',
    });
    expect(text(ms, 'tier')).toBe(
      'Nivel de soporte: Soporte administrativo — Asuntos contractuales, pagos, inquietudes comerciales; los contractuales, ' +
        'de información privada y de pagos van a la jefatura.',
    );
    expect(text(ms, 'hint:supervisor')).toMatch(/^Asunto contractual, de información privada o de pagos/);
    const login = messages(builtIn('skedu'), { createdAt: '2026-03-09T10:00:00-04:00', subject: 'No puedo iniciar sesión' });
    expect(text(login, 'tier')).toBe(
      'Nivel de soporte: Soporte de Nivel 1 — Asistencia de nivel técnico básico: reúne la información del cliente y resuelve ' +
        'problemas técnicos básicos.',
    );
    expect(codes(login, 'agent')).not.toContain('hint:supervisor');
  });

  it("adds the category's and the tier's description in the policy's locale, else in Spanish", () => {
    const pt = variant('peewah', (raw) => {
      raw.id = 'peewah-pt';
      raw.locale = 'pt';
      const categories = raw.categories as { id: string; description?: Record<string, string> }[];
      categories.find((c) => c.id === 'tecnico')!.description = { es: 'Fallos de la plataforma.', pt: 'Falhas da plataforma.' };
    });
    const ms = messages(pt, { createdAt: '2026-03-09T10:00:00-05:00', subject: 'Prioridad Baja - Cambiar el banner de la landing' });
    expect(text(ms, 'category')).toBe('Categoria: Suporte técnico — canal: soporte@peewah.co — Falhas da plataforma.');
    const skeduPt = variant('skedu', (raw) => {
      raw.id = 'skedu-pt';
      raw.locale = 'pt';
    });
    const login = messages(skeduPt, { createdAt: '2026-03-09T10:00:00-04:00', subject: 'Não consigo iniciar sessão' });
    // Skedu's tier descriptions have no Portuguese: the Spanish one, never the English.
    expect(text(login, 'tier')).toMatch(/^Nível de suporte: Suporte de Nível 1 — Asistencia de nivel técnico básico/);
  });

  it("shows Soporte Justo's hints: check ISP/Outlook/Windows first, and a concrete subject when it is vague", () => {
    const vague = messages(builtIn('soporte-justo'), {
      createdAt: '2026-03-09T10:00:00-05:00',
      subject: 'Ayuda!!',
      body: 'No me llegan los correos a Outlook desde ayer, en Windows 11.',
    });
    expect(codes(vague, 'agent')).toEqual(['hint:external-causes', 'hint:concrete-subject']);
    expect(text(vague, 'hint:concrete-subject')).toBe('El asunto debe ser lo más concreto posible.');
    const concrete = messages(builtIn('soporte-justo'), { createdAt: '2026-03-09T10:00:00-05:00', subject: 'cPanel no carga desde ayer' });
    expect(codes(concrete, 'agent')).toEqual([]);
  });
});
