import type { ViewMessages } from './view-messages';

/** A flag's name in the user's language; a flag the apps do not know shows as its id. */
export function flagName(flag: string, t: ViewMessages): string {
  return Object.hasOwn(t.flagNames, flag) ? t.flagNames[flag]! : flag;
}
