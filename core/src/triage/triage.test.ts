import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSlice } from '../../eval/eval-set.js';
import { withoutTextModel } from '../../eval/without-text-model.js';
import { evaluateTicket } from '../evaluate/evaluate-ticket.js';
import { builtInPolicies } from '../policies/built-in-policies.js';
import { parsePolicy } from '../policy/parse-policy.js';
import type { Policy } from '../policy/policy-schema.js';
import { parseTicket } from '../ticket/parse-ticket.js';
import { MAX_PATTERN_SLOTS } from './compile-pattern.js';
import { checkTriageRules, compileTriage, MAX_COMPILED_SLOTS, MAX_TERMS } from './compile-triage.js';
import { TRIAGE_BODY_CHARS, TRIAGE_SUBJECT_CHARS, triage } from './triage.js';
import { triageRulesSchema } from './triage-rules-schema.js';

const policy = (id: string) => builtInPolicies.get(id)!;
const run = (id: string, subject: string, body: string) => triage(policy(id), { subject, body });
/** A policy whose text model reads one word, "sandia", as strong evidence for `label` (and knows `others`). */
const withSandiaModel = (p: Policy, label: string, others: string[], weight = 10): Policy => ({
  ...p,
  triage: {
    ...p.triage!,
    model: {
      labels: [label, ...others],
      bias: [label, ...others].map(() => 0),
      words: { sandia: [weight, ...others.map(() => 0)] },
      threshold: 0.8,
      minWords: 15,
      trainedOn: { tickets: 1, digest: 'test' },
    },
  },
});
/** Sixteen distinct words or more around a how-to question (the rules read it as the lowest priority). */
const HOW_TO =
  'Buenas tardes, queríamos saber cómo se cambia el logo que aparece arriba en las facturas impresas de la sucursal centro, gracias sandía.';

describe('triage: WebSaaS priorities, contrast and negation', () => {
  it('reads "no podemos facturar" as urgente, quoting the words', () => {
    const r = run('websaas', 'Caja', 'Buenos días, no podemos facturar desde las 8.');
    expect(r.priority).toBe('urgente');
    expect(r.reasons.find((x) => x.kind === 'priority')!.evidence.join(' ')).toMatch(/no podemos facturar/);
  });
  it('reads a slow inventory that still lets them sell as importante, not urgente', () => {
    const r = run('websaas', 'Inventario', 'el inventario está lento, pero sí podemos seguir vendiendo');
    expect(r.priority).toBe('importante');
    expect(r.reasons.some((x) => x.rule.startsWith('ceiling:importante'))).toBe(true);
  });
  it('lets a later contrast clause that stops invoicing win over an earlier slow-down', () => {
    expect(run('websaas', 'Sistema', 'Esta mañana funcionaba lento pero ahora ya no podemos facturar nada').priority).toBe('urgente');
  });
  it('does not read "the system is not down" as down', () => {
    expect(run('websaas', 'Consulta', 'El sistema no está caído, solo quiero saber cómo generar el reporte de IVA').priority).toBe(
      'normal',
    );
  });
  it('tolerates shouting, stretched letters and typos', () => {
    expect(run('websaas', 'AYUDAAAA', 'EL SISTEMAAA NO FACTURAAA!!!').priority).toBe('urgente');
    expect(run('websaas', 'no deja', 'el sistema no deja factrar, sale error 500').priority).toBe('urgente');
  });
  it('reads Portuguese and English', () => {
    expect(run('websaas', 'Caixa parado', 'O sistema travou e não conseguimos emitir nenhuma nota.').priority).toBe('urgente');
    expect(run('websaas', 'Question', 'How can I export the sales report to Excel?').priority).toBe('normal');
  });
  it('falls back to the default priority with a default reason when nothing matches', () => {
    const r = run('websaas', 'Hola', 'Buenas tardes');
    expect(r.priority).toBe('normal');
    expect(r.reasons.some((x) => x.kind === 'default')).toBe(true);
  });
});

describe('triage: declared priority', () => {
  it('keeps the declared priority when the text gives no clear evidence', () => {
    const r = run('peewah', 'Prioridad Media - revisión del evento', 'Por favor revisar el evento de la feria.');
    expect(r.declaredPriority).toBe('media');
    expect(r.priority).toBe('media');
    expect(r.flags).not.toContain('priority-mismatch');
  });
  it('uses the priority the text clearly matches and flags priority-mismatch, naming both', () => {
    const r = run('websaas', 'Prioridad urgente - cambiar logo', 'Queremos cambiar el logo de las facturas impresas, ¿cómo se hace?');
    expect(r.priority).toBe('normal');
    expect(r.flags).toContain('priority-mismatch');
    const why = r.reasons.find((x) => x.kind === 'declared-priority')!;
    expect(why.detail).toMatch(/urgente/);
    expect(why.detail).toMatch(/normal/);
  });
  it('reads "URGENTE:", "[Urgent]" and "prioridad alta:" in the subject', () => {
    expect(run('websaas', 'URGENTE: caja', 'revisar').declaredPriority).toBe('urgente');
    expect(run('websaas', '[Urgent] billing', 'check').declaredPriority).toBe('urgente');
    expect(run('peewah', 'prioridad alta: evento', 'revisar').declaredPriority).toBe('alta');
    expect(run('peewah', 'Alta de usuario nuevo', 'cómo lo hago').declaredPriority).toBeNull();
  });
  it('Soporte Justo: a cPanel failure asked as alta is media, with the reason', () => {
    const r = run(
      'soporte-justo',
      'Prioridad Alta - falla cPanel',
      'El cPanel no carga las estadísticas, pero la web y los correos funcionan.',
    );
    expect(r.priority).toBe('media');
    expect(r.flags).toContain('priority-mismatch');
  });
  it('ignores pleasantries such as "espero que todo esté bien" and "Buenas tardes"', () => {
    expect(run('soporte-justo', 'Web', 'Hola, espero que todo esté bien. Mi web no abre desde ningún equipo.').priority).toBe('alta');
    expect(run('soporte-justo', 'Web', 'Hola, todo bien? mi web no abre desde ningún equipo').priority).toBe('alta');
    expect(run('websaas', 'Hola', 'Buenas tardes').priority).toBe('normal');
  });
  it('Soporte Justo: a web site unreachable from two devices is alta', () => {
    expect(run('soporte-justo', 'Prioridad Alta - web', 'no puedo ingresar a mi web desde 2 equipos diferentes').priority).toBe('alta');
    expect(run('soporte-justo', 'Web', 'Mi página no abre ni desde el computador ni desde el celular').priority).toBe('alta');
  });
});

describe('triage: Peewah exclusions and routing', () => {
  it('does not exclude attendees who cannot access the transmission: it is alta', () => {
    const r = run('peewah', 'Transmisión', 'Los asistentes no pueden acceder a la transmisión del evento.');
    expect(r.exclusion).toBeNull();
    expect(r.priority).toBe('alta');
  });
  it('does not exclude configuring the streaming platform before the event: it is media', () => {
    const r = run('peewah', 'Streaming', 'Estamos configurando la plataforma de streaming antes del evento y no deja guardar la llave.');
    expect(r.exclusion).toBeNull();
    expect(r.priority).toBe('media');
  });
  it('excludes the quality of the transmission, the internet while streaming, the streaming platform and the venue', () => {
    expect(run('peewah', 'Video', 'La transmisión se ve pixelada y con retraso').exclusion?.id).toBe('transmission');
    expect(run('peewah', 'Internet', 'Se nos cayó el internet del auditorio durante el evento en vivo').exclusion?.id).toBe(
      'streaming-internet',
    );
    expect(run('peewah', 'YouTube', 'YouTube Live se cayó en plena conferencia').exclusion?.id).toBe('streaming-platform');
    const venue = run('peewah', 'Salón', 'El hotel no tiene listo el salón y faltan sillas');
    expect(venue.exclusion?.id).toBe('venue');
    expect(venue.reasons.some((x) => x.kind === 'exclusion')).toBe(true);
  });
  it('routes refunds to attendees, invoices to billing and prices to commercial, and the rest to technical', () => {
    expect(run('peewah', 'Devolución', 'Compré una entrada y solicito la devolución').category).toBe('asistentes');
    expect(run('peewah', 'Factura', 'Necesitamos la factura del plan anual').category).toBe('facturacion');
    expect(run('peewah', 'Precios', '¿Cuánto cuestan los planes?').category).toBe('comercial');
    expect(run('peewah', 'Landing', '¿Cómo cambio el banner de la landing?').category).toBe('tecnico');
  });
  it('asks technical tickets for the event URL, and not when it is there', () => {
    const without = run('peewah', 'Agenda', 'La agenda muestra las charlas desordenadas');
    expect(without.missingInformation).toEqual(['event-url', 'contacts']);
    expect(without.flags).toContain('missing-information');
    expect(run('peewah', 'Agenda', 'En https://peewah.co/e/expo la agenda sale desordenada').missingInformation).toEqual(['contacts']);
    expect(run('peewah', 'Precios', '¿Cuánto cuestan los planes?').missingInformation).toEqual(['contacts']);
  });
  it('asks for two more contacts (minimumContacts) until two different e-mail addresses are given', () => {
    const one = run('peewah', 'Precios', '¿Cuánto cuestan los planes? Contacto: ana@expo.co, ANA@expo.co');
    expect(one.missingInformation).toEqual(['contacts']);
    const two = run('peewah', 'Precios', '¿Cuánto cuestan los planes? Contactos: ana@expo.co y luis@expo.co');
    expect(two.missingInformation).toEqual([]);
  });
});

