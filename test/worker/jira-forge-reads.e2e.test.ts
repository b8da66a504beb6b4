import { describe, expect, it } from 'vitest';
import {
  adfDoc,
  deliverForge,
  forgeEvent,
  forgeIssue,
  signFit,
  standInForgeSite,
  standInIssue,
  uniqueForge,
} from './support/jira-support.js';
import { settled } from './support/storage.js';

const issueId = () => 200_000 + Math.floor(Math.random() * 100_000);
const NEUTRAL = 'Consulta sobre el evento';
const SEVERE = 'La plataforma está caída para todos los usuarios, nadie puede inscribirse';

/** One issue on the installation's site, created through a Forge event whose issue has `summary` (and, as Forge sends it, no description). */
async function created(forge: ReturnType<typeof uniqueForge>, summary: string, description: unknown = null) {
  const id = issueId();
  await standInIssue(forge.prefix, id, 'Medium', [], description);
  const event = { ...forgeEvent('created', id), issue: forgeIssue(id, { summary }) };
  expect((await deliverForge(event, await signFit(forge), forge.systemToken)).status).toBe(202);
  const row = await settled(`${forge.key}:${id}`);
  return JSON.parse(row.evaluation) as { priority: string | null };
}

describe('What the Jira write-back reads from the issue through jira.js', () => {
  it('triages a Forge issue on its description (ADF, read with the issue) as well as its summary', async () => {
    const forge = uniqueForge();
    await standInForgeSite(forge);
    const [described, bare, severe] = await Promise.all([
      created(forge, NEUTRAL, adfDoc('Hola.', SEVERE)),
      created(forge, NEUTRAL),
      created(forge, SEVERE),
    ]);
    expect(bare.priority).not.toBe(severe.priority);
    expect(described.priority).toBe(severe.priority);
  });
});
