// `detect --format json` lines (and webhook bodies) in the shape Falco writes with json_output, which Falcosidekick
// decodes (time as RFC 3339, priority by name in any case, output, output_fields, rule, source, tags, hostname).
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { detectCommand } from '../../../src/cli/detect.ts';
import { falcoTime } from '../../../src/detect/sinks/alert-sink.ts';

const stratusDir = new URL('../../fixtures/third-party/stratus-red-team/', import.meta.url).pathname;
const FALCO_PRIORITIES = ['Emergency', 'Alert', 'Critical', 'Error', 'Warning', 'Notice', 'Informational', 'Debug'];

async function jsonAlerts(): Promise<Record<string, unknown>[]> {
  let stdout = '';
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  expect(
    await detectCommand(
      { source: [stratusDir], format: 'json', workers: '0' },
      { stdout: out, stderr: { write: () => true } },
    ),
  ).toBe(0);
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe("JSON alerts in Falco's output shape", () => {
  it("every alert of a run carries Falco's fields with Falco's spelling", async () => {
    const alerts = await jsonAlerts();
    expect(alerts.length).toBeGreaterThan(10);
    for (const alert of alerts) {
      expect(alert).toMatchObject({ source: 'aws_cloudtrail', hostname: hostname() });
      expect(typeof alert.rule).toBe('string');
      expect(FALCO_PRIORITIES).toContain(alert.priority);
      expect(alert.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
      expect(Number.isNaN(Date.parse(alert.time as string))).toBe(false);
      // Falco's output is its text line: event time, priority, then the rule's output
      expect(alert.output).toMatch(
        new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ: ${alert.priority as string} \\S`),
      );
      expect(Array.isArray(alert.tags) && alert.tags.every((t) => typeof t === 'string')).toBe(true);
      expect(alert.output_fields).toBeTypeOf('object');
      expect(
        Object.values(alert.output_fields as object).every(
          (v) => v === null || ['string', 'number', 'boolean'].includes(typeof v),
        ),
      ).toBe(true);
    }
    // the built-in packs and the scale they use: more than one spelling shows up
    expect(new Set(alerts.map((a) => a.priority)).size).toBeGreaterThan(2);
  });

  it('the example in docs/rules.md is the alert a run writes for its record', async () => {
    const docs = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');
    const block = /### Alert JSON[\s\S]*?```json\n([\s\S]*?)```/.exec(docs)?.[1];
    const example = JSON.parse(block!.replace(/\n\s*/g, '')) as Record<string, unknown>;
    const [real] = (await jsonAlerts()).filter((a) => a.rule === example.rule);
    // the same alert, field for field, but for the machine that ran it
    expect(Object.keys(example)).toEqual(Object.keys(real!));
    expect({ ...example, hostname: real!.hostname }).toEqual(real);
  });

  it('time: CloudTrail seconds, or fractions, padded to nanoseconds; anything else left as it was', () => {
    expect(falcoTime('2024-07-31T13:06:24Z')).toBe('2024-07-31T13:06:24.000000000Z');
    expect(falcoTime('2024-07-31T13:06:24.5Z')).toBe('2024-07-31T13:06:24.500000000Z');
    expect(falcoTime('2024-07-31T13:06:24+02:00')).toBe('2024-07-31T13:06:24+02:00');
  });
});
