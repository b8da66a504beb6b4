import type { SlaState, TargetName } from '@plazo/core';

export type Locale = 'es' | 'pt' | 'en';

/** Zendesk locales ("es-419", "pt-BR", "en-US") to the three the app speaks; anything else reads English. */
export function toLocale(zendeskLocale: unknown): Locale {
  const tag = typeof zendeskLocale === 'string' ? zendeskLocale.toLowerCase() : '';
  if (tag.startsWith('es')) return 'es';
  if (tag.startsWith('pt')) return 'pt';
  return 'en';
}

export type Messages = {
  title: string;
  decided: string;
  noPriority: string;
  why: string;
  matched: string;
  zendeskShows: (priority: string) => string;
  differs: (decided: string, zendesk: string, current: string) => string;
  apply: (priority: string) => string;
  applied: string;
  target: Record<TargetName, string>;
  state: Record<SlaState, string>;
  remaining: (duration: string, business: boolean) => string;
  overdue: (duration: string, business: boolean) => string;
  metAt: (when: string) => string;
  pausedNote: string;
  dueYours: (when: string) => string;
  duePolicy: (when: string, zone: string) => string;
  excluded: (why: string) => string;
  noDeadlines: string;
  flags: string;
  missing: string;
  preview: string;
  previewDetail: string;
  loading: string;
  fix: {
    unreachable: (url: string) => string;
    unauthorized: string;
    misconfigured: (detail: string) => string;
    noUrl: string;
    invalidPolicy: (detail: string) => string;
  };
  hostPriority: Record<'urgent' | 'high' | 'normal' | 'low', string>;
  setup: {
    title: string;
    intro: string;
    missing: (items: string) => string;
    email: string;
    token: string;
    tokenHint: string;
    connect: string;
    done: string;
    dryRun: string;
    failed: (detail: string) => string;
  };
};

const es: Messages = {
  title: 'Plazo',
  decided: 'Prioridad según la política',
  noPriority: 'Sin prioridad',
  why: 'Por qué',
  matched: 'Palabras del ticket',
  zendeskShows: (p) => `Zendesk: ${p}`,
  differs: (d, z, c) => `La política dice ${d} (${z} en Zendesk); el ticket está en ${c}.`,
  apply: (p) => `Aplicar ${p}`,
  applied: 'Prioridad aplicada',
  target: { firstResponse: 'Primera respuesta', resolution: 'Resolución' },
  state: { running: 'En curso', paused: 'En pausa', 'at-risk': 'En riesgo', breached: 'Vencido', met: 'Cumplido' },
  remaining: (d, b) => `${d}${b ? ' hábiles' : ''} restantes`,
  overdue: (d, b) => `vencido hace ${d}${b ? ' hábiles' : ''}`,
  metAt: (w) => `cumplido ${w}`,
  pausedNote: 'reloj detenido fuera de horario o en espera',
  dueYours: (w) => `Vence ${w} (tu hora)`,
  duePolicy: (w, z) => `${w} (${z})`,
  excluded: (why) => `Excluido: ${why}`,
  noDeadlines: 'Sin plazos: la política excluye este ticket.',
  flags: 'Avisos',
  missing: 'Falta',
  preview: 'Vista previa',
  previewDetail: 'Plazo aún no ha visto este ticket: así lo evaluaría con sus campos actuales.',
  loading: 'Cargando…',
  fix: {
    unreachable: (u) =>
      `No se puede contactar con Plazo en ${u}. Un administrador debe revisar la URL de Plazo en la configuración de la app.`,
    unauthorized: 'Plazo rechazó el token. Un administrador debe pegar el token de instalación en la configuración de la app.',
    misconfigured: (d) => `Plazo no está bien configurado: ${d}. Un administrador debe revisarlo.`,
    noUrl: 'Falta la URL de Plazo. Un administrador debe indicarla en la configuración de la app.',
    invalidPolicy: (d) => `La política de Plazo no es válida: ${d}`,
  },
  hostPriority: { urgent: 'Urgente', high: 'Alta', normal: 'Normal', low: 'Baja' },
  setup: {
    title: 'Termina de configurar Plazo',
    intro:
      'Un paso, solo la primera vez: Plazo lee el secreto del webhook y los campos creados al instalar, y guarda tus credenciales cifradas.',
    missing: (i) => `Falta: ${i}.`,
    email: 'Correo del usuario de la API de Zendesk',
    token: 'Token de la API de Zendesk',
    tokenHint: 'Plazo lo guarda cifrado y nunca lo devuelve. Sin él, Plazo solo simula los cambios.',
    connect: 'Conectar',
    done: 'Plazo está listo: escribirá en los tickets.',
    dryRun: 'Plazo está en modo simulación: calcula los cambios pero no los escribe.',
    failed: (d) => `No se pudo completar: ${d}`,
  },
};