describe('triage: Infraspeak severity and Technical Service', () => {
  it('reads down-for-everyone as urgente and a broken main function with no workaround as alta', () => {
    expect(run('infraspeak', 'Caída', 'Ningún usuario puede entrar a la plataforma.').priority).toBe('urgente');
    expect(run('infraspeak', 'Ordens', 'Não conseguimos fechar ordens de trabalho e não há alternativa.').priority).toBe('alta');
    expect(run('infraspeak', 'PDF', 'O PDF não exporta, mas conseguimos exportar para Excel.').priority).toBe('media');
    expect(run('infraspeak', 'Dúvida', 'Como posso dar permissões a um utilizador?').priority).toBe('baja');
  });
  it('excludes Technical Service requests with the technical-service flag', () => {
    for (const body of [
      'Borramos por error unos activos, ¿los pueden recuperar?',
      'Necesitamos consultar los logs de acceso del mes pasado',
      'Please do a bulk update of all asset locations',
      'Queremos cargar un archivo específico en la base de datos',
    ]) {
      const r = run('infraspeak', 'Pedido', body);
      expect(r.exclusion?.id, body).toBe('technical-service');
      expect(r.flags).toContain('technical-service');
    }
    expect(run('infraspeak', 'Clave', 'Perdí mi contraseña, ¿cómo la recupero?').exclusion).toBeNull();
  });
  it('reads closing or fixing many records at once, instead of one by one, as a Technical Service mass action', () => {
    expect(run('infraspeak', 'Ordens', 'Temos 800 ordens de 2021 abertas. Podem fechar todas de uma vez?').exclusion?.id).toBe(
      'technical-service',
    );
    expect(
      run('infraspeak', 'Assets', 'Editing them one by one would take days, could you change the category at once for us?').exclusion?.id,
    ).toBe('technical-service');
  });
  it('reads "bring back what we deleted" as recovering deleted items', () => {
    expect(run('infraspeak', 'Plans', 'A technician deleted our checklists by mistake. Can you bring them back?').exclusion?.id).toBe(
      'technical-service',
    );
  });
  it('keeps a template to import data themselves as a how-to, not Technical Service', () => {
    const r = run('infraspeak', 'Importar', '¿Tenéis una plantilla Excel para cargar los equipos nosotros mismos?');
    expect(r.exclusion).toBeNull();
    expect(r.reasons.some((x) => x.rule.endsWith('/not-applied'))).toBe(true);
    expect(run('infraspeak', 'Importar', '¿Nos podéis cargar esta plantilla Excel con los equipos?').exclusion?.id).toBe(
      'technical-service',
    );
  });
});

describe('triage: Skedu tiers', () => {
  it('has no priority and puts the level-1 list in nivel-1', () => {
    const r = run('skedu', 'Login', 'No puedo iniciar sesión, olvidé mi contraseña');
    expect(r.priority).toBeNull();
    expect(r.tier).toBe('nivel-1');
  });
  it('sends contracts, private information and payments to administrativo with the supervisor flag', () => {
    for (const body of ['Queremos terminar el contrato', 'Eliminen mis datos personales', 'Nos cobraron dos veces la suscripción']) {
      const r = run('skedu', 'Admin', body);
      expect(r.tier, body).toBe('administrativo');
      expect(r.flags, body).toContain('supervisor');
    }
  });
  it('sends prices, features and signing up to administrativo without the supervisor flag', () => {
    for (const body of [
      '¿Cuánto cuesta el plan mensual?',
      '¿El plan incluye recordatorios por WhatsApp?',
      'Quiero contratar Skedu para mi clínica',
    ]) {
      const r = run('skedu', 'Consulta', body);
      expect(r.tier, body).toBe('administrativo');
      expect(r.flags, body).not.toContain('supervisor');
    }
  });
});

describe('triage: intake checks from the text', () => {
  it('WebSaaS lists the missing company, person, phone and e-mail', () => {
    const r = run('websaas', 'Consulta', '¿Cómo configuro un descuento para clientes frecuentes?');
    expect(r.missingInformation).toEqual(['company', 'person', 'phone', 'email']);
    expect(r.flags).toContain('missing-information');
    const full = run(
      'websaas',
      'Consulta',
      'Empresa: Droguería San Jorge\nContacto: Luis Ramírez\nTel: 604 555 1234\nCorreo: luis@sanjorge.com\n¿Cómo genero el reporte de utilidades?',
    );
    expect(full.missingInformation).toEqual([]);
  });
  it('names the missing items by id in the missing-information reason, so a host can show them in its own words', () => {
    const r = run('websaas', 'Consulta', '¿Cómo configuro un descuento? Escríbanme a luis@sanjorge.com');
    const reason = r.reasons.find((x) => x.rule === 'intake:missing-information');
    expect(reason?.missing).toEqual(['company', 'person', 'phone']);
    expect(r.reasons.filter((x) => x.missing !== undefined)).toEqual([reason]);
  });
  it('Soporte Justo flags a possible external cause and quotes the policy', () => {
    const r = run('soporte-justo', 'Outlook', 'Desde Outlook no puedo enviar, en el webmail sí funciona');
    expect(r.flags).toContain('check-external-causes');
    expect(r.reasons.find((x) => x.rule.startsWith('intake:check-external-causes'))!.detail).toMatch(/ISP/);
  });
  it('Soporte Justo flags offensive language and never echoes the words', () => {
    const r = run('soporte-justo', 'porquería', 'son unos idiotas, la puta web no abre desde ningún equipo');
    expect(r.flags).toContain('offensive-language');
    const shown = JSON.stringify(r.reasons).toLowerCase();
    for (const w of ['idiotas', 'puta', 'porqueria', 'porquería']) expect(shown).not.toContain(w);
  });
});

