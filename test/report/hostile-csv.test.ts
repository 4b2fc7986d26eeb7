import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { evaluateFramework } from '../../src/compliance/evaluate.ts';
import { requireFramework } from '../../src/compliance/frameworks/index.ts';
import { renderCompliance } from '../../src/compliance/output.ts';
import { DEBIAN_DEFAULT_LIMITS } from '../../src/malware/clamd-limits.ts';
import { formatMalwareReport } from '../../src/malware/report.ts';
import { summarise, type ObjectVerdict } from '../../src/malware/verdict.ts';
import { FORMAT_NAMES, formatterFor } from '../../src/report/formats.ts';
import { renderTemplate } from '../../src/report/template.ts';
import type { InspectorFinding } from '../../src/vulns/finding.ts';
import { csvFormat } from '../../src/vulns/formats/csv-format.ts';
import { writeReport } from '../../src/vulns/report.ts';
import { asFinding } from '../../src/vulns/validate.ts';
import { sdkFindings } from '../vulns/inspector-fixtures.ts';
import { fixedReport, fixedResults } from './fixed-report.ts';
import { HOSTILE_CELLS, LIVE_FORMULA } from './hostile-input.ts';

/** Every formatter, loaded once (the CLI imports only the one it runs). */
const FORMATTERS = Object.fromEntries(
  await Promise.all(FORMAT_NAMES.map(async (name) => [name, await formatterFor(name)] as const)),
);

async function* onePage(findings: InspectorFinding[]): AsyncGenerator<InspectorFinding[]> {
  yield findings;
}

/** What a spreadsheet shows for a neutralised cell: the text, without the protecting quote. */
const shown = (cell: string) => cell.replace(/^'/, '');

/** Every command's CSV output, given one hostile value placed where an attacker can put it. */
const PRODUCERS: Record<string, { rows: number; render: (hostile: string) => Promise<string> | string }> = {
  'scan --format csv (tag, message)': {
    rows: 2,
    render: (hostile) => {
      const [result] = fixedResults();
      return FORMATTERS.csv!(fixedReport([{ ...result!, message: hostile, tags: { owner: hostile } }]), {
        color: false,
      });
    },
  },
  'scan --format template ({{csv}})': {
    rows: 2,
    render: (hostile) => {
      const [result] = fixedResults();
      const source = 'arn,message\r\n{{#each results}}{{csv resource.arn}},{{csv message}}\r\n{{/each}}';
      return renderTemplate(source, 'report.csv.hbs', { results: [{ ...result!, message: hostile }] });
    },
  },
  'scan --compliance --format csv (failed resource ARN)': {
    rows: requireFramework('aws-fsbp').controls.length + 1,
    render: (hostile) => {
      const [result] = fixedResults();
      const report = fixedReport([
        {
          ...result!,
          checkId: 's3-bucket-logging-enabled',
          resource: { ...result!.resource, arn: `arn:aws:s3:::${hostile}` },
        },
      ]);
      return renderCompliance(evaluateFramework(requireFramework('aws-fsbp'), report), 'csv', false);
    },
  },
  'vulns report --format csv (title, resource tag)': {
    rows: 2,
    render: async (hostile) => {
      const finding = asFinding({ ...sdkFindings()[0], title: hostile }, 'findings[0]');
      finding.resources[0]!.tags = { owner: hostile };
      let text = '';
      await writeReport(
        onePage([finding]),
        csvFormat,
        { write: async (t) => void (text += t) },
        { now: new Date('2024-05-07T00:00:00Z'), color: false },
      );
      return text;
    },
  },
  'malware scan --format csv (object key, signature)': {
    rows: 2,
    render: (hostile) => {
      const verdicts: ObjectVerdict[] = [
        {
          target: { kind: 's3', bucket: 'uploads', key: hostile, region: 'eu-west-1' },
          verdict: 'infected',
          signature: hostile,
          bytes: 1,
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
      return formatMalwareReport(report, 'csv', { color: false, toolVersion: '1.0.0' });
    },
  },
};

describe('every CSV output keeps hostile cells inside their row and inert', () => {
  for (const [producer, { rows, render }] of Object.entries(PRODUCERS)) {
    it.each(HOSTILE_CELLS)(`${producer}: %j`, async (hostile) => {
      const text = await render(hostile);
      // read as a spreadsheet does: a bare CR or LF outside quotes ends the row
      const records = parse(text, { record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true });
      expect(records).toHaveLength(rows);
      for (const cell of records.flat()) expect(cell, JSON.stringify(cell)).not.toMatch(LIVE_FORMULA);
      expect(
        records
          .flat()
          .map(shown)
          .some((cell) => cell.includes(hostile)),
      ).toBe(true);
    });
  }
});
