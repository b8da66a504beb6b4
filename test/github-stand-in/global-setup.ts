import { generateKeyPairSync } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { startGitHubStandIn } from './github-stand-in.js';

export const TEST_APP_ID = 4711;

declare module 'vitest' {
  export interface ProvidedContext {
    githubApiUrl: string;
    githubAppPrivateKey: string;
  }
}

/** Starts the GitHub REST stand-in in Node, with a fresh App key pair, for the workerd tests. */
export default async function setup(project: TestProject) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const standIn = await startGitHubStandIn({ appId: TEST_APP_ID, publicKeyPem: publicKey });
  project.provide('githubApiUrl', standIn.url);
  project.provide('githubAppPrivateKey', privateKey);
  return () => standIn.close();
}
