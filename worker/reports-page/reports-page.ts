// The admin reports page (/admin/reports/), served as a static asset beside the Worker, never inside its script. It asks for
// the admin token once per tab, keeps it in sessionStorage and sends it as a bearer header to the JSON and CSV API.
import { BarController, BarElement, CategoryScale, Chart, type ChartDataset, Legend, LinearScale, Tooltip } from 'chart.js';
import type { ComplianceReport, CustomerKind, HoursReport, TargetSummary } from '../src/reports/report-types.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const TOKEN_KEY = 'plazo.adminToken';
const PALETTE = ['#0969da', '#8250df', '#bf3989', '#1a7f37', '#9a6700', '#cf222e', '#57606a', '#0550ae', '#6639ba', '#116329'];
const STATE_COLORS = { met: '#1a7f37', atRisk: '#d4a72c', breached: '#cf222e', open: '#afb8c1' } as const;

type Kind = 'hours' | 'compliance' | 'flags';
type ApiError = { error?: { code?: string; detail?: string } };

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const charts = new Map<string, Chart>();

function showError(message: string | null): void {
  const box = $<HTMLElement>('#error');
  box.hidden = message === null;
  box.textContent = message ?? '';
}

function setSignedIn(signedIn: boolean): void {
  $<HTMLElement>('#sign-in').hidden = signedIn;
  $<HTMLElement>('#reports').hidden = !signedIn;
  $<HTMLElement>('#sign-out').hidden = !signedIn;
  document.body.dataset.state = signedIn ? 'signed-in' : 'signed-out';
}

/** A call to the Worker's API with the tab's token; a refused token signs out, any other error is shown as the API named it. */
async function api(path: string): Promise<Response | null> {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) {
    setSignedIn(false);
    return null;
  }
  const res = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  if (res.ok) return res;
  const body = (await res.json().catch(() => ({}))) as ApiError;
  if (res.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    setSignedIn(false);
  }
  showError(`${body.error?.code ?? res.status}: ${body.error?.detail ?? res.statusText}`);
  return null;
}

const monthInput = (offset: number) => {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth() + offset, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};

function query(kind: Kind, format: 'json' | 'csv'): string {
  const form = new FormData($<HTMLFormElement>('#range'));
  const params = new URLSearchParams({
    installation: String(form.get('installation')),
    from: String(form.get('from')),
    to: String(form.get('to')),
    format,
  });
  return `/api/v1/reports/${kind}?${params}`;
}

function fillTable(testId: string, rows: (string | number)[][]): void {
  const body = $<HTMLTableSectionElement>(`[data-testid="${testId}"] tbody`);
  body.replaceChildren(
    ...rows.map((cells) => {
      const tr = document.createElement('tr');
      for (const value of cells) {
        const td = document.createElement('td');
        td.textContent = String(value);
        if (typeof value === 'number') td.className = 'number';
        tr.append(td);
      }
      return tr;
    }),
  );
}