describe('triage: explanations and rules as data', () => {
  it('gives every decision a reason with a rule, a sentence and a confidence in [0, 1]', () => {
    for (const [id] of builtInPolicies) {
      const r = run(id, 'Prioridad Alta - No funciona', 'No podemos facturar ni entrar a la plataforma, ¿cómo lo arreglo?');
      expect(r.reasons.length).toBeGreaterThan(0);
      for (const x of r.reasons) {
        expect(x.rule).not.toBe('');
        expect(x.detail).not.toBe('');
        expect(x.confidence).toBeGreaterThanOrEqual(0);
        expect(x.confidence).toBeLessThanOrEqual(1);
      }
    }
  });
  it('gives an admin’s copy of a policy under another id the same triage', () => {
    const copy = parsePolicy({ ...structuredClone(policy('websaas')), id: 'mi-pos', name: 'Mi POS' });
    expect(copy.ok).toBe(true);
    if (!copy.ok) return;
    const t = { subject: 'Caja', body: 'no podemos facturar' };
    expect(triage(copy.value, t)).toEqual(triage(policy('websaas'), t));
  });
  it('gives every ticket the same triage whether policies take turns ticket by ticket or each triages its tickets alone', () => {
    const tickets = loadSlice('dev')
      .filter((_, i) => i % 3 === 0)
      .map((x) => ({ subject: x.case.subject, body: x.case.body }));
    const ids = [...builtInPolicies.keys()];
    const inTurns = tickets.map((t) => ids.map((id) => triage(policy(id), t)));
    // A copy is a new policy object: its own compiled rules, scanner and matcher, which have seen none of the other tickets.
    for (const [k, id] of ids.entries()) {
      const own = structuredClone(policy(id));
      expect(tickets.map((t) => triage(own, t))).toEqual(inTurns.map((results) => results[k]));
    }
    expect(tickets.length * ids.length).toBeGreaterThan(500);
  });
  it('compiles a policy once and reuses it', () => {
    expect(compileTriage(policy('peewah'))).toBe(compileTriage(policy('peewah')));
  });
  it('compiles the five built-in policies without problems', () => {
    for (const [id, p] of builtInPolicies) expect(checkTriageRules(p), id).toEqual([]);
  });
  it('reports rules that point at unknown priorities or lexicon entries', () => {
    const base = policy('websaas');
    const bad = {
      ...base,
      triage: {
        ...base.triage!,
        priorities: [{ id: 'x', priority: 'nope', patterns: ['@nothing here'], weight: 2, negation: 'skip', with: [], unless: [] }],
      },
    } as Policy;
    const problems = checkTriageRules(bad);
    expect(problems.map((p) => p.path)).toContain('triage.priorities[0].priority');
  });
  it('refuses rules whose lexicon entries multiply beyond what a policy may cost to compile, and stops compiling there', () => {
    const base = policy('websaas');
    const letters = 'bcdfghjk'.split('');
    const rules = { ...base.triage!, lexicon: { ...base.triage!.lexicon, many: letters.map((l) => `${l}aa|${l}ee`) } };
    // Each pattern expands to 8^6 sequences of 6 slots, cut at 5,000: 30,000 slots; fifty of them would need 1.5 million.
    const priorities = Array.from({ length: 50 }, (_, i) => ({
      id: `p${i}`,
      priority: 'normal',
      patterns: ['@many @many @many @many @many @many'],
      weight: 2,
      negation: 'skip',
      with: [],
    }));
    const parsed = parsePolicy({ ...base, id: 'heavy', triage: { ...rules, priorities } });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issue.code).toBe('invalid-policy');
    expect(parsed.issue.problems).toContainEqual({
      path: 'triage',
      message: expect.stringContaining(`more than ${MAX_COMPILED_SLOTS.toLocaleString('en-US')} slots`),
    });
    // Compiling stopped once over budget: far fewer sequences than the 250,000 the rules ask for.
    const heavy = { ...base, id: 'heavy', triage: triageRulesSchema.parse({ ...rules, priorities }) } as Policy;
    expect(compileTriage(heavy).entries).toBeLessThan(MAX_COMPILED_SLOTS / 6 + compileTriage(base).entries);
  });
  it('refuses more distinct words than a policy may have, and a pattern longer than its slots allow', () => {
    const base = policy('websaas');
    const words = Array.from({ length: MAX_TERMS + 1 }, (_, i) => `palabra${i}`).join('|');
    const many = parsePolicy({ ...base, id: 'wordy', triage: { ...base.triage!, flags: [{ id: 'f', flag: 'x', patterns: [words] }] } });
    expect(many.ok).toBe(false);
    if (!many.ok)
      expect(many.issue.problems).toContainEqual({
        path: 'triage',
        message: expect.stringContaining(`more than ${MAX_TERMS.toLocaleString('en-US')} distinct words`),
      });
    const long = Array.from({ length: MAX_PATTERN_SLOTS + 1 }, (_, i) => `w${i}`).join(' ');
    const tooLong = parsePolicy({ ...base, id: 'long', triage: { ...base.triage!, flags: [{ id: 'f', flag: 'x', patterns: [long] }] } });
    expect(tooLong.ok).toBe(false);
    if (!tooLong.ok)
      expect(tooLong.issue.problems).toContainEqual({
        path: 'triage.flags[0].patterns[0]',
        message: expect.stringContaining(`more than ${MAX_PATTERN_SLOTS} slots`),
      });
  });
  it('works on a policy with no triage rules: declared or default priority only', () => {
    const { triage: _ignored, ...rest } = policy('infraspeak');
    const bare = rest as Policy;
    expect(triage(bare, { subject: 'Prioridad Alta - algo', body: 'texto' }).priority).toBe('alta');
    expect(triage(bare, { subject: 'algo', body: 'texto' }).priority).toBe('media');
  });
});

// Classes of misses found by an independent blind set: each is fixed by meaning, so wordings that appear in no eval file must land too.
describe('triage: generalises by meaning (hard cases)', () => {
  const decided = (id: string, subject: string, body: string) => {
    const r = run(id, subject, body);
    return r.exclusion ? `excluded:${r.exclusion.id}` : (r.priority ?? r.tier);
  };
  it('Infraspeak: a main function failing entirely is alta; a secondary feature failing is media', () => {
    expect(decided('infraspeak', 'OT', 'Al intentar gravar la OT sale error y se pierde todo.')).toBe('alta');
    expect(decided('infraspeak', 'Portal', 'The request portal rejects every request our tenants send.')).toBe('alta');
    expect(decided('infraspeak', 'App', 'Os técnicos não conseguem abrir a app no telemóvel.')).toBe('alta');
    expect(decided('infraspeak', 'Preventivos', 'El plan preventivo dejó de generar las tareas del mes.')).toBe('alta');
    expect(decided('infraspeak', 'Equipos', 'Los equipos no cargan en la plataforma, la lista sale vacía.')).toBe('alta');
    expect(decided('infraspeak', 'Emails', 'Los correos de aviso de nuevas órdenes no están llegando.')).toBe('media');
    expect(decided('infraspeak', 'Filtro', 'El filtro por técnico muestra órdenes de otros técnicos.')).toBe('media');
    expect(decided('infraspeak', 'Relatório', 'O relatório de custos está muito lento.')).toBe('media');
    // Only the technicians' app, with no "everyone": alta, not urgente; the whole platform for everyone: urgente.
    expect(decided('infraspeak', 'Técnicos', 'Ningún técnico puede usar la app móvil desde esta mañana.')).toBe('alta');
    expect(decided('infraspeak', 'Caída', 'Nadie en la empresa puede entrar a Infraspeak.')).toBe('urgente');
  });
  it('Infraspeak: a declared "media" on a main-function outage becomes alta with priority-mismatch', () => {
    const r = run('infraspeak', 'Prioridad Media - órdenes', 'No podemos guardar ninguna orden de trabajo, da error.');
    expect(r.priority).toBe('alta');
    expect(r.flags).toContain('priority-mismatch');
  });
  it('Infraspeak: loading a spreadsheet or CSV of assets is Technical Service; exporting one or a failing import is not', () => {
    for (const body of [
      '¿Nos pueden subir este Excel con el inventario de equipos?',
      'Attached is a CSV of our assets, please import it.',
      'Segue a folha de cálculo com os ativos para carregarem.',
    ]) {
      expect(decided('infraspeak', 'Carga', body), body).toBe('excluded:technical-service');
    }
    expect(decided('infraspeak', 'Exportar', '¿Cómo exporto la lista de activos a Excel?')).toBe('baja');
    expect(run('infraspeak', 'Importar', 'Al importar el Excel sale un error, lo cargamos a mano.').exclusion).toBeNull();
  });
  it('Peewah: nobody can register, said informally or reflexively, is alta and technical', () => {
    for (const [subject, body] of [
      ['URGENTE', 'nadie se puede registrar'],
      ['inscripciones', 'los asistentes no se dejan inscribir'],
      ['registro', 'la gente no logra inscribirse'],
      ['cadastro', 'ninguém está conseguindo se cadastrar'],
      ['sign-up', "the form won't let people sign up"],
    ] as const) {
      const r = run('peewah', subject, body);
      expect(r.priority, body).toBe('alta');
      expect(r.category, body).toBe('tecnico');
    }
    const r = run('peewah', 'Prioridad Baja - registro', 'Nadie se puede inscribir al evento.');
    expect(r.priority).toBe('alta');
    expect(r.flags).toContain('priority-mismatch');
  });
  it('Peewah: a problem with a mass sending is media, a request to send in bulk is baja', () => {
    expect(decided('peewah', 'Certificados', 'Enviamos los certificados a todos y solo a algunos les llegaron.')).toBe('media');
    expect(decided('peewah', 'Encuesta', 'El envío masivo de la encuesta falló.')).toBe('media');
    expect(decided('peewah', 'Tickets', 'We bulk-sent the tickets but many attendees never received them.')).toBe('media');
    expect(decided('peewah', 'Reenvío', 'Por favor reenviar los certificados a todos los participantes.')).toBe('baja');
    expect(decided('peewah', 'Resend', 'Could you resend the survey to all attendees?')).toBe('baja');
  });
  it('Peewah: the physical venue’s organisation is excluded as venue, but not the event page', () => {
    for (const body of [
      'El salón del hotel quedó pequeño para los asistentes.',
      'No hay suficientes cadeiras no auditório.',
      'The venue’s sound system failed.',
      'O local do evento está fechado e ninguém consegue chegar.',
    ]) {
      expect(decided('peewah', 'Lugar', body), body).toBe('excluded:venue');
    }
    expect(run('peewah', 'Página', 'La página del evento no carga y el evento empieza ya.').exclusion).toBeNull();
  });
  it('Skedu: agenda display on a phone is nivel-1; plans, branch discounts and quotes are administrativo without supervisor', () => {
    expect(run('skedu', 'Celular', 'En el celular la agenda se ve cortada.').tier).toBe('nivel-1');
    for (const body of [
      '¿Qué plan me conviene para 3 profesionales?',
      '¿Hay descuento para varias sucursales?',
      'Poderiam enviar um orçamento para 4 unidades?',
      'Which plan includes online payments?',
    ]) {
      const r = run('skedu', 'Consulta', body);
      expect(r.tier, body).toBe('administrativo');
      expect(r.flags, body).not.toContain('supervisor');
    }
    expect(run('skedu', 'Pago', 'Pagué la mensualidad, pero no aparece reflejado.').flags).toContain('supervisor');
  });
  it('Soporte Justo: a blank page or an error for every visitor is alta; a slow tool declared high is media with mismatch', () => {
    expect(decided('soporte-justo', 'Web', 'Mi web sale en blanco en todos los equipos.')).toBe('alta');
    expect(decided('soporte-justo', 'Site', 'Every visitor gets an error on the homepage.')).toBe('alta');
    expect(decided('soporte-justo', 'Site', 'O site dá erro 500 para todo mundo.')).toBe('alta');
    const r = run('soporte-justo', 'Prioridad Alta - webmail', 'El webmail está lentísimo, la web funciona.');
    expect(r.priority).toBe('media');
    expect(r.flags).toContain('priority-mismatch');
    expect(decided('soporte-justo', 'DNS', '¿Cuánto tarda la propagación de un dominio?')).toBe('baja');
  });
  it('WebSaaS: anything that stops closing a sale is urgente; a report how-to is normal', () => {
    expect(decided('websaas', 'FE', 'La factura electrónica da error y no deja cerrar la venta.')).toBe('urgente');
    expect(decided('websaas', 'Cajeros', 'Ningún cajero puede iniciar sesión en el POS.')).toBe('urgente');
    expect(decided('websaas', 'Caja', 'No se puede abrir la caja esta mañana.')).toBe('urgente');
    expect(decided('websaas', 'Till', "The till won't open.")).toBe('urgente');
    expect(decided('websaas', 'Reporte', '¿Cómo saco el reporte de ventas por vendedor?')).toBe('normal');
    expect(decided('websaas', 'Reporte', 'Necesito un informe de ventas por cajero, no lo encuentro.')).toBe('normal');
    // Generating a sales REPORT is not selling: never urgente.
    expect(decided('websaas', 'Reporte', 'No puedo generar el reporte de ventas, sale error.')).toBe('importante');
    // "Losing sales" is not "still selling".
    expect(decided('websaas', 'Caixa', 'O sistema não emite notas, estamos perdendo vendas.')).toBe('urgente');
  });
  it('never reads a fuzzy look-alike as an offensive word or a complaint ("morning", "queda")', () => {
    expect(run('soporte-justo', 'Web', 'Since this morning the site is slow.').flags).not.toContain('offensive-language');
    expect(run('peewah', 'Registro', 'La página se queda cargando y nadie se puede inscribir.').category).toBe('tecnico');
  });
});

