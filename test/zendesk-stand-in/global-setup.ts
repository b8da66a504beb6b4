import type { TestProject } from 'vitest/node';
import { startZendeskStandIn } from './zendesk-stand-in.js';

declare module 'vitest' {
  export interface ProvidedContext {
    zendeskStandInUrl: string;
  }
}

/** Starts the Zendesk REST stand-in in Node for the workerd tests; accounts live under /<subdomain>. */
export default async function setup(project: TestProject) {
  const standIn = await startZendeskStandIn();
  project.provide('zendeskStandInUrl', standIn.url);
  return () => standIn.close();
}
