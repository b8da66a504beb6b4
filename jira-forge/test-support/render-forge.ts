import ForgeReconciler from '@forge/react';
import * as React from 'react';
import { type ForgeDoc, forgeHost } from './forge-host';

// React 18's act (development build), as @forge/react's own reconciler tests use it.
const act = (React as unknown as { unstable_act: (fn: () => Promise<void>) => Promise<void> }).unstable_act;

/** Renders an element with the real ForgeReconciler; the document Forge would receive lands in forgeHost.doc. */
export async function renderForge(element: React.ReactElement): Promise<void> {
  await act(async () => {
    ForgeReconciler.render(element);
  });
}

/** Lets pending bridge answers and effects run, until the document shows what `ready` waits for; fails after many turns. */
export async function waitForDoc(ready: (doc: ForgeDoc) => boolean, turns = 200): Promise<ForgeDoc> {
  for (let i = 0; i < turns; i++) {
    if (forgeHost.doc && ready(forgeHost.doc)) return forgeHost.doc;
    await act(async () => {
      await new Promise((resolve) => setImmediate(resolve));
    });
  }
  throw new Error(`the document never got ready: ${forgeHost.doc ? textOf(forgeHost.doc) : 'nothing rendered'}`);
}

/** Runs a handler the way Forge does when the user acts on a component (a click, a choice), then lets React commit. */
export async function fire(node: ForgeDoc, prop: string, ...args: unknown[]): Promise<void> {
  const handler = node.props[prop];
  if (typeof handler !== 'function') throw new Error(`${node.type} has no ${prop} handler`);
  await act(async () => {
    await handler(...args);
  });
}

export function* nodes(doc: ForgeDoc): Generator<ForgeDoc> {
  yield doc;
  for (const child of doc.children) yield* nodes(child);
}

/** The text a node shows: its String leaves, joined as the product lays them out. */
export function textOf(doc: ForgeDoc): string {
  if (doc.type === 'String') return String(doc.props.text ?? '');
  return doc.children.map(textOf).join('');
}

export function byTestId(doc: ForgeDoc, testId: string): ForgeDoc {
  for (const node of nodes(doc)) if (node.props.testId === testId) return node;
  throw new Error(`no component with testId ${testId} in: ${textOf(doc)}`);
}

export function hasTestId(doc: ForgeDoc, testId: string): boolean {
  for (const node of nodes(doc)) if (node.props.testId === testId) return true;
  return false;
}

export function ofType(doc: ForgeDoc, type: string): ForgeDoc[] {
  return [...nodes(doc)].filter((n) => n.type === type);
}
