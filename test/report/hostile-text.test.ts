import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateFramework } from '../../src/compliance/evaluate.ts';
import { requireFramework } from '../../src/compliance/frameworks/index.ts';
import { renderCompliance } from '../../src/compliance/output.ts';
import type { Alert } from '../../src/detect/engine/types.ts';
import { formatAlertText } from '../../src/detect/engine/alert-text.ts';
import { DEBIAN_DEFAULT_LIMITS } from '../../src/malware/clamd-limits.ts';
import { formatMalwareReport } from '../../src/malware/report.ts';
import { summarise, type ObjectVerdict } from '../../src/malware/verdict.ts';
import { escapeControl } from '../../src/report/escape.ts';
import { FORMAT_NAMES, formatterFor } from '../../src/report/formats.ts';
import { tableFormat } from '../../src/vulns/formats/table-format.ts';
import { asFinding } from '../../src/vulns/validate.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { sdkFindings } from '../vulns/inspector-fixtures.ts';
import { fixedReport, fixedResults } from './fixed-report.ts';
import { HOSTILE_TEXT, RAW_CONTROL } from './hostile-input.ts';

/** Every formatter, loaded once (the CLI imports only the one it runs). */
const FORMATTERS = Object.fromEntries(
  await Promise.all(FORMAT_NAMES.map(async (name) => [name, await formatterFor(name)] as const)),
);

const BENIGN = 'ua-plain';
const dir = mkdtempSync(join(tmpdir(), 'cw-hostile-text-'));

/** Every human-readable output, given one hostile string placed where data (not cloudwarden) puts text. */
const OUTPUTS: Record<string, (hostile: string) => string | Promise<string>> = {
  'scan table (resource ARN)': (hostile) => {
    const [result] = fixedResults();
    return FORMATTERS.table!(
      fixedReport([{ ...result!, resource: { ...result!.resource, arn: `arn:aws:s3:::${hostile}` } }]),
      // wide enough that neither wrapping nor shortening changes the line count this test compares
      { color: false, width: 400 },
    );
  },
  'scan --arn detail (message, accepted reason)': (hostile) => {
    const results = fixedResults();
    const arn = results[0]!.resource.arn;
    const accepted = {
      ...results[5]!,
      resource: results[0]!.resource,
      acceptance: { ...results[5]!.acceptance!, reason: hostile },
    };
    return FORMATTERS.table!(fixedReport([{ ...results[0]!, message: hostile }, accepted]), { color: false, arn });
  },
  'compliance table (account id from the snapshot)': (hostile) =>
    renderCompliance(
      evaluateFramework(requireFramework('aws-fsbp'), { ...fixedReport(), accountId: hostile }),
      'table',
      false,
    ),
  'detect text alert (output with a userAgent)': (hostile) =>
    `${formatAlertText({ time: '2026-01-01T00:00:00Z', priority: 'WARNING', output: `console login (user_agent=${hostile})` } as Alert)}\n`,
  'vulns table (title)': (hostile) => {
    const finding = asFinding({ ...sdkFindings()[0], title: hostile }, 'findings[0]');
    return tableFormat.finding(finding, 0, { now: new Date(), color: false });
  },
  'malware table (file path, reason)': (hostile) => {
    const verdicts: ObjectVerdict[] = [
      {
        target: { kind: 'file', path: hostile },
        verdict: 'error',
        reason: 'x',
        bytes: 0,
        scannedAt: '2026-11-23T06:00:00.000Z',
      },
    ];
    const report = {
      generatedAt: '2026-11-23T06:00:00.000Z',
      clamd: { address: 'tcp://127.0.0.1:3310' },
      limits: DEBIAN_DEFAULT_LIMITS,
      summary: summarise(verdicts, 1),
      verdicts,
    };
    return formatMalwareReport(report, 'table', { color: false, toolVersion: '1.0.0' });
  },
  'rules list (rule name from a rule file)': async (hostile) => {
    const file = join(dir, `rule-${Buffer.from(hostile).toString('hex')}.yaml`);
    // JSON strings are YAML double-quoted scalars: the control characters reach the rule name as such
    writeFileSync(
      file,
      `- rule: ${JSON.stringify(hostile)}\n  desc: d\n  condition: ct.name="DeleteBucket"\n  output: o\n  priority: NOTICE\n  source: aws_cloudtrail\n`,
    );
    return (await runCliInProcess(['rules', 'list', '--no-builtin', '--rules', file], { env: { COLUMNS: '400' } }))
      .stdout;
  },
  'error line (a file name quoted in the message)': async (hostile) =>
    (await runCliInProcess(['scan', 'snapshot', join(dir, hostile)])).stderr,
};

const lines = (text: string) => text.split('\n').length;

describe('human-readable outputs show control characters from data escaped', () => {
  for (const [output, render] of Object.entries(OUTPUTS)) {
    it.each(HOSTILE_TEXT)(
      `${output}: $name`,
      async ({ text, shown }) => {
        const printed = await render(text);
        expect(printed).not.toMatch(RAW_CONTROL);
        expect(printed).toContain(shown);
        // a newline in the data never adds a line: the same output with plain text has as many
        expect(lines(printed)).toBe(lines(await render(BENIGN.padEnd(text.length, 'x'))));
        // the CLI cases load a command's modules on first use: slow on a loaded machine
      },
      180_000,
    );
  }
});

describe('escapeControl', () => {
  it('leaves printable text, including non-ASCII, alone', () =>
    expect(escapeControl('bücket-名前 ✓')).toBe('bücket-名前 ✓'));
  it.each(HOSTILE_TEXT)('$name', ({ text, shown }) => expect(escapeControl(text)).toBe(shown));
});