describe('triage: whole service vs part, how-to vs failure, request vs malfunction (hard cases)', () => {
  const decided = (id: string, subject: string, body: string) => run(id, subject, body).priority;
  it('Infraspeak: a shouted "nothing loads / nothing works" is urgente, but "nothing loads" in one screen is media', () => {
    expect(decided('infraspeak', 'AYUDA', 'NO CARGA NADA!!!')).toBe('urgente');
    expect(decided('infraspeak', 'x', 'não abre nada, está tudo parado')).toBe('urgente');
    expect(decided('infraspeak', 'x', 'Everything is down, nothing opens')).toBe('urgente');
    expect(decided('infraspeak', 'x', 'en la pantalla de informes no carga nada')).toBe('media');
    expect(decided('infraspeak', 'x', 'no carga nada en la sección de reportes, el resto funciona')).toBe('media');
  });
  it('Infraspeak: work orders that cannot be assigned/dispatched or plans that do not generate are alta; a declared Baja is overridden', () => {
    expect(decided('infraspeak', 'x', 'no puedo despachar ordenes a los tecnicos')).toBe('alta');
    expect(decided('infraspeak', 'x', 'preventivos nao estão gerando ordens')).toBe('alta');
    expect(decided('infraspeak', 'x', 'PPM schedule stopped generating work orders')).toBe('alta');
    const r = run('infraspeak', 'Prioridad Baja - asignación', 'no se pueden asignar las OTs a ningún técnico');
    expect(r.priority).toBe('alta');
    expect(r.flags).toContain('priority-mismatch');
  });
  it('Infraspeak: how-to questions about main features are baja; mass updates are Technical Service; a broken search is media', () => {
    expect(decided('infraspeak', 'duda', 'cómo asigno una orden a un técnico externo?')).toBe('baja');
    expect(decided('infraspeak', 'q', 'how can I create a preventive plan for chillers?')).toBe('baja');
    expect(run('infraspeak', 'x', 'preciso alterar a localização de 150 ativos de uma só vez').exclusion?.id).toBe('technical-service');
    const s = run('infraspeak', 'x', 'la búsqueda de activos no devuelve resultados');
    expect(s.exclusion).toBeNull();
    expect(s.priority).toBe('media');
  });
  it('Peewah: settings that revert or a stuck mass send are media (a declared Alta mismatches); a request to change is baja', () => {
    expect(decided('peewah', 'x', 'los cambios en la configuración del evento se revierten solos')).toBe('media');
    expect(decided('peewah', 'x', 'mande la encuesta a todos y sigue procesando hace horas')).toBe('media');
    expect(decided('peewah', 'x', 'the webinar recording is not saving')).toBe('media');
    const r = run('peewah', 'Prioridad Alta - ajustes', 'La configuración de las entradas no se guarda, vuelve a como estaba');
    expect(r.priority).toBe('media');
    expect(r.flags).toContain('priority-mismatch');
    expect(decided('peewah', 'x', 'quiero cambiar la fecha del evento')).toBe('baja');
  });
  it('Peewah: poor live-stream quality is excluded as transmission; attendees unable to enter is not', () => {
    expect(run('peewah', 'x', 'audio out of sync on the live stream').exclusion?.id).toBe('transmission');
    expect(run('peewah', 'x', 'a transmissão ao vivo está sem som').exclusion?.id).toBe('transmission');
    expect(run('peewah', 'x', 'el video de la transmision se ve pixelado y con lag').exclusion?.id).toBe('transmission');
    expect(run('peewah', 'x', 'los asistentes no pueden entrar a la página del evento').exclusion).toBeNull();
  });
  it('Peewah: QR rejected at the door or a failing check-in is alta and technical', () => {
    for (const body of [
      'el check-in de asistentes falla, no escanea',
      'the app rejects the QR codes at the door, says invalid ticket',
      'os ingressos estão sendo rejeitados na entrada',
    ]) {
      const r = run('peewah', 'x', body);
      expect(r.priority, body).toBe('alta');
      expect(r.category, body).toBe('tecnico');
    }
  });
  it('Skedu: a payment not showing or a suspension threat over payment goes to a supervisor', () => {
    for (const body of [
      'me amenazan con suspender el servicio por un pago que ya hice',
      'o pagamento não aparece e vão suspender a conta',
    ]) {
      const r = run('skedu', 'x', body);
      expect(r.tier, body).toBe('administrativo');
      expect(r.flags, body).toContain('supervisor');
    }
  });
  it('Soporte Justo: not loading on two devices ("ni en la pc ni en el cel") is alta', () => {
    expect(decided('soporte-justo', 'x', 'mi pagina no carga ni en la pc ni en el cel')).toBe('alta');
    expect(decided('soporte-justo', 'x', 'não abre nem no pc nem no telemóvel')).toBe('alta');
  });
  it('WebSaaS: "how do I add a user / price list / tax" is normal', () => {
    expect(decided('websaas', 'x', '¿Cómo agrego un nuevo cajero al sistema?')).toBe('normal');
    expect(decided('websaas', 'x', 'como crio uma nova lista de preços?')).toBe('normal');
    expect(decided('websaas', 'x', 'How do I add a new tax rate to products?')).toBe('normal');
  });
});

