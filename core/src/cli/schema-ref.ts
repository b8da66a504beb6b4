import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The JSON Schema installed with @plazo/core, found the same way from the sources and from the built CLI. */
function installedSchemaPath(): string {
  return createRequire(import.meta.url).resolve('@plazo/core/plazo-policy.schema.json');
}

/** The `$schema` value that lets an editor find the installed schema from a policy file saved in `folder`. */
export function schemaRef(folder: string): string {
  const path = relative(folder, installedSchemaPath()).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

/** A file: URL's path, or '' when the URL is malformed (it then names no file). */
function fileUrlPath(url: string): string {
  try {
    return fileURLToPath(url);
  } catch {
    return '';
  }
}

/**
 * Why a policy file's `$schema` leads an editor nowhere, or null when it names an existing file (or a web address,
 * which is not fetched). Plazo ignores `$schema` when it evaluates, so this is advice, not an error.
 */
export function missingSchemaRef(policyFile: string, ref: string | undefined): string | null {
  if (ref === undefined || /^https?:/i.test(ref)) return null;
  if (existsSync(ref.startsWith('file:') ? fileUrlPath(ref) : resolve(dirname(policyFile), ref))) return null;
  return `"$schema": "${ref}" names no file from the policy's folder, so editors cannot check it; use "${schemaRef(dirname(resolve(policyFile)))}"`;
}