const pt: Messages = {
  title: 'Plazo',
  decided: 'Prioridade segundo a política',
  noPriority: 'Sem prioridade',
  why: 'Por quê',
  matched: 'Palavras do ticket',
  zendeskShows: (p) => `Zendesk: ${p}`,
  differs: (d, z, c) => `A política diz ${d} (${z} no Zendesk); o ticket está em ${c}.`,
  apply: (p) => `Aplicar ${p}`,
  applied: 'Prioridade aplicada',
  target: { firstResponse: 'Primeira resposta', resolution: 'Resolução' },
  state: { running: 'Em curso', paused: 'Em pausa', 'at-risk': 'Em risco', breached: 'Vencido', met: 'Cumprido' },
  remaining: (d, b) => `${d}${b ? ' úteis' : ''} restantes`,
  overdue: (d, b) => `vencido há ${d}${b ? ' úteis' : ''}`,
  metAt: (w) => `cumprido ${w}`,
  pausedNote: 'relógio parado fora do horário ou em espera',
  dueYours: (w) => `Vence ${w} (seu horário)`,
  duePolicy: (w, z) => `${w} (${z})`,
  excluded: (why) => `Excluído: ${why}`,
  noDeadlines: 'Sem prazos: a política exclui este ticket.',
  flags: 'Avisos',
  missing: 'Falta',
  preview: 'Pré-visualização',
  previewDetail: 'O Plazo ainda não viu este ticket: é assim que o avaliaria com os campos atuais.',
  loading: 'Carregando…',
  fix: {
    unreachable: (u) =>
      `Não foi possível contatar o Plazo em ${u}. Um administrador deve verificar a URL do Plazo nas configurações do app.`,
    unauthorized: 'O Plazo recusou o token. Um administrador deve colar o token de instalação nas configurações do app.',
    misconfigured: (d) => `O Plazo não está bem configurado: ${d}. Um administrador deve verificar.`,
    noUrl: 'Falta a URL do Plazo. Um administrador deve informá-la nas configurações do app.',
    invalidPolicy: (d) => `A política do Plazo não é válida: ${d}`,
  },
  hostPriority: { urgent: 'Urgente', high: 'Alta', normal: 'Normal', low: 'Baixa' },
  setup: {
    title: 'Termine de configurar o Plazo',
    intro:
      'Um passo, só na primeira vez: o Plazo lê o segredo do webhook e os campos criados na instalação, e guarda suas credenciais cifradas.',
    missing: (i) => `Falta: ${i}.`,
    email: 'E-mail do usuário da API do Zendesk',
    token: 'Token da API do Zendesk',
    tokenHint: 'O Plazo o guarda cifrado e nunca o devolve. Sem ele, o Plazo só simula as alterações.',
    connect: 'Conectar',
    done: 'O Plazo está pronto: vai escrever nos tickets.',
    dryRun: 'O Plazo está em modo simulação: calcula as alterações mas não as escreve.',
    failed: (d) => `Não foi possível concluir: ${d}`,
  },
};

const en: Messages = {
  title: 'Plazo',
  decided: 'Priority by the policy',
  noPriority: 'No priority',
  why: 'Why',
  matched: 'Words in the ticket',
  zendeskShows: (p) => `Zendesk: ${p}`,
  differs: (d, z, c) => `The policy says ${d} (${z} in Zendesk); the ticket is ${c}.`,
  apply: (p) => `Apply ${p}`,
  applied: 'Priority applied',
  target: { firstResponse: 'First response', resolution: 'Resolution' },
  state: { running: 'Running', paused: 'Paused', 'at-risk': 'At risk', breached: 'Breached', met: 'Met' },
  remaining: (d, b) => `${d}${b ? ' business' : ''} left`,
  overdue: (d, b) => `overdue by ${d}${b ? ' business' : ''}`,
  metAt: (w) => `met ${w}`,
  pausedNote: 'clock stopped outside hours or while waiting',
  dueYours: (w) => `Due ${w} (your time)`,
  duePolicy: (w, z) => `${w} (${z})`,
  excluded: (why) => `Excluded: ${why}`,
  noDeadlines: 'No deadlines: the policy excludes this ticket.',
  flags: 'Flags',
  missing: 'Missing',
  preview: 'Preview',
  previewDetail: 'Plazo has not seen this ticket yet: this is how it would evaluate its current fields.',
  loading: 'Loading…',
  fix: {
    unreachable: (u) => `Plazo cannot be reached at ${u}. An admin must check the Plazo URL in the app's settings.`,
    unauthorized: "Plazo refused the token. An admin must paste the installation token in the app's settings.",
    misconfigured: (d) => `Plazo is not configured correctly: ${d}. An admin must check it.`,
    noUrl: "The Plazo URL is missing. An admin must set it in the app's settings.",
    invalidPolicy: (d) => `Plazo's policy is not valid: ${d}`,
  },
  hostPriority: { urgent: 'Urgent', high: 'High', normal: 'Normal', low: 'Low' },
  setup: {
    title: 'Finish setting up Plazo',
    intro:
      'One step, the first time only: Plazo reads the webhook secret and the fields made at install, and stores your credentials encrypted.',
    missing: (i) => `Missing: ${i}.`,
    email: 'Zendesk API user e-mail',
    token: 'Zendesk API token',
    tokenHint: 'Plazo stores it encrypted and never returns it. Without it, Plazo only plans changes (dry run).',
    connect: 'Connect',
    done: 'Plazo is ready: it will write to tickets.',
    dryRun: 'Plazo runs as a dry run: it plans changes without writing them.',
    failed: (d) => `Could not finish: ${d}`,
  },
};

export const messages: Record<Locale, Messages> = { es, pt, en };

/** "2 h 10 min", "3 d 4 h", "45 min": whole minutes, rounded up so a running clock never shows 0 min left. */
export function formatDuration(ms: number): string {
  const minutes = Math.ceil(Math.abs(ms) / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return `${m} min`;
}

/** An instant in a zone, in the agent's language: "6 dic 2026, 14:30". */
export function formatInstant(iso: string, locale: Locale, zone: string): string {
  const date = new Date(Date.parse(iso));
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(date);
  } catch {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date);
  }
}
