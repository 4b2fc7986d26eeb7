import { UserError } from '../errors.ts';
import { isCalendarDate, type AcceptEntry } from '../findings/accept-file.ts';
import type { IacResource } from './evidence.ts';

const MARKER = /(?:#|\/\/)\s*cloudwarden:accept\b(.*)$/;
const BODY = /^\s+(\S+)(?:\s+(.*?))?(?:\s+until\s+(\S+))?\s*$/;

/**
 * `# cloudwarden:accept CHECK-ID reason until YYYY-MM-DD` on the block's first line or in the comment lines right
 * above it: an acceptance of that check on that resource only, as trivy's and Checkov's inline ignores work. A
 * marker naming no known check, or with a date that is not one, is a problem (as in an accept file), not ignored:
 * a typo must not leave a finding silently accepted or silently not.
 */
export function inlineAcceptances(
  arn: string,
  resource: IacResource,
  resolve: (idOrAlias: string) => string[],
): { entries: AcceptEntry[]; problems: UserError[] } {
  const lines = resource.lines;
  const entries: AcceptEntry[] = [];
  const problems: UserError[] = [];
  if (!lines) return { entries, problems };
  const candidates: number[] = [resource.span.startLine];
  for (let n = resource.span.startLine - 1; n >= 1; n--) {
    const text = lines[n - 1]?.trim() ?? '';
    if (!text.startsWith('#') && !text.startsWith('//')) break;
    candidates.push(n);
  }
  for (const n of candidates) {
    const marker = MARKER.exec(lines[n - 1] ?? '');
    if (!marker) continue;
    const at = { file: resource.span.file, line: n };
    const body = BODY.exec(marker[1] ?? '');
    if (!body) {
      problems.push(new UserError('cloudwarden:accept needs a check id: `cloudwarden:accept CHECK-ID reason`', at));
      continue;
    }
    const [, check = '', reason, until] = body;
    const checkIds = resolve(check);
    if (checkIds.length === 0) {
      problems.push(
        new UserError(
          `cloudwarden:accept names unknown check id or alias "${check}" (see \`cloudwarden checks list\`); not applied`,
          at,
        ),
      );
      continue;
    }
    if (until !== undefined && !isCalendarDate(until)) {
      problems.push(
        new UserError(`cloudwarden:accept until "${until}" is not a date: write YYYY-MM-DD, e.g. 2026-12-31`, at),
      );
      continue;
    }
    entries.push({
      file: resource.span.file,
      line: n,
      check,
      checkIds,
      reason: reason?.trim() || 'accepted in code',
      resources: [arn],
      ...(until ? { expires: until } : {}),
    });
  }
  return { entries, problems };
}