describe('triage: partial outages, negated exclusions, and malfunctions vs how-to questions', () => {
  it('Infraspeak: a main function failing is alta even when "the rest works"; that sentence only blocks urgente', () => {
    expect(run('infraspeak', 'x', 'As ordens preventivas deixaram de ser geradas. O resto da plataforma funciona bem.').priority).toBe(
      'alta',
    );
    expect(run('infraspeak', 'x', 'We cannot assign any job to the technicians; the rest of the system is fine.').priority).toBe('alta');
  });
  it('Infraspeak: "the rest works" keeps a main-function outage at alta (not urgente) and adds nothing to a minor fault', () => {
    expect(run('infraspeak', 'x', 'Ninguém consegue abrir as ordens de trabalho, o resto da plataforma funciona.').priority).toBe('alta');
    expect(run('infraspeak', 'x', 'Everything else works fine, only the PDF report comes out without the logo.').priority).toBe('media');
  });
  it('Infraspeak: a real workaround (by hand, on paper, another screen) caps at media', () => {
    expect(run('infraspeak', 'x', 'No podemos crear órdenes de trabajo; por ahora las anotamos a mano.').priority).toBe('media');
    expect(run('infraspeak', 'x', 'The calendar shows tasks on the wrong day, but the list view is correct.').priority).toBe('media');
  });
  it('Infraspeak: an impractical "alternative" is no workaround', () => {
    expect(
      run('infraspeak', 'x', 'Nenhuma preventiva foi gerada; a alternativa seria criar 500 ordens à mão, o que é impossível.').priority,
    ).toBe('alta');
  });
  it('Infraspeak: a declared Baja on a broken main function becomes alta with priority-mismatch', () => {
    const r = run('infraspeak', 'Prioridad Baja - asignación', 'No se puede asignar ninguna orden a los técnicos, lo demás funciona bien.');
    expect(r.priority).toBe('alta');
    expect(r.flags).toContain('priority-mismatch');
  });
  it('Infraspeak: search returning nothing is a product bug (media), not Technical Service; usage questions are baja', () => {
    const r = run('infraspeak', 'x', 'La búsqueda de equipos no devuelve ningún resultado y se pierde mucho tiempo.');
    expect(r.exclusion).toBeNull();
    expect(r.priority).toBe('media');
    expect(run('infraspeak', 'x', 'Boa tarde, como faço um plano preventivo anual?').priority).toBe('baja');
    expect(run('infraspeak', 'x', 'How many support tickets does our plan allow per month?').priority).toBe('baja');
  });
  it('Peewah: a negated streaming mention does not exclude an event-page outage, which stays alta', () => {
    const r = run(
      'peewah',
      'Not a stream problem',
      'Attendees are stuck on the event page with an endless spinner. The stream itself is fine.',
    );
    expect(r.exclusion).toBeNull();
    expect(r.priority).toBe('alta');
    expect(run('peewah', 'x', 'No es problema de transmisión: la gente no logra entrar a la página del evento.').exclusion).toBeNull();
  });
  it('Peewah: a configuration malfunction is media; a declared Alta on it is lowered with priority-mismatch', () => {
    expect(run('peewah', 'x', 'Modifiqué la fecha del evento y la página pública sigue mostrando la fecha vieja.').priority).toBe('media');
    expect(run('peewah', 'x', 'The event settings go back to the old values every time I save.').priority).toBe('media');
    const r = run('peewah', 'Prioridad Alta - certificados', 'El envío masivo de certificados está atascado en procesando desde ayer.');
    expect(r.priority).toBe('media');
    expect(r.flags).toContain('priority-mismatch');
  });
  it('Peewah: more capacity is baja, not the venue exclusion; third-party platforms failing are excluded', () => {
    const r = run('peewah', 'x', 'We want to open 40 more tickets for the workshop, the venue has room for them.');
    expect(r.exclusion).toBeNull();
    expect(r.priority).toBe('baja');
    expect(run('peewah', 'x', 'Google Meet expulsó a los participantes en medio del webinar por el límite de su plan.').exclusion?.id).toBe(
      'streaming-platform',
    );
  });
  it('Peewah: own payment gateway integration and invalid tickets at the door are tecnico', () => {
    expect(
      run('peewah', 'x', 'Queremos integrar nuestra propia pasarela de pagos con Peewah.\n--\nAna, Jefe Administrativa').category,
    ).toBe('tecnico');
    expect(run('peewah', 'x', 'At the entrance the scanner says invalid for tickets people bought yesterday.').category).toBe('tecnico');
  });
  it('Peewah: how-to questions naming a feature stay baja', () => {
    expect(run('peewah', 'x', '¿Cómo guardo la grabación del webinar?').priority).toBe('baja');
    expect(run('peewah', 'x', 'How do I change the start time of my event?').priority).toBe('baja');
  });
  it("Skedu: a third party asking for the customers' data goes to a supervisor", () => {
    const r = run('skedu', 'x', "A former partner is asking you to send him our clients' phone numbers and emails.");
    expect(r.tier).toBe('administrativo');
    expect(r.flags).toContain('supervisor');
  });
  it('Soporte Justo: "from anywhere" is alta, a cPanel login failure is media, an expiry question is baja', () => {
    expect(run('soporte-justo', 'x', 'MI SITIO NO ABRE EN NINGÚN LADO, YA REVISÉ MI INTERNET Y TODO LO DEMÁS FUNCIONA').priority).toBe(
      'alta',
    );
    expect(run('soporte-justo', 'x', 'No puedo entrar al cPanel, dice login incorrecto; la web funciona.').priority).toBe('media');
    expect(run('soporte-justo', 'x', '¿En qué fecha vence mi dominio?').priority).toBe('baja');
  });
  it('WebSaaS: no register able to invoice beats a declared Normal; blank POS screens are urgente; cut-off prints importante', () => {
    const r = run('websaas', 'Prioridad Normal - caja', 'Ninguna de las cajas puede sacar una factura desde la mañana.');
    expect(r.priority).toBe('urgente');
    expect(r.flags).toContain('priority-mismatch');
    expect(run('websaas', 'x', 'Tras actualizar, el punto de venta abre en blanco en las tres cajas.').priority).toBe('urgente');
    expect(run('websaas', 'x', 'Las facturas se imprimen cortadas, aunque sí quedan registradas.').priority).toBe('importante');
    expect(run('websaas', 'x', 'How do I create a cashier user that can only invoice?').priority).toBe('normal');
  });
});

describe('triage: locked systems, failures vs how-to, mass deletions and services down for everyone', () => {
  it('WebSaaS: a locked or suspended system that lets them do nothing is urgente', () => {
    expect(
      run('websaas', 'Bloqueo', 'Al entrar sale que la suscripción está suspendida y el programa no nos deja hacer nada.').priority,
    ).toBe('urgente');
    expect(run('websaas', 'Locked', 'The software says our licence has expired and the registers are locked.').priority).toBe('urgente');
  });
  it('WebSaaS: every invoice failing or selling on paper is urgente, even with weaker importante hints', () => {
    expect(
      run('websaas', 'Error', 'Sale un error al emitir cualquier factura, mientras tanto vendemos apuntando en una libreta.').priority,
    ).toBe('urgente');
  });
  it('WebSaaS: one function failing while still invoicing is importante; a configure question is normal', () => {
    const r = run(
      'websaas',
      'Prioridad Urgente - promociones',
      'Las promociones ya no se aplican solas en la caja, las restamos a mano. Podemos vender igual.',
    );
    expect(r.priority).toBe('importante');
    expect(r.flags).toContain('priority-mismatch');
    expect(
      run('websaas', 'Impuestos', 'Tenemos algunos artículos exentos. ¿Cómo los configuro para que la factura los calcule bien?').priority,
    ).toBe('normal');
  });
  it('Infraspeak: deleting many records for the customer is technical service, failing to delete one is not', () => {
    const r = run('infraspeak', 'Limpieza', 'Por favor eliminen de una vez todas las ubicaciones duplicadas que importamos.');
    expect(r.exclusion?.id).toBe('technical-service');
    expect(run('infraspeak', 'Error', 'No puedo eliminar una ubicación, da error.').exclusion).toBeNull();
  });
  it('Infraspeak: a crash in one action is media, lost field work is alta', () => {
    expect(run('infraspeak', 'Crash', 'La app se cierra cuando intento firmar la OT; se puede terminar sin firma.').priority).toBe('media');
    expect(
      run('infraspeak', 'Perdido', 'Nada de lo que los técnicos registran en la app queda guardado, perdemos todo el trabajo del día.')
        .priority,
    ).toBe('alta');
  });
  it('Infraspeak: a denied workaround ("no way to do it by hand") does not cap the priority', () => {
    expect(
      run('infraspeak', 'Preventivos', 'Los planes preventivos no generan órdenes y no tenemos otra forma de crearlas, ni siquiera a mano.')
        .priority,
    ).toBe('alta');
  });
  it('Soporte Justo: e-mail failing for every account is alta; a tool stuck is media; a how-to on a working site is baja', () => {
    expect(run('soporte-justo', 'Correo', 'Ninguna cuenta de correo del dominio recibe mensajes, todo rebota.').priority).toBe('alta');
    expect(run('soporte-justo', 'Backups', 'La copia de seguridad del cPanel se queda en 0% y no avanza.').priority).toBe('media');
    expect(run('soporte-justo', 'Duda', 'Todo funciona bien. Quiero saber cómo cambiar la versión de PHP.').priority).toBe('baja');
  });
  it('Peewah: a partially failed sending with a workaround is media; a quote plus a complaint is comercial', () => {
    const r = run(
      'peewah',
      'Prioridad Alta - invitaciones',
      'Solo la mitad de las invitaciones fueron entregadas, el resto aparece como fallido. Podemos enviarlas desde nuestro propio correo.',
    );
    expect(r.priority).toBe('media');
    expect(r.flags).toContain('priority-mismatch');
    expect(
      run('peewah', 'Propuesta', 'Queremos una cotización para 4 eventos. También un reclamo: nadie respondió nuestro último mensaje.')
        .category,
    ).toBe('comercial');
  });
});

