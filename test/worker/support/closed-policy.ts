import { builtInPolicies } from '@plazo/core';

const DAY_MS = 86_400_000;
const esWeekdays = ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'];
const esMonths = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];

/**
 * WebSaaS as an installation's own policy, open only on the UTC day after tomorrow: a ticket from a minute ago arrived out of
 * hours and the next opening is still ahead, whatever the day the test runs. Also the opening, and how a Spanish reader sees its date.
 */
export function websaasOpenOnlyAfterTomorrow(nowMs = Date.now()) {
  const websaas = builtInPolicies.get('websaas')!;
  const openingMs = Math.floor(nowMs / DAY_MS) * DAY_MS + 2 * DAY_MS;
  const opening = new Date(openingMs);
  const isoDay = ((opening.getUTCDay() + 6) % 7) + 1;
  const document = {
    ...structuredClone(websaas),
    id: 'websaas-closed',
    name: 'WebSaaS, open only the day after tomorrow',
    calendar: { zone: 'UTC', week: [{ day: isoDay, open: '00:00', close: '24:00' }], holidays: { add: [], remove: [] } },
  };
  const spanishDate = `${esWeekdays[opening.getUTCDay()]}, ${opening.getUTCDate()} de ${esMonths[opening.getUTCMonth()]} de ${opening.getUTCFullYear()}`;
  return { document, openingMs, spanishDate };
}
