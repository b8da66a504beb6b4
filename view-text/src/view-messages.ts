import type { SlaState, TargetName } from '@plazo/core';
import type { Locale } from './locale';

/** What both apps show of an evaluation, in the user's language: targets and their states, time left, flags, one sentence per reason. */
export type ViewMessages = {
  decided: string;
  noPriority: string;
  why: string;
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
};

const es: ViewMessages = {
  decided: 'Prioridad según la política',
  noPriority: 'Sin prioridad',
  why: 'Por qué',
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
};

const pt: ViewMessages = {
  decided: 'Prioridade segundo a política',
  noPriority: 'Sem prioridade',
  why: 'Por quê',
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
};

const en: ViewMessages = {
  decided: 'Priority by the policy',
  noPriority: 'No priority',
  why: 'Why',
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
};

export const viewMessages: Record<Locale, ViewMessages> = { es, pt, en };
