import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/inspector/', import.meta.url));
export const FINDINGS_FILE = `${FIXTURE_DIR}findings.json`;
export const DEMO_FILE = fileURLToPath(new URL('../../examples/vulns/inspector-findings.json', import.meta.url));

const TIMESTAMP_KEYS = new Set([
  'firstObservedAt',
  'lastObservedAt',
  'updatedAt',
  'vendorCreatedAt',
  'vendorUpdatedAt',
  'lastKnownExploitAt',
  'launchedAt',
  'pushedAt',
  'lastInUseAt',
  'lastModifiedAt',
]);

/**
 * The fixture findings as the SDK hands them over from ListFindings: the same JSON, with every
 * timestamp member deserialised to a `Date` (the SDK does this for the API's epoch seconds).
 */
export function sdkFindings(file = FINDINGS_FILE): Record<string, unknown>[] {
  const text = readFileSync(file, 'utf8');
  const data = JSON.parse(text, (key, value: unknown) => {
    if (!TIMESTAMP_KEYS.has(key)) return value;
    return typeof value === 'number' ? new Date(value * 1000) : new Date(value as string);
  }) as { findings: Record<string, unknown>[] };
  return data.findings;
}
