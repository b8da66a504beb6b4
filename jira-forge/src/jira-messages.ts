import type { Locale } from '@plazo/view-text';

/** What only the Jira app says, in the user's language; the words both apps share come from @plazo/view-text. */
export type JiraMessages = {
  title: string;
  loading: string;
  jiraShows: (priority: string) => string;
  evaluatedAt: (when: string) => string;
  remainingAt: (line: string, when: string) => string;
  notSeen: string;
  notSeenDetail: string;
  unreachable: string;
  unreachableDetail: (detail: string) => string;
  failed: string;
  failedDetail: (code: string, detail: string) => string;
  admin: {
    title: string;
    intro: string;
    defaultPolicy: string;
    defaultPolicyHelp: string;
    projects: string;
    projectsHelp: string;
    sameAsDefault: string;
    priorityMap: string;
    priorityMapHelp: string;
    byRank: (priority: string) => string;
    pauseStatuses: string;
    pauseStatusesHelp: string;
    agents: string;
    agentsHelp: string;
    projectRole: string;
    group: string;
    anyoneButReporter: string;
    atRisk: string;
    atRiskHelp: string;
    dryRun: string;
    dryRunHelp: string;
    save: string;
    saving: string;
    saved: string;
    problems: (count: number) => string;
    siteProblems: string;
    percentInvalid: string;
  };
};

const es: JiraMessages = {
  title: 'Plazo',
  loading: 'Cargando…',
  jiraShows: (p) => `Jira: ${p}`,
  evaluatedAt: (w) => `Evaluado ${w}`,
  remainingAt: (l, w) => `${l} (a las ${w})`,
  notSeen: 'Plazo aún no ha evaluado esta incidencia',
  notSeenDetail: 'Aparecerá en cuanto Jira envíe su próximo evento (crearla, editarla o comentarla).',
  unreachable: 'No se puede contactar con Plazo',
  unreachableDetail: (d) => `El servicio de Plazo no respondió (${d}). Un administrador debe revisar la URL de Plazo de la app.`,
  failed: 'Plazo respondió con un error',
  failedDetail: (c, d) => `${c}: ${d}`,
  admin: {
    title: 'Configuración de Plazo',
    intro: 'Plazo aplica la política de soporte a las incidencias: prioridad, plazos en horario hábil y su estado.',
    defaultPolicy: 'Política',
    defaultPolicyHelp: 'La política de los proyectos que no eligen otra.',
    projects: 'Política por proyecto',
    projectsHelp: 'Un proyecto puede seguir otra política.',
    sameAsDefault: 'La política general',
    priorityMap: 'Prioridades de Jira',
    priorityMapHelp: 'Qué prioridad de Jira escribe Plazo para cada prioridad de la política.',
    byRank: (p) => `Por orden: ${p}`,
    pauseStatuses: 'Estados que pausan el reloj',
    pauseStatusesHelp: 'Mientras una incidencia está en uno de ellos, sus plazos no corren.',
    agents: 'Quién da la primera respuesta',
    agentsHelp:
      'Un comentario de un rol de proyecto o de un grupo cuenta como primera respuesta; sin ellos, cualquiera menos quien la informó.',
    projectRole: 'Rol de proyecto',
    group: 'Grupo',
    anyoneButReporter: 'Cualquiera menos quien la informó',
    atRisk: 'Umbral de riesgo (%)',
    atRiskHelp: 'Un plazo está en riesgo cuando queda este porcentaje o menos. Vacío: el de la política.',
    dryRun: 'Modo simulación',
    dryRunHelp: 'Plazo calcula los cambios pero no los escribe en Jira.',
    save: 'Guardar',
    saving: 'Guardando…',
    saved: 'Configuración guardada.',
    problems: (n) => (n === 1 ? 'Plazo no guardó nada: hay 1 problema.' : `Plazo no guardó nada: hay ${n} problemas.`),
    siteProblems: 'Plazo no pudo leer algunas listas del sitio:',
    percentInvalid: 'debe ser un número entre 1 y 99',
  },
};

