import type { TestProject } from 'vitest/node';
import { startJiraStandIn } from './jira-stand-in.js';

declare module 'vitest' {
  export interface ProvidedContext {
    jiraStandInUrl: string;
    /** The private half of the key the stand-in's JWKS publishes: tests sign Forge Invocation Tokens with it. */
    jiraForgePrivateJwk: string;
  }
}

/** Starts the Jira REST and Forge JWKS stand-in in Node for the workerd tests; its key pair is made here, for this run. */
export default async function setup(project: TestProject) {
  const standIn = await startJiraStandIn();
  project.provide('jiraStandInUrl', standIn.url);
  project.provide('jiraForgePrivateJwk', standIn.privateJwk);
  return () => standIn.close();
}