describe('triage: ceilings that only cap, hypothetical workarounds', () => {
  const capOnlyCopy = (id: string) => {
    const p = structuredClone(policy(id)) as unknown as { triage: { ceilings: { id: string }[] } };
    p.triage.ceilings = p.triage.ceilings.map((c) => ({ ...c, evidence: false }));
    const parsed = parsePolicy({ ...p, id: `${id}-copy` });
    if (!parsed.ok) throw new Error('copy does not parse');
    return parsed.value;
  };
  it('counts a workaround imagined with "sería" or "tendríamos que" as no workaround', () => {
    const base = 'Los planes preventivos no generan órdenes de trabajo.';
    expect(run('infraspeak', 'Preventivos', `${base} Podemos crearlas a mano por ahora.`).priority).toBe('media');
    expect(run('infraspeak', 'Preventivos', `${base} Tendríamos que crearlas a mano por ahora, y son cientos.`).priority).toBe('alta');
    expect(run('infraspeak', 'Preventivos', `${base} Sería crearlas a mano por ahora, y son cientos.`).priority).toBe('alta');
  });
  it('lets a ceiling marked evidence: false cap the priority without counting as evidence for its maximum', () => {
    const t = { subject: 'Caja', body: 'Las otras cajas funcionan bien.' };
    const capOnly = capOnlyCopy('websaas');
    expect(triage(policy('websaas'), t).priority).toBe('importante');
    const r = triage(capOnly, t);
    expect(r.priority).toBe('normal');
    expect(r.reasons.some((x) => x.rule.startsWith('ceiling:'))).toBe(false);
  });
  it('still caps a more severe priority with a ceiling marked evidence: false', () => {
    const t = { subject: 'Caja', body: 'La caja 2 no abre. Las otras cajas funcionan.' };
    const capOnly = capOnlyCopy('websaas');
    expect(triage(capOnly, t).priority).toBe('importante');
  });
});

describe('triage: problems that are over, suggestions, and under-declared outages', () => {
  it('caps a problem that is already over at the lowest priority: what is left is a question', () => {
    expect(run('websaas', 'Consulta', 'Ayer el POS no dejó facturar media hora, pero volvió a funcionar solo. ¿Qué pasó?').priority).toBe(
      'normal',
    );
    expect(run('soporte-justo', 'Pregunta', 'En la mañana el sitio no abría, pero ya se solucionó. ¿Hubo mantenimiento?').priority).toBe(
      'baja',
    );
    expect(
      run('infraspeak', 'Question', 'The app was down for an hour this morning; it is back to normal now. What happened?').priority,
    ).toBe('baja');
  });
  it('still lets a failure that comes back after a contrast win over "it worked again"', () => {
    expect(run('websaas', 'Caja', 'Volvió a funcionar un rato, pero ahora de nuevo no podemos facturar en ninguna caja').priority).toBe(
      'urgente',
    );
  });
  it('caps an improvement suggestion at the lowest priority, even with a missing-feature wording', () => {
    expect(
      run('peewah', 'Idea', 'Es solo una sugerencia: el informe de asistentes no muestra la ciudad, sería útil tenerla.').priority,
    ).toBe('baja');
    expect(run('infraspeak', 'Ideia', 'É apenas uma sugestão: o PDF da OS não mostra os campos personalizados.').priority).toBe('baja');
  });
  it('does not read "temporarily unavailable" as a workaround', () => {
    expect(
      run('infraspeak', 'Em baixo', 'A plataforma está em baixo para todos os utilizadores: "Serviço temporariamente indisponível".')
        .priority,
    ).toBe('urgente');
  });
  it('reads "lo estamos solucionando a mano" as a workaround that caps the priority', () => {
    expect(run('infraspeak', 'Sync', 'Algunas órdenes no se sincronizan; lo estamos solucionando cerrándolas desde la web.').priority).toBe(
      'media',
    );
  });
  it('raises an under-declared priority when the text meets a more severe definition, symptoms and all', () => {
    const r = run(
      'websaas',
      'Importante - no factura',
      'El módulo de facturación no abre en ningún equipo, sale error. No hemos podido facturar en toda la mañana.',
    );
    expect(r.priority).toBe('urgente');
    expect(r.flags).toContain('priority-mismatch');
  });
  it('reads one till down while the other tills work as importante ("las cajas 1 y 3 funcionan normal")', () => {
    expect(run('websaas', 'Caja 2', 'La caja 2 no deja facturar, pero las cajas 1 y 3 funcionan normal.').priority).toBe('importante');
    expect(run('websaas', 'Cajas', 'Ninguna de las cajas funciona, no podemos facturar.').priority).toBe('urgente');
  });
  it('sends a prospect evaluating Skedu with feature questions to administrativo, without supervisor', () => {
    const r = run('skedu', 'Skedu para nuestra clínica', 'Estamos evaluando Skedu. ¿Envía recordatorios por WhatsApp?');
    expect(r.tier).toBe('administrativo');
    expect(r.flags).not.toContain('supervisor');
  });
  it('reads an explicit "how do I…?" as a clear question, enough to correct a declared URGENTE', () => {
    const r = run(
      'infraspeak',
      'URGENTE - relatório',
      'Como faço para exportar o relatório de custos do último trimestre? Não encontro a opção.',
    );
    expect(r.priority).toBe('baja');
    expect(r.flags).toContain('priority-mismatch');
  });
  it('reads a request for the audit logs of a user as Technical Service', () => {
    expect(run('infraspeak', 'Logs', 'We need the audit logs of user j.smith for March. Can you extract them for us?').exclusion?.id).toBe(
      'technical-service',
    );
  });
  it('reads an account suspended for non-payment as a payment matter for a supervisor', () => {
    const r = run('skedu', 'Cuenta suspendida', 'Nos suspendieron la cuenta por no pago, pero pagamos el viernes. Adjunto comprobante.');
    expect(r.tier).toBe('administrativo');
    expect(r.flags).toContain('supervisor');
  });
  it('reads a request portal that fails on every submission as a main function down (alta)', () => {
    expect(run('infraspeak', 'Portal', 'O portal de pedidos dá erro ao submeter qualquer pedido.').priority).toBe('alta');
  });
  it('reads "through the browser it works" as a workaround that caps a login problem at media', () => {
    expect(run('infraspeak', 'App', 'Dois técnicos não conseguem entrar na app. Pelo browser entram normalmente.').priority).toBe('media');
  });
  it('routes a quote for an annual plan to commercial, not billing', () => {
    expect(run('peewah', 'Cotización plan anual', '¿Nos pueden enviar precios del plan anual para 10 eventos?').category).toBe('comercial');
  });
});

