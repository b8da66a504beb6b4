import type { Writable } from 'node:stream';
import { DateTime } from 'luxon';
import { evaluateTicket } from '../evaluate/evaluate-ticket.js';
import { builtInPolicies } from '../policies/built-in-policies.js';
import { parseTicket } from '../ticket/parse-ticket.js';
import { formatEvaluation } from './format-evaluation.js';

/** Sample tickets chosen to show each policy's rules: holidays, after-hours, declared priorities, exclusions. */
export const demoTickets = [
  {
    policy: 'peewah',
    id: 'PW-101',
    createdAt: '2026-03-06T16:45:00-05:00',
    subject: 'Prioridad Alta - Los asistentes no pueden inscribirse',
    body: 'Desde hace una hora nadie puede registrarse al congreso de mañana, el formulario da error. https://peewah.co/e/congreso-2026',
  },
  {
    policy: 'peewah',
    id: 'PW-102',
    createdAt: '2026-03-07T11:00:00-05:00',
    subject: 'Cambiar la divisa del evento',
    body: 'Hola, ¿cómo cambio la moneda de COP a USD en mi evento? Gracias.',
  },
  {
    policy: 'peewah',
    id: 'PW-103',
    createdAt: '2026-03-09T09:00:00-05:00',
    subject: 'Se cae el streaming',
    body: 'Durante la transmisión en vivo se nos cae el internet del auditorio.',
  },
  {
    policy: 'skedu',
    id: 'SK-201',
    createdAt: '2026-09-17T17:30:00-04:00',
    subject: 'No puedo recuperar mi contraseña',
    body: 'El correo de recuperación nunca llega.',
  },
  {
    policy: 'skedu',
    id: 'SK-202',
    createdAt: '2026-09-21T10:00:00-04:00',
    subject: 'Cobro duplicado en mi tarjeta',
    body: 'Me cobraron dos veces el plan de este mes, necesito la devolución.',
  },
  {
    policy: 'websaas',
    id: 'WS-301',
    createdAt: '2026-03-07T22:10:00-05:00',
    subject: 'URGENTE no podemos facturar',
    body: 'El punto de venta está bloqueado y no deja facturar. Empresa Tienda La 14, Ana Gómez, 3001234567, ana@tienda14.co',
  },
  {
    policy: 'websaas',
    id: 'WS-302',
    createdAt: '2026-03-09T19:30:00-05:00',
    subject: 'Cómo generar el reporte de ventas por vendedor',
    body: 'Necesito saber cómo sacar el informe mensual.',
  },
  {
    policy: 'soporte-justo',
    id: 'SJ-401',
    createdAt: '2026-03-09T10:00:00-05:00',
    subject: 'Prioridad Alta - falla en cPanel',
    body: 'No puedo entrar al cPanel pero la web y el correo funcionan bien.',
  },
  {
    policy: 'infraspeak',
    id: 'IS-501',
    createdAt: '2026-06-09T20:00:00+01:00',
    subject: 'Plataforma caída para todos',
    body: 'Ningún técnico puede entrar en la app desde esta tarde, el servicio está caído.',
  },
  {
    policy: 'infraspeak',
    id: 'IS-502',
    createdAt: '2026-06-11T10:00:00+01:00',
    subject: 'Recuperar ordenes de trabajo eliminadas',
    body: 'Borramos por error 40 órdenes de trabajo, ¿pueden recuperarlas de la base de datos?',
  },
] as const;

/** `npm start` before the worker exists: evaluates the samples and prints priority, reasons and due times. */
export function runDemo(out: Writable): number {
  out.write('Plazo demo: sample tickets of the five vendor policies, evaluated two hours after each was created.\n\n');
  for (const sample of demoTickets) {
    const policy = builtInPolicies.get(sample.policy);
    const ticket = parseTicket(sample);
    if (!policy || !ticket.ok) throw new Error(`demo ticket ${sample.id} is broken`);
    const now = DateTime.fromISO(sample.createdAt).plus({ hours: 2 }).toMillis();
    const evaluation = evaluateTicket(policy, ticket.value, now);
    if (!evaluation.ok) throw new Error(`demo ticket ${sample.id}: ${evaluation.issue.detail}`);
    out.write(`${formatEvaluation(evaluation.value, policy)}\n\n`);
  }
  out.write(
    'Try it yourself:  npx plazo evaluate --policy websaas --subject "No podemos facturar" --created-at 2026-03-09T10:00:00-05:00\n',
  );
  return 0;
}
