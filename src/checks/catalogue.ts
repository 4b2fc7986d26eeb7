import { UserError } from '../errors.ts';
import type { Check } from './define-check.ts';
import { CHECKS } from './registry.ts';

export { CHECKS };

/** Checks whose id or any alias equals `idOrAlias` (case-insensitive: `avd-aws-0089` works). One alias may name several checks. */
export function findChecks(idOrAlias: string): Check[] {
  const wanted = idOrAlias.toLowerCase();
  return CHECKS.filter((c) => c.id.toLowerCase() === wanted || c.aliases.some((a) => a.toLowerCase() === wanted));
}

export function requireChecks(idOrAlias: string, field = '--check'): Check[] {
  const found = findChecks(idOrAlias);
  if (found.length === 0) {
    throw new UserError(`unknown check id or alias "${idOrAlias}" (see \`cloudwarden checks list\`)`, { field });
  }
  return found;
}

export function checksForService(service?: string): Check[] {
  return service ? CHECKS.filter((c) => c.service === service) : [...CHECKS];
}

export function knownServices(): string[] {
  return [...new Set(CHECKS.map((c) => c.service))].sort();
}

/** The service a check belongs to (`unknown` for a check this version no longer has, read back from a store). */
export function serviceOfCheck(checkId: string): string {
  return CHECKS.find((c) => c.id === checkId)?.service ?? 'unknown';
}
