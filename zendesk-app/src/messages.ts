import { type Locale, type ViewMessages, viewMessages } from '@plazo/view-text';

/** What only the Zendesk sidebar says: Zendesk's priorities, the apply button, the preview, fixes for an admin, the setup step. */
export type ZendeskMessages = {
  title: string;
  matched: string;
  zendeskShows: (priority: string) => string;
  differs: (decided: string, zendesk: string, current: string) => string;
  apply: (priority: string) => string;
  applied: string;
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

/** Everything the sidebar says: the words both apps share (@plazo/view-text) and its own. */
export type Messages = ViewMessages & ZendeskMessages;

const es: ZendeskMessages = {
  title: 'Plazo',
  matched: 'Palabras del ticket',
  zendeskShows: (p) => `Zendesk: ${p}`,
  differs: (d, z, c) => `La política dice ${d} (${z} en Zendesk); el ticket está en ${c}.`,
  apply: (p) => `Aplicar ${p}`,
  applied: 'Prioridad aplicada',
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

const pt: ZendeskMessages = {
  title: 'Plazo',
  matched: 'Palavras do ticket',
  zendeskShows: (p) => `Zendesk: ${p}`,
  differs: (d, z, c) => `A política diz ${d} (${z} no Zendesk); o ticket está em ${c}.`,
  apply: (p) => `Aplicar ${p}`,
  applied: 'Prioridade aplicada',
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

const en: ZendeskMessages = {
  title: 'Plazo',
  matched: 'Words in the ticket',
  zendeskShows: (p) => `Zendesk: ${p}`,
  differs: (d, z, c) => `The policy says ${d} (${z} in Zendesk); the ticket is ${c}.`,
  apply: (p) => `Apply ${p}`,
  applied: 'Priority applied',
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

export const messages: Record<Locale, Messages> = {
  es: { ...viewMessages.es, ...es },
  pt: { ...viewMessages.pt, ...pt },
  en: { ...viewMessages.en, ...en },
};
