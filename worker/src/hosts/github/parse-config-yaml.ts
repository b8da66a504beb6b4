import { fail, ok, type Result } from '@plazo/core';
import { loadAll } from 'js-yaml';

// A settings file needs few aliases; a cap keeps an alias bomb from expanding into an exponential tree.
const MAX_ALIASES = 20;

/** A repository's settings file as plain data (YAML 1.2 core schema): an empty or comment-only file is `{}`. */
export function parseConfigYaml(text: string): Result<unknown, 'invalid-yaml'> {
  let documents: unknown[];
  try {
    documents = loadAll(text, { maxAliases: MAX_ALIASES });
  } catch (error) {
    // The message's first line names the fault and its line:column; the rest is a source snippet.
    return fail('invalid-yaml', String((error as Error).message).split('\n')[0]!);
  }
  if (documents.length > 1) return fail('invalid-yaml', `holds ${documents.length} YAML documents; settings are one document`);
  return ok(documents[0] ?? {});
}
