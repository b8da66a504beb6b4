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
  /** What the policy asks the agent to see: routing category with its channel and description, support tier with its description. */
  forAgent: {
    title: string;
    category: (label: string, contact: string | null, description: string | null) => string;
    tier: (label: string, description: string | null) => string;
  };
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
  /** "confianza 85 %": `percent` is already formatted for the locale. */
  confidence: (percent: string) => string;
  /** Flags Plazo's rules and the built-in policies set, by id; a flag not listed shows as its id. */
  flagNames: Record<string, string>;
  /** One sentence per kind of reason, filled with the policy's own words (see explain-reason.ts). */
  reason: {
    priority: (label: string, definition: string | null) => string;
    ceiling: (atMost: string) => string;
    stressed: (label: string) => string;
    /** The policy's text model decided, where the rules read otherwise: `decided` is a priority, tier or exclusion. */
    textModel: (decided: string) => string;
    declaredConfirmed: (label: string) => string;
    declaredKept: (label: string) => string;
    declaredMismatch: (label: string) => string;
    defaultPriority: (label: string) => string;
    override: (label: string) => string;
    excluded: (description: string) => string;
    exclusionNotApplied: (description: string) => string;
    exclusionOverridden: (description: string) => string;
    category: (label: string) => string;
    categoryDefault: (label: string) => string;
    tier: (label: string) => string;
    tierDefault: (label: string) => string;
    missing: (items: string) => string;
    afterHours: (policyMessage: string | null) => string;
    flagRule: (flag: string, policyHint: string | null) => string;
    textLimit: string;
    setAside: string;
    language: string;
    duplicate: (ticket: string, sharedWords: string) => string;
    earlyFollowUp: (minutes: number, cooldownMinutes: number) => string;
    overQuota: (count: number, limit: number, month: string) => string;
    quotaNotConfigured: string;
  };
  setup: {
    title: string;
    intro: string;
    missing: (items: string) => string;
    email: string;
    token: string;
    tokenHint: string;
    policy: string;
    policyHint: string;
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
  forAgent: {
    title: 'Para el agente',
    category: (l, c, d) => `Categoría: ${l}${c ? ` — canal: ${c}` : ''}${d ? ` — ${d}` : ''}`,
    tier: (l, d) => `Nivel de soporte: ${l}${d ? ` — ${d}` : ''}`,
  },
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
  confidence: (p) => `confianza ${p}`,
  flagNames: {
    'priority-mismatch': 'Prioridad distinta de la declarada',
    'missing-information': 'Falta información',
    'after-hours': 'Fuera de horario',
    supervisor: 'Requiere supervisor',
    'technical-service': 'Servicio técnico',
    'offensive-language': 'Lenguaje ofensivo',
    'language-not-understood': 'Idioma no reconocido',
    'check-external-causes': 'Revisar causas externas',
    'possible-duplicate': 'Posible duplicado',
    'early-follow-up': 'Seguimiento antes de tiempo',
    'over-quota': 'Cupo mensual superado',
  },
  reason: {
    priority: (l, d) => `Indica ${l}${d ? `: ${d}` : '.'}`,
    ceiling: (l) => `Hay una alternativa o el resto funciona: como máximo ${l}.`,
    stressed: (l) => `Varios asuntos en un mensaje: decide el que el cliente marca como más grave (${l}).`,
    textModel: (l) => `Un modelo de texto entrenado con tickets etiquetados decide ${l}, por las palabras que más pesaron.`,
    declaredConfirmed: (l) => `El cliente declaró ${l} en el asunto y el texto coincide.`,
    declaredKept: (l) => `El cliente declaró ${l} en el asunto y el texto no indica claramente otra prioridad.`,
    declaredMismatch: (l) => `El cliente declaró otra prioridad en el asunto, pero el texto indica ${l}.`,
    defaultPriority: (l) => `Nada en el texto coincide con la definición de una prioridad: la predeterminada de la política, ${l}.`,
    override: (l) => `Prioridad ${l} fijada por un agente.`,
    excluded: (d) => `Excluido de los plazos: ${d}`,
    exclusionNotApplied: (d) => `Lo menciona, pero no se excluye (el texto coincide con una excepción de la regla): ${d}`,
    exclusionOverridden: (d) => `Exclusión no aplicada porque un agente fijó la prioridad: ${d}`,
    category: (l) => `Canal: ${l}.`,
    categoryDefault: (l) => `Sin palabras de un canal: el canal predeterminado, ${l}.`,
    tier: (l) => `Nivel: ${l}.`,
    tierDefault: (l) => `Sin palabras de un nivel: primera clasificación, ${l}.`,
    missing: (i) => `Falta: ${i}. Pídeselo al cliente.`,
    afterHours: (m) => `Recibido fuera de horario: los plazos empiezan en la próxima apertura.${m ? ` La política dice: «${m}»` : ''}`,
    flagRule: (f, h) => `${f}.${h ? ` La política dice: «${h}»` : ''}`,
    textLimit: 'No se leyó todo el texto (asunto o cuerpo demasiado largos): lo importante debe ir al principio, o dividir el ticket.',
    setAside: 'No se leyó como palabras del cliente: mensajes citados, un reenvío o la firma (los datos de contacto allí sí cuentan).',
    language: 'Idioma que las reglas no leen (leen español, portugués e inglés): la prioridad es una suposición; que lo lea una persona.',
    duplicate: (tk, w) => `Posible duplicado de ${tk}, aún abierto, del mismo cliente: los asuntos comparten ${w}.`,
    earlyFollowUp: (m, c) => `El cliente escribió ${m} min después de la respuesta del agente; la política pide esperar ${c} min.`,
    overQuota: (n, l, mo) => `Ticket ${n} de ${mo} de este cliente; el cupo mensual es ${l}.`,
    quotaNotConfigured: 'La política limita los tickets por mes según el plan, y esta instalación no fija el cupo de este cliente.',
  },
  setup: {
    title: 'Termina de configurar Plazo',
    intro:
      'Un paso, solo la primera vez: Plazo lee el secreto del webhook y los campos creados al instalar, y guarda tus credenciales cifradas.',
    missing: (i) => `Falta: ${i}.`,
    email: 'Correo del usuario de la API de Zendesk',
    token: 'Token de la API de Zendesk',
    tokenHint: 'Plazo lo guarda cifrado y nunca lo devuelve. Sin él, Plazo solo simula los cambios.',
    policy: 'Tu propia política (opcional, JSON)',
    policyHint: 'Pega el documento de tu política; el ajuste «Política de soporte» de la app debe nombrar su id.',
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
  forAgent: {
    title: 'Para o agente',
    category: (l, c, d) => `Categoria: ${l}${c ? ` — canal: ${c}` : ''}${d ? ` — ${d}` : ''}`,
    tier: (l, d) => `Nível de suporte: ${l}${d ? ` — ${d}` : ''}`,
  },
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
  confidence: (p) => `confiança ${p}`,
  flagNames: {
    'priority-mismatch': 'Prioridade diferente da declarada',
    'missing-information': 'Falta informação',
    'after-hours': 'Fora do horário',
    supervisor: 'Requer supervisor',
    'technical-service': 'Serviço técnico',
    'offensive-language': 'Linguagem ofensiva',
    'language-not-understood': 'Idioma não reconhecido',
    'check-external-causes': 'Verificar causas externas',
    'possible-duplicate': 'Possível duplicado',
    'early-follow-up': 'Seguimento antes do tempo',
    'over-quota': 'Quota mensal excedida',
  },
  reason: {
    priority: (l, d) => `Indica ${l}${d ? `: ${d}` : '.'}`,
    ceiling: (l) => `Há uma alternativa ou o resto funciona: no máximo ${l}.`,
    stressed: (l) => `Vários assuntos numa mensagem: decide o que o cliente marca como mais grave (${l}).`,
    textModel: (l) => `Um modelo de texto treinado com tickets etiquetados decide ${l}, pelas palavras que mais pesaram.`,
    declaredConfirmed: (l) => `O cliente declarou ${l} no assunto e o texto concorda.`,
    declaredKept: (l) => `O cliente declarou ${l} no assunto e o texto não indica claramente outra prioridade.`,
    declaredMismatch: (l) => `O cliente declarou outra prioridade no assunto, mas o texto indica ${l}.`,
    defaultPriority: (l) => `Nada no texto corresponde à definição de uma prioridade: a padrão da política, ${l}.`,
    override: (l) => `Prioridade ${l} definida por um agente.`,
    excluded: (d) => `Excluído dos prazos: ${d}`,
    exclusionNotApplied: (d) => `Menciona-o, mas não é excluído (o texto corresponde a uma exceção da regra): ${d}`,
    exclusionOverridden: (d) => `Exclusão não aplicada porque um agente definiu a prioridade: ${d}`,
    category: (l) => `Canal: ${l}.`,
    categoryDefault: (l) => `Sem palavras de um canal: o canal padrão, ${l}.`,
    tier: (l) => `Nível: ${l}.`,
    tierDefault: (l) => `Sem palavras de um nível: primeira classificação, ${l}.`,
    missing: (i) => `Falta: ${i}. Peça ao cliente.`,
    afterHours: (m) => `Recebido fora do horário: os prazos começam na próxima abertura.${m ? ` A política diz: «${m}»` : ''}`,
    flagRule: (f, h) => `${f}.${h ? ` A política diz: «${h}»` : ''}`,
    textLimit: 'Nem todo o texto foi lido (assunto ou corpo longos demais): o importante deve vir primeiro, ou dividir o ticket.',
    setAside: 'Não lido como palavras do cliente: mensagens citadas, um encaminhamento ou a assinatura (os contatos ali contam).',
    language: 'Idioma que as regras não leem (leem espanhol, português e inglês): a prioridade é uma suposição; uma pessoa deve lê-lo.',
    duplicate: (tk, w) => `Possível duplicado de ${tk}, ainda aberto, do mesmo cliente: os assuntos partilham ${w}.`,
    earlyFollowUp: (m, c) => `O cliente escreveu ${m} min depois da resposta do agente; a política pede esperar ${c} min.`,
    overQuota: (n, l, mo) => `Ticket ${n} de ${mo} deste cliente; a quota mensal é ${l}.`,
    quotaNotConfigured: 'A política limita os tickets por mês conforme o plano, e esta instalação não define a quota deste cliente.',
  },
  setup: {
    title: 'Termine de configurar o Plazo',
    intro:
      'Um passo, só na primeira vez: o Plazo lê o segredo do webhook e os campos criados na instalação, e guarda suas credenciais cifradas.',
    missing: (i) => `Falta: ${i}.`,
    email: 'E-mail do usuário da API do Zendesk',
    token: 'Token da API do Zendesk',
    tokenHint: 'O Plazo o guarda cifrado e nunca o devolve. Sem ele, o Plazo só simula as alterações.',
    policy: 'Sua própria política (opcional, JSON)',
    policyHint: 'Cole o documento da sua política; a configuração «Política de suporte» do app deve nomear o id dela.',
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
  forAgent: {
    title: 'For the agent',
    category: (l, c, d) => `Category: ${l}${c ? ` — channel: ${c}` : ''}${d ? ` — ${d}` : ''}`,
    tier: (l, d) => `Support tier: ${l}${d ? ` — ${d}` : ''}`,
  },
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
  confidence: (p) => `confidence ${p}`,
  flagNames: {
    'priority-mismatch': 'Priority differs from the declared one',
    'missing-information': 'Missing information',
    'after-hours': 'After hours',
    supervisor: 'Needs a supervisor',
    'technical-service': 'Technical service',
    'offensive-language': 'Offensive language',
    'language-not-understood': 'Language not understood',
    'check-external-causes': 'Check external causes',
    'possible-duplicate': 'Possible duplicate',
    'early-follow-up': 'Follow-up too soon',
    'over-quota': 'Over the monthly quota',
  },
  reason: {
    priority: (l, d) => `Points to ${l}${d ? `: ${d}` : '.'}`,
    ceiling: (l) => `There is a workaround or the rest works: at most ${l}.`,
    stressed: (l) => `Several matters in one message: the one the customer marks as the most severe decides (${l}).`,
    textModel: (l) => `A text model trained on labelled tickets decides ${l}, from the words that weighed most.`,
    declaredConfirmed: (l) => `The customer declared ${l} in the subject and the text agrees.`,
    declaredKept: (l) => `The customer declared ${l} in the subject and the text does not clearly point elsewhere.`,
    declaredMismatch: (l) => `The customer declared another priority in the subject, but the text points to ${l}.`,
    defaultPriority: (l) => `Nothing in the text matches a priority's definition: the policy's default, ${l}.`,
    override: (l) => `Priority ${l} set by an agent.`,
    excluded: (d) => `Excluded from the targets: ${d}`,
    exclusionNotApplied: (d) => `Mentioned, but not excluded (the text matches an exception of the rule): ${d}`,
    exclusionOverridden: (d) => `Exclusion not applied because an agent set the priority: ${d}`,
    category: (l) => `Channel: ${l}.`,
    categoryDefault: (l) => `No routing words: the default channel, ${l}.`,
    tier: (l) => `Tier: ${l}.`,
    tierDefault: (l) => `No tier words: first classification, ${l}.`,
    missing: (i) => `Missing: ${i}. Ask the customer for it.`,
    afterHours: (m) => `Received out of hours: the clocks start at the next opening.${m ? ` The policy says: "${m}"` : ''}`,
    flagRule: (f, h) => `${f}.${h ? ` The policy says: "${h}"` : ''}`,
    textLimit: 'Not all of the text was read (subject or body too long): put what matters first, or split the ticket.',
    setAside: "Not read as the customer's words: quoted messages, a forward or the signature (contact details there still count).",
    language:
      'A language the rules do not read (they read Spanish, Portuguese and English): the priority is a guess; a person should read it.',
    duplicate: (tk, w) => `Possible duplicate of ${tk}, still open, from the same customer: the subjects share ${w}.`,
    earlyFollowUp: (m, c) => `The customer wrote ${m} min after the agent's reply; the policy asks to wait ${c} min.`,
    overQuota: (n, l, mo) => `Ticket ${n} of ${mo} from this customer; the monthly quota is ${l}.`,
    quotaNotConfigured: 'The policy limits tickets per month by plan, and this installation sets no quota for this customer.',
  },
  setup: {
    title: 'Finish setting up Plazo',
    intro:
      'One step, the first time only: Plazo reads the webhook secret and the fields made at install, and stores your credentials encrypted.',
    missing: (i) => `Missing: ${i}.`,
    email: 'Zendesk API user e-mail',
    token: 'Zendesk API token',
    tokenHint: 'Plazo stores it encrypted and never returns it. Without it, Plazo only plans changes (dry run).',
    policy: 'Your own policy (optional, JSON)',
    policyHint: 'Paste your policy document; the app\'s "Support policy" setting must name its id.',
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
