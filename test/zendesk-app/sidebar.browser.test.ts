import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import acmeHosting from '../../docs/examples/acme-hosting.json';
import { launchChromium, openSidebar, UNREACHABLE_URL } from './support/sidebar-page.js';
import { NOW_MS } from './support/worker-stand-in.js';

const screenshots = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
mkdirSync(screenshots, { recursive: true });

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function shot(page: Page, name: string) {
  await page.getByTestId('plazo-sidebar').screenshot({ path: `${screenshots}zendesk-sidebar-${name}.png` });
}

/** An element as the page sees it; the root tsconfig has no DOM library. */
type Styled = { ownerDocument: { defaultView: { getComputedStyle(el: unknown): { backgroundColor: string } } } };

const state = (page: Page, target: 'firstResponse' | 'resolution') => page.getByTestId(`plazo-badge-${target}`);

describe('the built Zendesk sidebar in Chromium', () => {
  it('shows a running first response in Spanish business time, with the decision, its matched words and the due instants', async () => {
    const { page } = await openSidebar(browser, { ticketId: '101', locale: 'es-419', zendeskPriority: 'urgent' });
    const badge = state(page, 'firstResponse');
    await expect.poll(() => badge.getAttribute('data-state')).toBe('running');
    await expect.poll(() => page.getByTestId('plazo-state-firstResponse').textContent()).toBe('En curso');
    // Created 30 min ago inside hours: 3 h 30 min of the 4 business hours are left.
    expect(await page.getByTestId('plazo-remaining-firstResponse').textContent()).toBe('3 h 30 min hábiles restantes');
    const due = await page.getByTestId('plazo-due-firstResponse').textContent();
    expect(due).toContain('(tu hora)');
    expect(due).toContain('Europe/Lisbon');
    expect(await page.getByTestId('plazo-priority').textContent()).toContain('Urgente');
    expect(await page.getByTestId('plazo-mismatch').count()).toBe(0);
    await page.getByTestId('plazo-why').click();
    const reasons = page.getByTestId('plazo-reasons');
    await reasons.waitFor({ state: 'visible' });
    // Each reason in the agent's words: the priority it argues for with the policy's Spanish definition, the matched words, confidence.
    const text = await reasons.textContent();
    expect(text).toContain('Indica Urgente: El servicio está caído para todos.');
    expect(text).toContain('ningún usuario puede entrar');
    expect(text).toMatch(/confianza 97\s%/);
    expect(text).not.toMatch(/The service|→|priority:urgente/);
    expect(await reasons.locator('[data-rule="priority:urgente/down-for-everyone"]').count()).toBe(1);
    await shot(page, 'running-es');
    await page.close();
  });

  it('counts down every minute without calling the Worker, and turns at risk by itself when the threshold passes', async () => {
    const { page, workerCalls } = await openSidebar(browser, { ticketId: '101', locale: 'en-US', zendeskPriority: 'urgent' });
    const remaining = page.getByTestId('plazo-remaining-firstResponse');
    await expect.poll(() => remaining.textContent()).toBe('3 h 30 min business left');
    const callsBefore = workerCalls.length;
    await page.clock.runFor(60_000);
    await expect.poll(() => remaining.textContent()).toBe('3 h 29 min business left');
    // At risk once 1 h (25 % of 4 h) or less is left: 2 h 30 min from now.
    await page.clock.runFor(2.5 * 3_600_000 - 60_000);
    await expect.poll(() => state(page, 'firstResponse').getAttribute('data-state')).toBe('at-risk');
    expect(await page.getByTestId('plazo-state-firstResponse').textContent()).toBe('At risk');
    expect(workerCalls.length).toBe(callsBefore);
    await page.close();
  });

  it('explains the decision to a Portuguese agent in Portuguese, with the policy’s own definition', async () => {
    const { page } = await openSidebar(browser, { ticketId: '101', locale: 'pt-BR', zendeskPriority: 'urgent' });
    await page.getByTestId('plazo-why').click();
    const reasons = page.getByTestId('plazo-reasons');
    await reasons.waitFor({ state: 'visible' });
    const text = await reasons.textContent();
    expect(await page.getByTestId('plazo-why').textContent()).toBe('Por quê');
    expect(text).toContain('Indica Urgente: O serviço está em baixo para todos.');
    expect(text).toContain('Palavras do ticket');
    expect(text).toMatch(/confiança 97\s?%/);
    expect(text).not.toMatch(/The service|→|Servicio|priority:urgente/);
    await shot(page, 'why-pt');
    await page.close();
  });

  it('shows at risk in Portuguese', async () => {
    const { page } = await openSidebar(browser, { ticketId: '102', locale: 'pt-BR', zendeskPriority: 'urgent' });
    await expect.poll(() => state(page, 'firstResponse').getAttribute('data-state')).toBe('at-risk');
    expect(await page.getByTestId('plazo-state-firstResponse').textContent()).toBe('Em risco');
    expect(await page.getByTestId('plazo-remaining-firstResponse').textContent()).toBe('30 min úteis restantes');
    await shot(page, 'at-risk-pt');
    await page.close();
  });

  it('shows breached, met and paused with their own hues in English', async () => {
    const cases = [
      ['103', 'firstResponse', 'breached', 'Breached'],
      ['104', 'firstResponse', 'met', 'Met'],
      ['105', 'resolution', 'paused', 'Paused'],
    ] as const;
    const hues = new Set<string>();
    for (const [ticketId, target, expected, label] of cases) {
      const { page } = await openSidebar(browser, { ticketId, locale: 'en-US', zendeskPriority: 'normal' });
      await expect.poll(() => state(page, target).getAttribute('data-state')).toBe(expected);
      const tag = page.getByTestId(`plazo-state-${target}`);
      expect(await tag.textContent()).toBe(label);
      hues.add(await tag.evaluate((el: Styled) => el.ownerDocument.defaultView.getComputedStyle(el).backgroundColor));
      await shot(page, `${expected}-en`);
      await page.close();
    }
    expect(hues.size).toBe(3);
  });

  it('says an excluded ticket has no deadlines and why, with the policy’s flag', async () => {
    const { page } = await openSidebar(browser, { ticketId: '106', locale: 'es-ES', zendeskPriority: 'low' });
    const excluded = page.getByTestId('plazo-badge-excluded');
    await excluded.waitFor();
    expect(await excluded.textContent()).toContain('Excluido: Servicio técnico');
    expect(await excluded.textContent()).toContain('Solicitud de Servicio Técnico');
    expect(await page.locator('[data-flag="technical-service"]').textContent()).toBe('Servicio técnico');
    expect(await page.getByTestId('plazo-badge-firstResponse').count()).toBe(0);
    await shot(page, 'excluded-es');
    await page.close();
  });

  it('marks a Zendesk priority that differs from the decision, and Apply sets it through client.set', async () => {
    const { page } = await openSidebar(browser, { ticketId: '102', locale: 'en-US', zendeskPriority: 'low' });
    const mismatch = page.getByTestId('plazo-mismatch');
    await mismatch.waitFor();
    expect(await mismatch.textContent()).toContain('The policy says Urgent (Urgent in Zendesk); the ticket is Low.');
    await shot(page, 'mismatch-en');
    await page.getByTestId('plazo-apply').click();
    await mismatch.waitFor({ state: 'detached' });
    const sets = await page.evaluate("window.__zafCalls.filter((c) => c[0] === 'set')");
    expect(sets).toEqual([['set', 'ticket.priority', 'urgent']]);
    await page.close();
  });

  it('previews a ticket the Worker has not seen, from its own fields, marked as a preview', async () => {
    const { page, workerCalls } = await openSidebar(browser, {
      ticketId: '999',
      locale: 'en-US',
      zendeskPriority: null,
      fields: {
        subject: 'No podemos facturar: la plataforma no carga para nadie',
        description: 'Desde esta mañana ningún usuario puede entrar y no podemos emitir facturas.',
        createdAt: new Date(NOW_MS - 30 * 60_000).toISOString(),
      },
    });
    await page.getByTestId('plazo-preview').waitFor();
    expect(workerCalls).toContain('/api/v1/zendesk/tickets/999');
    expect(workerCalls).toContain('/api/v1/zendesk/policy');
    // The same ticket the Worker evaluated as 101: the same decision and the same clock.
    expect(await page.getByTestId('plazo-priority').textContent()).toContain('Urgent');
    expect(await page.getByTestId('plazo-remaining-firstResponse').textContent()).toBe('3 h 30 min business left');
    await shot(page, 'preview-en');
    await page.close();
  });

  it('tells the admin what to fix when the token is refused, the Worker is misconfigured or cannot be reached', async () => {
    const cases = [
      [{ ticketId: '101', token: 'wrong' }, /installation token/],
      [{ ticketId: '503' }, /not configured correctly: the installation's policy "acme-custom" is not available/],
      [{ ticketId: '101', plazoUrl: UNREACHABLE_URL }, /cannot be reached at https:\/\/plazo-down\.example\.workers\.dev/],
      [{ ticketId: '101', plazoUrl: '' }, /The Plazo URL is missing/],
    ] as const;
    for (const [options, message] of cases) {
      const { page } = await openSidebar(browser, { locale: 'en-US', ...options });
      const problem = page.getByTestId('plazo-problem');
      await problem.waitFor();
      expect(await problem.textContent()).toMatch(message);
      if (options.ticketId === '503') await shot(page, 'misconfigured-en');
      await page.close();
    }
  });

  it('walks an admin through the first-run step: webhook pointed at the Worker, its secret and the field ids sent with the credentials', async () => {
    const { page, setup, zendeskWrites } = await openSidebar(browser, {
      ticketId: '101',
      locale: 'en-US',
      zendeskPriority: 'urgent',
      role: 'admin',
      settings: { priorityMap: '{"alta": "urgent"}', pauseStatuses: 'pending' },
    });
    const panel = page.getByTestId('plazo-setup');
    await panel.waitFor();
    expect(await page.getByTestId('plazo-setup-missing').textContent()).toBe('Missing: webhookSigningSecret, apiEmail, apiToken.');
    await shot(page, 'setup-en');
    await page.getByTestId('plazo-setup-email').fill('admin@acme.test');
    await page.getByTestId('plazo-setup-token').fill('zendesk-api-token');
    await page.getByTestId('plazo-setup-connect').click();
    await page.getByTestId('plazo-setup-done').waitFor();
    // The webhook made at install is pointed at this installation's Worker, which reads whose delivery it is from the URL.
    expect(zendeskWrites).toEqual([
      [
        'PATCH',
        '/api/v2/webhooks/01HPLAZOWEBHOOK',
        { webhook: { endpoint: 'https://plazo.example.workers.dev/webhooks/zendesk?subdomain=acme' } },
      ],
    ]);
    expect(setup.posted).toEqual([
      {
        webhookSigningSecret: 'zendesk-made-signing-secret',
        apiEmail: 'admin@acme.test',
        apiToken: 'zendesk-api-token',
        settings: {
          policy: 'infraspeak',
          priorityMap: { alta: 'urgent' },
          statusMap: { pending: 'pending', hold: null },
          fields: { firstResponseDue: 360001, resolutionDue: 360002 },
        },
      },
    ]);
    await page.close();
  });

  it("sends a policy the admin pastes in the first-run step as the policyDocument, selected by the app's policy setting", async () => {
    const { page, setup } = await openSidebar(browser, {
      ticketId: '101',
      locale: 'en-US',
      zendeskPriority: 'urgent',
      role: 'admin',
      settings: { policy: 'acme-hosting', pauseStatuses: '' },
    });
    await page.getByTestId('plazo-setup').waitFor();
    await page.getByTestId('plazo-setup-email').fill('admin@acme.test');
    await page.getByTestId('plazo-setup-token').fill('zendesk-api-token');
    await page.getByTestId('plazo-setup-policy').fill(JSON.stringify(acmeHosting, null, 2));
    await page.getByTestId('plazo-setup-connect').click();
    await page.getByTestId('plazo-setup-done').waitFor();
    expect(setup.posted).toHaveLength(1);
    expect(setup.posted[0]).toMatchObject({ settings: { policy: 'acme-hosting' }, policyDocument: acmeHosting });
    await page.close();
  });

  it('shows agents no setup step', async () => {
    const { page, workerCalls } = await openSidebar(browser, { ticketId: '101', locale: 'en-US', zendeskPriority: 'urgent' });
    await page.getByTestId('plazo-badge-firstResponse').waitFor();
    expect(workerCalls).not.toContain('/api/v1/zendesk/setup');
    expect(await page.getByTestId('plazo-setup').count()).toBe(0);
    await page.close();
  });

  it('previews a new ticket still being written, with no id and no creation yet, without asking for a ticket', async () => {
    const { page, workerCalls } = await openSidebar(browser, {
      ticketId: null,
      locale: 'pt-BR',
      fields: { subject: 'Necesito recuperar elementos eliminados de la base de datos' },
    });
    await page.getByTestId('plazo-preview').waitFor();
    expect(workerCalls).toEqual(['/api/v1/zendesk/policy']);
    expect(await page.getByTestId('plazo-badge-excluded').textContent()).toContain('Excluído: Serviço técnico');
    expect(await page.locator('[data-flag="technical-service"]').textContent()).toBe('Serviço técnico');
    await page.close();
  });

  it('follows the priority an agent changes in Zendesk: the mark appears and goes as it differs and agrees', async () => {
    const { page } = await openSidebar(browser, { ticketId: '102', locale: 'en-US', zendeskPriority: 'urgent' });
    await page.getByTestId('plazo-badge-firstResponse').waitFor();
    expect(await page.getByTestId('plazo-mismatch').count()).toBe(0);
    await page.evaluate("window.__zafEmit('ticket.priority.changed', 'high', 'ticket.priority')");
    await page.getByTestId('plazo-mismatch').waitFor();
    await page.evaluate("window.__zafEmit('ticket.priority.changed', 'urgent', 'ticket.priority')");
    await page.getByTestId('plazo-mismatch').waitFor({ state: 'detached' });
    await page.close();
  });

  it('names the flags as the policy does: after hours, and missing information with what is missing', async () => {
    const { page } = await openSidebar(browser, { ticketId: '201', policy: 'websaas', locale: 'es-419', zendeskPriority: 'high' });
    await page.getByTestId('plazo-flags').waitFor();
    expect(
      await page.locator('[data-flag]').evaluateAll((els) => els.map((e) => (e as unknown as { dataset: { flag: string } }).dataset.flag)),
    ).toEqual(['after-hours', 'missing-information']);
    expect(await page.locator('[data-flag]').allTextContents()).toEqual(['Fuera de horario', 'Falta información']);
    const missing = await page.getByTestId('plazo-missing').textContent();
    const labels = ['Nombre de la empresa', 'Nombre de la persona que reporta', 'Teléfono de contacto', 'Correo electrónico de contacto'];
    expect(missing).toBe(`Falta: ${[...labels, 'Detalle de la situación'].join(', ')}`);
    const afterHours = await page.getByTestId('plazo-after-hours').textContent();
    expect(afterHours).toMatch(/^Recibido fuera de horario: .*La política dice: «En horario NO hábil/);
    await page.getByTestId('plazo-why').click();
    const reasons = await page.getByTestId('plazo-reasons').textContent();
    expect(reasons).toContain('Falta: Nombre de la empresa');
    expect(reasons).toContain('Recibido fuera de horario');
    expect(`${missing} ${afterHours} ${reasons}`).not.toMatch(/The request|Ask the customer|Received out of hours|missing-information|→/);
    await shot(page, 'flags-es');
    await page.close();
  });

  it('names the flags in Portuguese for a Portuguese agent, with the policy’s own Portuguese', async () => {
    const { page } = await openSidebar(browser, { ticketId: '201', policy: 'websaas', locale: 'pt-BR', zendeskPriority: 'high' });
    await page.getByTestId('plazo-flags').waitFor();
    expect(await page.locator('[data-flag]').allTextContents()).toEqual(['Fora do horário', 'Falta informação']);
    // WebSaaS names its required information in Portuguese too.
    expect(await page.getByTestId('plazo-missing').textContent()).toMatch(/^Falta: Nome da empresa, Nome da pessoa que reporta, /);
    expect(await page.getByTestId('plazo-after-hours').textContent()).toMatch(/^Recebido fora do horário: .*A política diz: «/);
    await page.getByTestId('plazo-why').click();
    const reasons = await page.getByTestId('plazo-reasons').textContent();
    expect(reasons).toContain('Peça ao cliente');
    expect(reasons).not.toMatch(/The request|Ask the customer|Received out of hours|→/);
    await shot(page, 'flags-pt');
    await page.close();
  });

  it("shows the agent Peewah's routing category with its channel and the self-help guides, in the agent's language", async () => {
    const { page } = await openSidebar(browser, { ticketId: '301', policy: 'peewah', locale: 'es-419', zendeskPriority: 'normal' });
    const notes = page.getByTestId('plazo-for-agent');
    await notes.waitFor();
    expect(await notes.locator('[data-code]').allTextContents()).toEqual([
      'Categoría: Soporte técnico — canal: soporte@peewah.co',
      'La mayoría de estos casos se resuelven con Peewah Academy (https://peewah.co/minicurso-eventos-online/) y el Centro de Ayuda (https://support.peewah.co/).',
    ]);
    expect(await notes.textContent()).toMatch(/^Para el agente/);
    await shot(page, 'for-agent-es');
    await page.close();

    const pt = await openSidebar(browser, { ticketId: '301', policy: 'peewah', locale: 'pt-BR', zendeskPriority: 'normal' });
    const notas = pt.page.getByTestId('plazo-for-agent');
    await notas.waitFor();
    expect(await notas.locator('[data-code]').allTextContents()).toEqual([
      'Categoria: Suporte técnico — canal: soporte@peewah.co',
      'A maioria destes casos resolve-se com a Peewah Academy (https://peewah.co/minicurso-eventos-online/) e o Centro de Ajuda (https://support.peewah.co/).',
    ]);
    await pt.page.close();
  });

  it("shows the agent Skedu's support tier with the policy's description of it, in the agent's language", async () => {
    const { page } = await openSidebar(browser, { ticketId: '401', policy: 'skedu', locale: 'es-419', zendeskPriority: 'normal' });
    const notes = page.getByTestId('plazo-for-agent');
    await notes.waitFor();
    expect(await notes.locator('[data-code="tier"]').textContent()).toBe(
      'Nivel de soporte: Soporte administrativo — Asuntos contractuales, pagos, inquietudes comerciales; los contractuales, ' +
        'de información privada y de pagos van a la jefatura.',
    );
    await page.close();

    const en = await openSidebar(browser, { ticketId: '401', policy: 'skedu', locale: 'en-US', zendeskPriority: 'normal' });
    const tier = en.page.getByTestId('plazo-for-agent').locator('[data-code="tier"]');
    await tier.waitFor();
    expect(await tier.textContent()).toBe(
      'Support tier: Administrative support — Contracts, payments and commercial questions; contractual, private-information and ' +
        'payment matters go to a supervisor.',
    );
    await en.page.close();
  });
});
