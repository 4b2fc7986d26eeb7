import picomatch from 'picomatch';
import type { AcceptEntry } from './accept-file.ts';
import type { Acceptance, Result } from './result.ts';

export interface AcceptOutcome {
  results: Result[];
  /** stale acceptances: expired, or matching nothing that needs accepting */
  warnings: string[];
}

function where(entry: AcceptEntry): string {
  return `${entry.file}:${entry.line}`;
}

/** The entry's scope (check, resources, accounts, regions, tags), whatever the result's status. */
function covers(entry: AcceptEntry, result: Result, matchers: ((arn: string) => boolean)[] | undefined): boolean {
  if (!entry.checkIds.includes(result.checkId)) return false;
  if (matchers && !matchers.some((m) => m(result.resource.arn))) return false;
  if (entry.accounts && !entry.accounts.includes(result.accountId)) return false;
  if (entry.regions && !entry.regions.includes(result.resource.region)) return false;
  if (entry.tags) {
    const tags = result.tags;
    if (!tags) return false;
    for (const [key, value] of Object.entries(entry.tags)) {
      const actual = tags[key];
      if (actual === undefined || !picomatch.isMatch(actual, value)) return false;
    }
  }
  return true;
}

/** The acceptance stops applying after its last day (UTC). */
export function isExpired(entry: AcceptEntry, now: Date): boolean {
  return entry.expires !== undefined && now.toISOString().slice(0, 10) > entry.expires;
}

/**
 * Marks failing and unknown results covered by an entry as `accepted` (keeping who, why, until and
 * the original verdict), and reports entries that no longer do anything: expired ones, and ones
 * that cover no failing or unknown result although their checks ran (the risk is gone or the scope
 * is wrong). The first matching entry in file order wins.
 */
export function applyAcceptances(
  results: readonly Result[],
  entries: readonly AcceptEntry[],
  now: Date,
): AcceptOutcome {
  const warnings: string[] = [];
  const ranChecks = new Set(results.map((r) => r.checkId));
  const active = entries.filter((entry) => !isExpired(entry, now));
  const compiled = active.map((entry) => ({
    entry,
    matchers: entry.resources?.map((glob) => picomatch(glob, { strictBrackets: true })),
    used: 0,
  }));
  const out = results.map((result) => {
    if (result.status !== 'fail' && result.status !== 'unknown') return result;
    const hit = compiled.find((c) => covers(c.entry, result, c.matchers));
    if (!hit) return result;
    hit.used += 1;
    const acceptance: Acceptance = {
      reason: hit.entry.reason,
      source: where(hit.entry),
      originalStatus: result.status,
    };
    if (hit.entry.acceptedBy) acceptance.acceptedBy = hit.entry.acceptedBy;
    if (hit.entry.expires) acceptance.expires = hit.entry.expires;
    return { ...result, status: 'accepted' as const, acceptance };
  });
  for (const entry of entries) {
    if (!isExpired(entry, now)) continue;
    const wouldCover = results.filter(
      (r) =>
        (r.status === 'fail' || r.status === 'unknown') &&
        covers(
          entry,
          r,
          entry.resources?.map((g) => picomatch(g)),
        ),
    );
    warnings.push(
      `${where(entry)}: acceptance of ${entry.check} expired on ${entry.expires}; ` +
        `${wouldCover.length} result(s) it covered are reported again (renew or remove the entry)`,
    );
  }
  for (const c of compiled) {
    if (c.used > 0 || !c.entry.checkIds.some((id) => ranChecks.has(id))) continue;
    warnings.push(
      `${where(c.entry)}: acceptance of ${c.entry.check} matches no failing or unknown result ` +
        '(the risk is gone or the scope is wrong: remove or fix the entry)',
    );
  }
  return { results: out, warnings };
}
