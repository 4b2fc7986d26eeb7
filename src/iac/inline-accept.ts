import type { AcceptEntry } from '../findings/accept-file.ts';
import type { IacResource } from './evidence.ts';

const MARKER = /(?:#|\/\/)\s*cloudwarden:accept\s+(\S+)(?:\s+(.*?))?(?:\s+until\s+(\d{4}-\d{2}-\d{2}))?\s*$/;

/**
 * `# cloudwarden:accept CHECK-ID reason until YYYY-MM-DD` on the block's first line or in the comment lines right
 * above it: an acceptance of that check on that resource only, as trivy's and Checkov's inline ignores work.
 */
export function inlineAcceptances(
  arn: string,
  resource: IacResource,
  resolve: (idOrAlias: string) => string[],
): AcceptEntry[] {
  const lines = resource.lines;
  if (!lines) return [];
  const entries: AcceptEntry[] = [];
  const candidates: number[] = [resource.span.startLine];
  for (let n = resource.span.startLine - 1; n >= 1; n--) {
    const text = lines[n - 1]?.trim() ?? '';
    if (!text.startsWith('#') && !text.startsWith('//')) break;
    candidates.push(n);
  }
  for (const n of candidates) {
    const match = MARKER.exec(lines[n - 1] ?? '');
    if (!match) continue;
    const [, check = '', reason, until] = match;
    entries.push({
      file: resource.span.file,
      line: n,
      check,
      checkIds: resolve(check),
      reason: reason?.trim() || 'accepted in code',
      resources: [arn],
      ...(until ? { expires: until } : {}),
    });
  }
  return entries;
}