const pt: JiraMessages = {
  title: 'Plazo',
  loading: 'Carregando…',
  jiraShows: (p) => `Jira: ${p}`,
  evaluatedAt: (w) => `Avaliado ${w}`,
  remainingAt: (l, w) => `${l} (às ${w})`,
  notSeen: 'O Plazo ainda não avaliou esta issue',
  notSeenDetail: 'Aparecerá assim que o Jira enviar o próximo evento (criá-la, editá-la ou comentá-la).',
  unreachable: 'Não foi possível contatar o Plazo',
  unreachableDetail: (d) => `O serviço do Plazo não respondeu (${d}). Um administrador deve verificar a URL do Plazo no app.`,
  failed: 'O Plazo respondeu com um erro',
  failedDetail: (c, d) => `${c}: ${d}`,
  admin: {
    title: 'Configuração do Plazo',
    intro: 'O Plazo aplica a política de suporte às issues: prioridade, prazos em horário útil e o seu estado.',
    defaultPolicy: 'Política',
    defaultPolicyHelp: 'A política dos projetos que não escolhem outra.',
    projects: 'Política por projeto',
    projectsHelp: 'Um projeto pode seguir outra política.',
    sameAsDefault: 'A política geral',
    priorityMap: 'Prioridades do Jira',
    priorityMapHelp: 'Qual prioridade do Jira o Plazo escreve para cada prioridade da política.',
    byRank: (p) => `Pela ordem: ${p}`,
    pauseStatuses: 'Estados que pausam o relógio',
    pauseStatusesHelp: 'Enquanto uma issue está num deles, os prazos não correm.',
    agents: 'Quem dá a primeira resposta',
    agentsHelp: 'Um comentário de um papel de projeto ou de um grupo conta como primeira resposta; sem eles, qualquer um exceto o relator.',
    projectRole: 'Papel de projeto',
    group: 'Grupo',
    anyoneButReporter: 'Qualquer um exceto o relator',
    atRisk: 'Limite de risco (%)',
    atRiskHelp: 'Um prazo está em risco quando resta esta percentagem ou menos. Vazio: o da política.',
    dryRun: 'Modo simulação',
    dryRunHelp: 'O Plazo calcula as alterações mas não as escreve no Jira.',
    save: 'Salvar',
    saving: 'Salvando…',
    saved: 'Configuração salva.',
    problems: (n) => (n === 1 ? 'O Plazo não salvou nada: há 1 problema.' : `O Plazo não salvou nada: há ${n} problemas.`),
    siteProblems: 'O Plazo não conseguiu ler algumas listas do site:',
    percentInvalid: 'deve ser um número entre 1 e 99',
  },
};

const en: JiraMessages = {
  title: 'Plazo',
  loading: 'Loading…',
  jiraShows: (p) => `Jira: ${p}`,
  evaluatedAt: (w) => `Evaluated ${w}`,
  remainingAt: (l, w) => `${l} (at ${w})`,
  notSeen: 'Plazo has not evaluated this issue yet',
  notSeenDetail: 'It appears as soon as Jira sends the next event (creating, editing or commenting on it).',
  unreachable: 'Plazo cannot be reached',
  unreachableDetail: (d) => `The Plazo service did not answer (${d}). An admin must check the app's Plazo URL.`,
  failed: 'Plazo answered with an error',
  failedDetail: (c, d) => `${c}: ${d}`,
  admin: {
    title: 'Plazo settings',
    intro: 'Plazo applies your support policy to issues: the priority, deadlines in business hours and how they stand.',
    defaultPolicy: 'Policy',
    defaultPolicyHelp: 'The policy of every project that does not choose another.',
    projects: 'Policy per project',
    projectsHelp: 'A project may follow another policy.',
    sameAsDefault: 'The general policy',
    priorityMap: 'Jira priorities',
    priorityMapHelp: "Which Jira priority Plazo writes for each of the policy's priorities.",
    byRank: (p) => `By rank: ${p}`,
    pauseStatuses: 'Statuses that pause the clock',
    pauseStatusesHelp: 'While an issue is in one of them, its deadlines do not run.',
    agents: 'Who gives the first response',
    agentsHelp: 'A comment by a project role or a group counts as the first response; without them, anyone but the reporter.',
    projectRole: 'Project role',
    group: 'Group',
    anyoneButReporter: 'Anyone but the reporter',
    atRisk: 'At-risk threshold (%)',
    atRiskHelp: "A deadline is at risk when this share of it or less is left. Empty: the policy's.",
    dryRun: 'Dry run',
    dryRunHelp: 'Plazo plans the changes but does not write them to Jira.',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Settings saved.',
    problems: (n) => (n === 1 ? 'Plazo saved nothing: there is 1 problem.' : `Plazo saved nothing: there are ${n} problems.`),
    siteProblems: 'Plazo could not read some of the site lists:',
    percentInvalid: 'must be a number from 1 to 99',
  },
};

export const jiraMessages: Record<Locale, JiraMessages> = { es, pt, en };
