import type { FullContext } from '@forge/bridge';

/** A node of the document ForgeReconciler sends Forge on every commit: the UI Kit component tree the product renders. */
export type ForgeDoc = { type: string; key: string; props: Record<string, unknown>; children: ForgeDoc[] };

/** One invokeRemote call as Forge receives it from the app. */
export type RemoteCall = { path: string; method: string; body?: unknown };

/** What the stand-in Worker answers: an HTTP status and a JSON body, or Forge failing to reach it (invokeRemote rejects). */
export type RemoteAnswer = { status: number; body?: unknown } | { rejects: string };

/**
 * Plays Forge's part of the UI Kit bridge (`globalThis.__bridge.callBridge`, which Forge's page provides in production): it
 * keeps each `reconcile` document, answers `getContext`, and forwards `invoke` (invokeRemote) to a stand-in Worker. The app's
 * own code, @forge/react's reconciler and @forge/bridge run unchanged.
 */
export class ForgeHost {
  context: Partial<FullContext> = {};
  remote: (call: RemoteCall) => RemoteAnswer | Promise<RemoteAnswer> = () => ({ rejects: 'no Worker stand-in' });
  readonly calls: RemoteCall[] = [];
  readonly errors: unknown[] = [];
  doc: ForgeDoc | null = null;

  reset(context: Partial<FullContext>, remote: (call: RemoteCall) => RemoteAnswer | Promise<RemoteAnswer>): void {
    this.context = context;
    this.remote = remote;
    this.calls.length = 0;
    this.errors.length = 0;
    this.doc = null;
  }

  callBridge = async (cmd: string, data: Record<string, unknown>): Promise<unknown> => {
    if (cmd === 'reconcile') {
      this.doc = data.forgeDoc as ForgeDoc;
      return undefined;
    }
    if (cmd === 'getContext') return structuredClone(this.context);
    if (cmd === 'onError') {
      this.errors.push(data.error);
      return undefined;
    }
    if (cmd === 'invoke' && data.invokeType === 'ui-remote-fetch') {
      // Forge sends the body to the remote as JSON: what cannot cross as JSON must fail here too.
      const call: RemoteCall = {
        path: String(data.path),
        method: String(data.method),
        ...(data.body === undefined ? {} : { body: JSON.parse(JSON.stringify(data.body)) }),
      };
      this.calls.push(call);
      const answer = await this.remote(call);
      if ('rejects' in answer) throw new Error(answer.rejects);
      return { success: true, payload: { status: answer.status, headers: { 'content-type': ['application/json'] }, body: answer.body } };
    }
    throw new Error(`the Forge host stand-in does not know bridge command ${cmd}`);
  };
}

export const forgeHost = new ForgeHost();