describe('triage: how much text it reads', () => {
  const filler = 'Les cuento el contexto de la tienda y de lo que venimos haciendo durante la semana con el equipo. ';
  const longBody = (chars: number) => filler.repeat(Math.ceil(chars / filler.length)).slice(0, chars);
  const limitReason = (r: ReturnType<typeof triage>) => r.reasons.find((x) => x.rule === 'intake:text-limit');

  it('reads the whole text of an ordinary ticket and says nothing about a limit', () => {
    expect(limitReason(run('websaas', 'Caja', 'Buenos días, no podemos facturar desde las 8.'))).toBeUndefined();
    expect(limitReason(run('websaas', 'x'.repeat(TRIAGE_SUBJECT_CHARS), longBody(TRIAGE_BODY_CHARS)))).toBeUndefined();
  });

  it('says in a reason how much of a longer body it read, and the evaluation shows it', () => {
    const body = longBody(TRIAGE_BODY_CHARS + 5_000);
    const reason = limitReason(run('websaas', 'Consulta', body));
    expect(reason).toMatchObject({ kind: 'intake', confidence: 1 });
    expect(reason!.detail).toContain(`the body has ${(TRIAGE_BODY_CHARS + 5_000).toLocaleString('en-US')} characters`);
    const ticket = parseTicket({ id: 'T-long', createdAt: '2026-03-02T10:00:00-05:00', subject: 'Consulta', body });
    if (!ticket.ok) throw new Error(ticket.issue.detail);
    const evaluation = evaluateTicket(policy('websaas'), ticket.value, Date.parse('2026-03-02T12:00:00-05:00'));
    if (!evaluation.ok) throw new Error(evaluation.issue.detail);
    expect(evaluation.value.reasons.map((r) => r.rule)).toContain('intake:text-limit');
  });

  it('decides from the first characters only: whatever follows them changes nothing but the length it reports', () => {
    // Exactly as long as what triage reads, ending in white space, with the decisive words near its end.
    const read = `${longBody(TRIAGE_BODY_CHARS - 60).padEnd(TRIAGE_BODY_CHARS - 45)}Hoy no podemos facturar en ninguna caja.`;
    const prefix = read.padEnd(TRIAGE_BODY_CHARS);
    expect(prefix.length).toBe(TRIAGE_BODY_CHARS);
    const ids = [...builtInPolicies.keys()];
    const loud = fc.constantFrom(
      'URGENTE caída total, no funciona nada. ',
      'ana@x.com https://x.co/a soy Ana Ruiz ',
      '\n'.repeat(50),
      'a.'.repeat(40),
    );
    const tails = fc.sample(fc.tuple(fc.string({ minLength: 1, maxLength: 400 }), loud), { numRuns: 40, seed: 8 });
    const withoutLimit = (r: ReturnType<typeof triage>) => ({ ...r, reasons: r.reasons.filter((x) => x.rule !== 'intake:text-limit') });
    tails.forEach(([tail, noise], i) => {
      const id = ids[i % ids.length]!;
      const whole = run(id, 'Caja', prefix);
      expect(limitReason(whole)).toBeUndefined();
      const longer = run(id, 'Caja', prefix + tail + noise.repeat(20));
      expect(withoutLimit(longer), `${id}: ${JSON.stringify(tail)}`).toEqual(withoutLimit(whole));
      expect(limitReason(longer)).toBeDefined();
    });
  });

  it('reads at most the first characters of the subject, ending at a word boundary', () => {
    const subject = 'URGENTE no podemos facturar '.repeat(100);
    const r = run('websaas', subject, 'Hola');
    expect(r.priority).toBe('urgente');
    // Character 1,000 falls inside "facturar": the cut steps back to the space before it.
    expect(limitReason(r)!.detail).toContain('the subject has 2,800 characters and only its first 998 were read');
  });
});

