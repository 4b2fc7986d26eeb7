import { appliesToAllS3Actions } from './actions.ts';
import { matchesInsecureTransport } from './conditions.ts';
import type { PolicyDocument, Statement } from './document.ts';
import { isEveryone } from './principals.ts';
import { wildcardMatches } from './wildcard.ts';

export interface SecureTransportAnalysis {
  /** true when one Deny statement refuses every plain-HTTP request to the bucket and its objects */
  enforced: boolean;
  /** the statement that enforces it */
  statement?: string;
  /** for each Deny on aws:SecureTransport = false that falls short, what it misses */
  shortfalls: string[];
}

function shortfallsOf(deny: Statement, bucketArn: string): string[] {
  const missing: string[] = [];
  if (deny.notPrincipal || !isEveryone(deny.principal)) {
    missing.push('does not apply to all principals (Principal "*")');
  }
  if (!appliesToAllS3Actions(deny)) missing.push('does not cover all actions (s3:* or *)');
  const patterns = deny.notResources ? [] : (deny.resources ?? []);
  for (const target of [bucketArn, `${bucketArn}/*`]) {
    if (!patterns.some((pattern) => wildcardMatches(pattern, target))) missing.push(`does not cover ${target}`);
  }
  const others = deny.conditions.filter((clause) => !matchesInsecureTransport(clause));
  if (others.length > 0) missing.push(`also requires ${others.map((c) => c.keyAsWritten).join(', ')}`);
  return missing;
}

/**
 * FSBP S3.5 / CIS 2.1.1: a Deny for `aws:SecureTransport` = false covering all principals, all
 * S3 actions, the bucket and its objects.
 */
export function analyseSecureTransport(document: PolicyDocument, bucketArn: string): SecureTransportAnalysis {
  const candidates = document.statements.filter(
    (s) => s.effect === 'Deny' && s.conditions.some(matchesInsecureTransport),
  );
  const shortfalls: string[] = [];
  for (const deny of candidates) {
    const missing = shortfallsOf(deny, bucketArn);
    if (missing.length === 0) return { enforced: true, statement: deny.label, shortfalls: [] };
    shortfalls.push(`statement ${deny.label} ${missing.join(', ')}`);
  }
  return { enforced: false, shortfalls };
}