/** Draws (or redraws) a bar chart without animation, so it is complete when this returns. */
function drawBars(id: string, labels: string[], datasets: ChartDataset<'bar'>[], stacked: boolean, yTitle: string): void {
  charts.get(id)?.destroy();
  const chart = new Chart($<HTMLCanvasElement>(`#${id}`), {
    type: 'bar',
    data: { labels, datasets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { x: { stacked }, y: { stacked, beginAtZero: true, title: { display: true, text: yTitle } } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
  charts.set(id, chart);
}

/** One dataset per group (a customer, a flag), its value per label (a month, a customer). */
function grouped<R>(rows: R[], labels: string[], group: (r: R) => string, label: (r: R) => string, value: (r: R) => number) {
  const groups = [...new Set(rows.map(group))].sort();
  return groups.map((name, i): ChartDataset<'bar'> => {
    const values = labels.map((l) => rows.filter((r) => group(r) === name && label(r) === l).reduce((n, r) => n + value(r), 0));
    return { label: name, data: values, backgroundColor: PALETTE[i % PALETTE.length]! };
  });
}

const duration = (ms: number | null) => {
  if (ms === null) return '—';
  const minutes = Math.round(ms / 60_000);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
};
/** An organisation is named as such; a requester by the host's name for them. */
const customerLabel = (r: { customer: string; customerKind: CustomerKind }) =>
  r.customerKind === 'organization' ? `${r.customer} (organisation)` : r.customer;
const states = (t: TargetSummary) => `${t.met} / ${t.atRisk} / ${t.breached}`;

function drawHours(report: HoursReport): void {
  const datasets = grouped(
    report.rows,
    report.months,
    customerLabel,
    (r) => r.month,
    (r) => r.hours,
  );
  drawBars('hours-chart', report.months, datasets, true, 'hours');
  fillTable(
    'hours-table',
    report.rows.map((r) => [customerLabel(r), r.month, r.hours, r.tickets, r.entries]),
  );
}

function drawCompliance(report: ComplianceReport): void {
  const count = (t: TargetSummary, state: keyof typeof STATE_COLORS) => (state === 'open' ? t.running + t.paused : t[state]);
  const perMonth = (target: 'firstResponse' | 'resolution', state: keyof typeof STATE_COLORS) =>
    report.months.map((m) => report.rows.filter((r) => r.month === m).reduce((n, r) => n + count(r[target], state), 0));
  const datasets: ChartDataset<'bar'>[] = [];
  for (const [target, name] of [
    ['firstResponse', 'First response'],
    ['resolution', 'Resolution'],
  ] as const)
    for (const [state, label] of [
      ['met', 'met'],
      ['atRisk', 'at risk'],
      ['breached', 'breached'],
      ['open', 'still open'],
    ] as const)
      datasets.push({
        label: `${name} ${label}`,
        data: perMonth(target, state),
        stack: target,
        backgroundColor: STATE_COLORS[state],
        borderColor: target === 'resolution' ? '#1f2328' : STATE_COLORS[state],
        borderWidth: target === 'resolution' ? 1 : 0,
      });
  drawBars('compliance-chart', report.months, datasets, true, 'tickets');
  fillTable(
    'compliance-table',
    report.rows.map((r) => [
      r.policy,
      r.priority,
      r.month,
      r.tickets,
      states(r.firstResponse),
      duration(r.firstResponse.medianBusinessMs),
      states(r.resolution),
      duration(r.resolution.medianBusinessMs),
    ]),
  );
  const customers = [...new Set(report.flags.map(customerLabel))].sort();
  drawBars(
    'flags-chart',
    customers,
    grouped(
      report.flags,
      customers,
      (f) => f.flag,
      customerLabel,
      (f) => f.tickets,
    ),
    true,
    'tickets',
  );
  fillTable(
    'flags-table',
    report.flags.map((f) => [customerLabel(f), f.month, f.flag, f.tickets]),
  );
}

async function showReports(): Promise<void> {
  document.body.dataset.state = 'loading';
  showError(null);
  const [hours, compliance] = await Promise.all([api(query('hours', 'json')), api(query('compliance', 'json'))]);
  if (!hours || !compliance) return;
  drawHours((await hours.json()) as HoursReport);
  drawCompliance((await compliance.json()) as ComplianceReport);
  document.body.dataset.state = 'ready';
}

/** The CSV comes through the same bearer call, then is saved under the name the Worker gave it. */
async function exportCsv(kind: Kind): Promise<void> {
  const res = await api(query(kind, 'csv'));
  if (!res) return;
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `plazo-${kind}.csv`;
  const url = URL.createObjectURL(await res.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function start(): Promise<void> {
  const res = await api('/api/v1/installations');
  if (!res) return;
  const { installations } = (await res.json()) as { installations: { key: string; account: string | null }[] };
  const select = $<HTMLSelectElement>('[data-testid="installation"]');
  select.replaceChildren(
    ...installations.map((i) =>
      Object.assign(document.createElement('option'), { value: i.key, textContent: i.account ? `${i.key} (${i.account})` : i.key }),
    ),
  );
  const from = $<HTMLInputElement>('[data-testid="from"]');
  const to = $<HTMLInputElement>('[data-testid="to"]');
  if (!from.value) from.value = monthInput(-5);
  if (!to.value) to.value = monthInput(0);
  setSignedIn(true);
  await showReports();
}

$<HTMLFormElement>('#sign-in').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = $<HTMLInputElement>('[data-testid="token"]');
  sessionStorage.setItem(TOKEN_KEY, input.value.trim());
  input.value = '';
  void start();
});
$<HTMLButtonElement>('#sign-out').addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  for (const chart of charts.values()) chart.destroy();
  charts.clear();
  setSignedIn(false);
});
$<HTMLFormElement>('#range').addEventListener('submit', (event) => {
  event.preventDefault();
  void showReports();
});
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-export]'))
  button.addEventListener('click', () => void exportCsv(button.dataset.export as Kind));

if (sessionStorage.getItem(TOKEN_KEY)) void start();
else setSignedIn(false);