describe("triage: only the customer's own words are evidence (quoted replies, forwards, signatures)", () => {
  it('does not let the support team\'s quoted "your services keep working" cap a new outage', () => {
    const r = run(
      'websaas',
      'Re: lentitud en caja',
      'Desde hace media hora no podemos facturar en ninguna caja.\n\nEl mié, 5 nov 2025 a las 16:20, Soporte <soporte@websaas.com> escribió:\n> Lo dejamos como normal: sus servicios siguen funcionando y puede seguir vendiendo.',
    );
    expect(r.priority).toBe('urgente');
    const aside = r.reasons.find((x) => x.rule === 'intake:text-set-aside')!;
    expect(aside.detail).toMatch(/quoted earlier messages \(2 lines\)/);
    expect(aside.evidence[0]).toMatch(/^El mié, 5 nov 2025/);
  });
  it('does not read an outage quoted from an earlier message as the new question', () => {
    const r = run(
      'soporte-justo',
      'Re: consulta',
      'Resuelto, gracias. ¿Cómo programo una respuesta automática en el webmail?\n\nOn Wed, Nov 5, 2025 at 7:02 PM Ana <ana@tienda.com> wrote:\n> La web está caída y no abre desde ningún lado.',
    );
    expect(r.priority).toBe('baja');
  });
  it('reads the message inside a forward and sets aside only its header lines', () => {
    const r = run(
      'websaas',
      'Fwd: caja',
      'Les paso lo que escribió la cajera.\n\n---------- Forwarded message ---------\nFrom: Caja 2 <caja2@tienda.com>\nDate: Wed, 5 Nov 2025\nSubject: caja\n\nNo podemos facturar, el sistema se quedó pegado en todas las cajas.',
    );
    expect(r.priority).toBe('urgente');
    expect(r.reasons.find((x) => x.rule === 'intake:text-set-aside')!.detail).toMatch(/a forwarded message's header \(4 lines\)/);
  });
  it("counts a signature's company, phone and e-mail for the required information, but not its words as evidence", () => {
    const r = run(
      'websaas',
      'Cierre de caja',
      '¿Cómo imprimo otra vez el cierre de caja de ayer?\n\nUn saludo,\nRicardo Peña\nGerente - Panadería La Espiga\nTel. 604 555 1234\nricardo@laespiga.co',
    );
    expect(r.priority).toBe('normal');
    expect(r.missingInformation).toEqual([]);
    expect(r.reasons.find((x) => x.rule === 'intake:text-set-aside')!.detail).toMatch(
      /the signature \(5 lines\).*Contact details there still count/,
    );
  });
  it("never takes contact details from the quoted history (they are the support team's)", () => {
    const r = run(
      'websaas',
      'Re: reporte',
      'Gracias, ¿y cómo lo exporto a Excel?\n\nEl mié, 5 nov 2025, 10:00, Soporte WebSaaS <soporte@websaas.com> escribió:\n> Atentamente,\n> Carlos Ruiz, Ferretería Soporte, Tel. 604 000 0000',
    );
    expect(r.missingInformation).toEqual(expect.arrayContaining(['phone', 'email', 'person']));
  });
  it('does not read "urgente" in a confidentiality notice as the ticket\'s urgency', () => {
    const r = run(
      'websaas',
      'Consulta',
      '¿Cómo cambio el logo de la factura?\n\nAVISO DE CONFIDENCIALIDAD: este mensaje es urgente y confidencial; si no es su destinatario, bórrelo de inmediato.',
    );
    expect(r.priority).toBe('normal');
  });
});

describe('triage: says when the ticket is in a language its rules do not read', () => {
  it('flags a German ticket and keeps the confidence of the guess low', () => {
    const r = run('infraspeak', 'Arbeitsaufträge', 'Seit heute Morgen können wir keine Arbeitsaufträge mehr anlegen. Bitte um Hilfe.');
    expect(r.flags).toContain('language-not-understood');
    expect(r.reasons.find((x) => x.rule === 'intake:language-not-understood')!.detail).toMatch(/German/);
    for (const x of r.reasons.filter((y) => y.kind === 'priority' || y.kind === 'default')) expect(x.confidence).toBeLessThanOrEqual(0.3);
  });
  it('flags a French ticket', () => {
    const r = run(
      'peewah',
      'Inscriptions',
      "Bonjour, depuis hier soir les participants ne peuvent pas s'inscrire à notre événement, merci de nous aider.",
    );
    expect(r.flags).toContain('language-not-understood');
  });
  it('does not flag Spanish, Portuguese or English', () => {
    for (const body of ['No podemos facturar desde las 8.', 'Não conseguimos emitir notas desde cedo.', 'We cannot invoice since 8 am.'])
      expect(run('websaas', 'Caja', body).flags).not.toContain('language-not-understood');
  });
});

describe('triage: false alarms', () => {
  it('does not read the brand HP as an insult', () => {
    const r = run('soporte-justo', 'Escáner', 'El escáner HP de la oficina no envía los documentos al correo, ¿qué puerto SMTP uso?');
    expect(r.flags).not.toContain('offensive-language');
    expect(run('soporte-justo', 'Soporte', 'Son unos hijueputas, nada funciona').flags).toContain('offensive-language');
  });
  it('does not exclude an unauthorised-access attempt as a request to query logs', () => {
    const r = run(
      'infraspeak',
      'Intento de intrusión',
      'Alguien intentó entrar a la cuenta del administrador con fuerza bruta; en los logs de acceso vimos cientos de intentos.',
    );
    expect(r.exclusion).toBeNull();
    expect(run('infraspeak', 'Logs', 'Necesitamos que nos extraigan los logs de acceso del último mes.').exclusion?.id).toBe(
      'technical-service',
    );
  });
  it('reads "nothing seems to work" about scheduled tasks as one part failing, not the site down', () => {
    const r = run(
      'soporte-justo',
      'Tareas',
      'Las tareas programadas del servidor no se ejecutan y nada parece estar funcionando en la cola de envíos.',
    );
    expect(r.priority).toBe('media');
    expect(run('soporte-justo', 'Todo', 'Nada parece estar funcionando: ni la web ni el correo abren.').priority).toBe('alta');
  });
  it("excludes a venue's double booking in English as in Spanish", () => {
    expect(run('peewah', 'Room', 'The conference centre double-booked our hall for Friday night.').exclusion?.id).toBe('venue');
    expect(run('peewah', 'Salón', 'El hotel tiene doble reserva del salón para nuestro evento del viernes.').exclusion?.id).toBe('venue');
  });
});

describe('triage: "none of them can" and "neither" as negations', () => {
  it('reads "no register lets us invoice" as urgente, in Spanish and Portuguese', () => {
    expect(run('websaas', 'Cajas', 'Desde el mediodía ninguna caja permite facturar.').priority).toBe('urgente');
    expect(run('websaas', 'Caixas', 'Nenhuma caixa deixa faturar desde as 9.').priority).toBe('urgente');
  });
  it('reads "the e-mail neither works" as a failure, not as a service that keeps working', () => {
    expect(run('soporte-justo', 'Todo', 'A página não abre e o webmail tampouco abre em parte nenhuma.').priority).toBe('alta');
  });
});

describe('triage: politeness and requests for steps are not the severity', () => {
  it('keeps an outage for everyone at the top when the customer asks how to proceed and for help', () => {
    const r = run(
      'infraspeak',
      'Sin servicio',
      'Buenos días, pedimos su ayuda con urgencia: nadie de la empresa puede entrar a la plataforma desde las 8, está caída para todos. ¿Cómo debemos proceder?',
    );
    expect(r.priority).toBe('urgente');
    expect(r.reasons.some((x) => x.rule.startsWith('priority:baja/'))).toBe(false);
  });
  it('reads "none of our shops can invoice" as urgente despite "as you can imagine" and "steps to restore"', () => {
    const r = run(
      'websaas',
      'Facturación detenida',
      'Como podrán imaginar, ninguna de nuestras tiendas puede facturar desde temprano. Necesitamos los pasos a seguir para restablecerlo.',
    );
    expect(r.priority).toBe('urgente');
  });
  it('reads a polite request for steps as the request it is when no problem is stated', () => {
    const r = run(
      'soporte-justo',
      'URGENTE - Correo',
      'Solicitamos su apoyo: agradecemos indicarnos los pasos para configurar el correo en Outlook.',
    );
    expect(r.priority).toBe('baja');
    expect(r.flags).toContain('priority-mismatch');
  });
  it('still reads a plain how-to question as one', () => {
    expect(run('infraspeak', 'Duda', '¿Cómo puedo exportar las órdenes de trabajo a Excel?').priority).toBe('baja');
    expect(run('websaas', 'Duda', 'Por favor, ¿cómo genero el reporte de ventas del mes?').priority).toBe('normal');
  });
});

describe('triage: several problems in one message', () => {
  it('lets the problem marked as the most severe decide over questions and requests around it', () => {
    const r = run(
      'peewah',
      'Pendientes',
      'Varias cosas: ¿cómo subo el banner del patrocinador?, por favor activen el cupón de descuento, y lo peor: el escáner de la puerta rechaza todas las entradas y ya está llegando el público.',
    );
    expect(r.priority).toBe('alta');
    const stressed = r.reasons.find((x) => x.rule === 'priority/stressed')!;
    expect(stressed.evidence.join(' ')).toMatch(/lo peor/);
  });
  it('reads the marked item to the end of its line, past parentheses and commas', () => {
    const body =
      'Varias cosas:\n1. ¿Cuánto cuesta más espacio?\n2. El webmail tarda en entrar.\n3. Lo más grave: desde anoche la web (tienda-sol.mx) sale en blanco, pantalla blanca, para los clientes.\nGracias';
    // The marker's reach is the rules' own mechanism: read without the text model, which may weigh the list otherwise.
    const rules = withoutTextModel(policy('soporte-justo'));
    expect(triage(rules, { subject: 'Varias cosas', body }).priority).toBe('alta');
    expect(triage(rules, { subject: 'Varias cosas', body: body.replace('Lo más grave: ', '') }).priority).toBe('media');
  });
  it('does not raise a list of questions when the marked one is itself a question', () => {
    const r = run(
      'peewah',
      'Dudas',
      'Dos dudas: ¿cómo cambio el color de la landing? y lo más importante: ¿cómo agrego un ponente a la agenda?',
    );
    expect(r.priority).toBe('baja');
    expect(r.reasons.some((x) => x.rule === 'priority/stressed')).toBe(false);
  });
});

describe("triage: a reply's subject is the thread's earlier matter", () => {
  it('decides on the new message in the body, not on the question the subject names', () => {
    const body = 'Gracias, ya lo exporté. Otra cosa: la impresora de la caja 2 imprime las facturas cortadas, les falta el pie.';
    expect(run('websaas', 'RE: ¿Cómo exporto el inventario? Pregunta', body).priority).toBe('importante');
    expect(run('websaas', '¿Cómo exporto el inventario? Pregunta', body).priority).toBe('normal');
  });
  it("still reads a reply's subject when the body says nothing of its own", () => {
    expect(run('websaas', 'RE: ninguna caja puede facturar', '').priority).toBe('urgente');
    const quotedOnly = 'El lun, 3 nov 2025 a las 9:00, Soporte WebSaaS <soporte@websaas.net> escribió:\n> Su caso fue registrado.';
    expect(run('websaas', 'RE: ninguna caja puede facturar', quotedOnly).priority).toBe('urgente');
  });
});

describe('triage: the text model reads second', () => {
  const websaas = () => withSandiaModel(policy('websaas'), 'urgente', ['importante', 'normal']);

  it('decides where it disagrees with the rules with enough probability, naming the words that weighed most', () => {
    expect(triage(withoutTextModel(policy('websaas')), { subject: 'Logo', body: HOW_TO }).priority).toBe('normal');
    const r = triage(websaas(), { subject: 'Logo', body: HOW_TO });
    expect(r.priority).toBe('urgente');
    const why = r.reasons.find((x) => x.rule === 'priority:urgente/text-model')!;
    expect(why.evidence).toEqual(['sandia']);
    expect(why.detail).toMatch(
      /The rules read normal; the text model \(trained on 1 labelled tickets\) reads urgente with \d+ % probability/,
    );
  });

  it('leaves a ticket of fewer words than its minWords to the rules', () => {
    const r = triage(websaas(), { subject: 'Logo', body: '¿Cómo cambio el logo de la factura? sandía' });
    expect(r.priority).toBe('normal');
    expect(r.reasons.some((x) => x.rule.endsWith('/text-model'))).toBe(false);
  });

  it('stays silent below its threshold', () => {
    const weak = withSandiaModel(policy('websaas'), 'urgente', ['importante', 'normal'], 0.5);
    expect(triage(weak, { subject: 'Logo', body: HOW_TO }).priority).toBe('normal');
  });

  it('does not decide a ticket in a language the rules do not read', () => {
    const german =
      'Guten Tag, wir möchten wissen, wie man das Logo auf den gedruckten Rechnungen der Filiale ändert, weil es nicht mehr stimmt, sandia danke.';
    const r = triage(websaas(), { subject: 'Logo', body: german });
    expect(r.flags).toContain('language-not-understood');
    expect(r.priority).not.toBe('urgente');
  });

  it("keeps the priority-mismatch flag true to the final priority when it overrides the rules' reading", () => {
    expect(triage(withoutTextModel(policy('websaas')), { subject: 'Prioridad urgente - logo', body: HOW_TO }).flags).toContain(
      'priority-mismatch',
    );
    const r = triage(websaas(), { subject: 'Prioridad urgente - logo', body: HOW_TO });
    expect(r.priority).toBe('urgente');
    expect(r.flags).not.toContain('priority-mismatch');
  });

  it("excludes with the exclusion's flags, and a priority it decides drops the rules' exclusion and its flags", () => {
    const infraspeak = policy('infraspeak');
    const body =
      'Bom dia, precisamos de saber como alterar o logótipo que aparece no topo dos relatórios de manutenção da nossa empresa, obrigado sandia.';
    const excluding = triage(withSandiaModel(infraspeak, 'excluded:technical-service', ['baja']), { subject: 'Logótipo', body });
    expect(excluding.exclusion?.id).toBe('technical-service');
    expect(excluding.flags).toContain('technical-service');
    expect(excluding.reasons.some((x) => x.rule === 'exclusion:technical-service/text-model')).toBe(true);

    const request =
      'Bom dia, pedimos que carreguem na plataforma a folha de cálculo em anexo com os 300 ativos novos da nossa fábrica de Braga, sandia.';
    expect(triage(withoutTextModel(infraspeak), { subject: 'Ativos', body: request }).exclusion?.id).toBe('technical-service');
    const kept = triage(withSandiaModel(infraspeak, 'alta', ['excluded:technical-service']), { subject: 'Ativos', body: request });
    expect(kept.exclusion).toBeNull();
    expect(kept.priority).toBe('alta');
    expect(kept.flags).not.toContain('technical-service');
  });
});
