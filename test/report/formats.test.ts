import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import ajvDraft04 from 'ajv-draft-04';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { toAsffFindings } from '../../src/report/asff.ts';
import { FORMAT_NAMES, formatterFor } from '../../src/report/formats.ts';
import type { FormatOptions, ScanReport } from '../../src/report/scan-report.ts';
import { renderTemplate } from '../../src/report/template.ts';
import { fixedReport, HOSTILE_BUCKET, HOSTILE_TAG, hostileReport } from './fixed-report.ts';

/** Every formatter, loaded once (the CLI imports only the one it runs). */
const FORMATTERS = Object.fromEntries(
  await Promise.all(FORMAT_NAMES.map(async (name) => [name, await formatterFor(name)] as const)),
);

const TEMPLATE_FILE = fileURLToPath(new URL('../../templates/assessment-report.md.hbs', import.meta.url));
const template = { file: 'templates/assessment-report.md.hbs', source: readFileSync(TEMPLATE_FILE, 'utf8') };
const OPTIONS: FormatOptions = { color: false, toolVersion: '9.9.9', template };
const SARIF_SCHEMA = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../fixtures/third-party/sarif/sarif-schema-2.1.0.json', import.meta.url)),
    'utf8',
  ),
) as object;

function render(format: string, report: ScanReport = fixedReport()): string {
  const formatter = FORMATTERS[format];
  if (!formatter) throw new Error(`no formatter ${format}`);
  return formatter(report, OPTIONS);
}

const GOLDEN: Record<string, string> = {
  table: 'table.txt',
  json: 'report.json',
  sarif: 'report.sarif',
  csv: 'report.csv',
  markdown: 'report.md',
  html: 'report.html',
  junit: 'report.junit.xml',
  asff: 'report.asff.json',
  template: 'assessment-report.md',
};

describe('golden files on a fixed set of results', () => {
  it('covers every registered format', () =>
    expect(Object.keys(GOLDEN).sort()).toEqual(Object.keys(FORMATTERS).sort()));
  for (const [format, file] of Object.entries(GOLDEN)) {
    it(format, async () => {
      await expect(render(format)).toMatchFileSnapshot(`./golden/${file}`);
    });
  }
  it('is deterministic: the same results render byte for byte the same', () => {
    for (const format of Object.keys(GOLDEN)) expect(render(format)).toBe(render(format));
  });
});

describe('Markdown', () => {
  const text = render('markdown');
  it('puts each severity in its own column (trivy template put Medium under High)', () => {
    // public-site: 1 critical, 0 high, 0 medium, 0 low, 1 info failure
    expect(text).toContain('| arn:aws:s3:::public-site | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 |');
    // data-lake: 1 high failure, 1 unknown
    expect(text).toContain('| arn:aws:s3:::data-lake | 0 | 1 | 0 | 0 | 0 | 1 | 0 | 0 |');
  });
  it('shows who accepted a risk, why and until when', () => {
    expect(text).toMatch(
      /^\| ACCEPTED \| .*accepted by security-team until 2026-12-31: sandbox buckets hold no customer data/m,
    );
  });
});

describe('SARIF', () => {
  const sarif = JSON.parse(render('sarif')) as {
    runs: { tool: { driver: { rules: Record<string, any>[] } }; results: Record<string, any>[] }[];
  };
  const run = sarif.runs[0]!;
  it('is valid against the official SARIF 2.1.0 schema', () => {
    // ajv-draft-04 is CommonJS: under NodeNext its class is the `default` of the module
    const ajv = new ajvDraft04.default({ strict: false, validateFormats: false });
    const validate = ajv.compile(SARIF_SCHEMA);
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(JSON.parse(render('sarif', hostileReport())))).toBe(true);
  });
  it('gives every rule help text with remediation and a security-severity for GitHub', () => {
    const rule = run.tool.driver.rules.find((r) => r.id === 's3-bucket-logging-enabled')!;
    expect(rule.properties['security-severity']).toBe('5.5');
    expect(rule.help.markdown).toContain('aws s3api put-bucket-logging');
    expect(rule.help.text).toContain('Remediation (Terraform):');
    expect(
      run.tool.driver.rules.find((r) => r.id === 's3-bucket-policy-not-public')!.properties['security-severity'],
    ).toBe('9.5');
  });
  it('points every result at the resource ARN through an artifact URI and a logical location', () => {
    for (const r of run.results) {
      const location = r.locations[0];
      expect(location.physicalLocation.artifactLocation.uri).toMatch(/^arn:aws:s3:/);
      expect(location.logicalLocations[0].fullyQualifiedName).toMatch(/^arn:aws:s3:/);
      expect(Object.values(r.partialFingerprints)[0]).toMatch(/^[0-9a-f]{64}$/);
    }
  });
  it('leaves passes out, marks unknown as open and accepted risks as suppressed', () => {
    expect(run.results).toHaveLength(7);
    expect(run.results.filter((r) => r.kind === 'open').map((r) => r.level)).toEqual(['none']);
    const suppressed = run.results.filter((r) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]!.suppressions[0].justification).toContain('sandbox buckets hold no customer data');
  });
});

describe('ASFF', () => {
  const findings = toAsffFindings(fixedReport());
  it('is assignable to the SDK type and carries every field BatchImportFindings requires', () => {
    const typed: AwsSecurityFinding[] = findings;
    for (const f of typed) {
      expect(f.SchemaVersion).toBe('2018-10-08');
      expect(f.Id).toMatch(/^[0-9a-f]{64}$/);
      expect(f.ProductArn).toMatch(/^arn:aws:securityhub:[a-z0-9-]+:123456789012:product\/123456789012\/default$/);
      expect(f.AwsAccountId).toMatch(/^\d{12}$/);
      expect(f.GeneratorId).toBeTruthy();
      expect(f.Types?.[0]).toMatch(/^Software and Configuration Checks\//);
      expect(new Date(f.CreatedAt!).toISOString()).toBe(f.CreatedAt);
      expect(f.UpdatedAt).toBe(f.CreatedAt);
      expect(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL']).toContain(f.Severity?.Label);
      expect(f.Title!.length).toBeLessThanOrEqual(256);
      expect(f.Description!.length).toBeLessThanOrEqual(1024);
      expect(f.Resources![0]!.Id).toMatch(/^arn:/);
      expect(['PASSED', 'FAILED', 'WARNING', 'NOT_AVAILABLE']).toContain(f.Compliance?.Status);
    }
  });
  it('maps outcomes to Compliance, Workflow and RecordState', () => {
    const by = (bucket: string, check: string) =>
      findings.find((f) => f.Resources[0]!.Id.endsWith(bucket) && f.GeneratorId === check)!;
    const pass = by('logs-central', 's3-bucket-versioning-enabled');
    expect([pass.Compliance.Status, pass.RecordState, pass.Workflow.Status, pass.Severity.Label]).toEqual([
      'PASSED',
      'ARCHIVED',
      'RESOLVED',
      'INFORMATIONAL',
    ]);
    const fail = by('logs-central', 's3-bucket-logging-enabled');
    expect([fail.Compliance.Status, fail.RecordState, fail.Workflow.Status, fail.Severity.Label]).toEqual([
      'FAILED',
      'ACTIVE',
      'NEW',
      'MEDIUM',
    ]);
    expect(fail.Resources[0]!.Type).toBe('AwsS3Bucket');
    const unknown = by('data-lake', 's3-bucket-policy-not-public');
    expect(unknown.Compliance.Status).toBe('NOT_AVAILABLE');
    const accepted = by('sandbox-1', 's3-bucket-logging-enabled');
    expect([accepted.Compliance.Status, accepted.Workflow.Status]).toEqual(['FAILED', 'SUPPRESSED']);
    expect(accepted.Note?.Text).toContain('sandbox buckets hold no customer data');
  });
  it('is identical for two runs on the same evidence (no wall-clock time)', () => {
    const later = { ...fixedReport(), generatedAt: '2030-01-01T00:00:00.000Z' };
    expect(toAsffFindings(later)).toEqual(findings);
  });
  it('sends a global resource to the Security Hub region asked for', () => {
    const account = toAsffFindings(fixedReport(), 'eu-west-1').find((f) => f.Resources[0]!.Type === 'AwsAccount')!;
    expect(account.ProductArn).toBe('arn:aws:securityhub:eu-west-1:123456789012:product/123456789012/default');
    expect(account.Resources[0]!.Region).toBe('eu-west-1');
  });
});

describe('HTML', () => {
  const html = render('html');
  it('allows only its own inline script, by hash, and no network at all', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(csp).toContain(`script-src 'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    expect(csp).toMatch(/^default-src 'none';/);
    expect(html).not.toMatch(/\b(src|href)="(?!https:\/\/docs\.aws|https:\/\/avd\.)/);
  });
  it('opens with the overview: failures by severity, service and check, compliance at a glance', () => {
    const overview = html.indexOf('<div class="overview">');
    expect(overview).toBeGreaterThan(0);
    expect(overview).toBeLessThan(html.indexOf('<table id="results"'));
    // public-site: 1 critical failure; the bars are SVG sized by attributes, not inline style
    expect(html).toMatch(
      /<tr><th scope="row"><span class="sev-critical">critical<\/span><\/th><td><svg[^>]*><rect class="sev-critical" width="\d+" height="12"\/><\/svg><\/td><td class="n">1<\/td><\/tr>/,
    );
    expect(html).toContain('<table class="bars" id="by-service">');
    expect(html).toContain('<table class="bars" id="compliance-glance">');
    expect(html).not.toMatch(/ style=/);
  });
  it('marks every row with its status and severity for the filters', () => {
    expect(
      html.match(/<tr data-status="(fail|unknown|accepted|pass)" data-severity="(critical|high|medium|low|info)">/g),
    ).toHaveLength(8);
  });
});

describe('JUnit', () => {
  const xml = render('junit');
  it('is well-formed with one test case per result: failures, unknown and accepted skipped with the reason', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    expect(doc.testsuites.tests).toBe('8');
    expect(doc.testsuites.failures).toBe('5');
    expect(doc.testsuites.skipped).toBe('2');
    expect(xml).toContain('skipped message="unknown: AccessDenied on s3:GetBucketPolicy: Access Denied"');
  });
});

describe('template', () => {
  it('names the template file and line on a parse error', () => {
    expect(() => renderTemplate('# title\n\n{{#each resources}}\n{{arn}}\n', 'my.hbs', {})).toThrowError(UserError);
    try {
      renderTemplate('# title\n\n{{#each resources}}\n{{arn}}\n', 'my.hbs', {});
    } catch (error) {
      expect((error as UserError).format()).toMatch(/^my\.hbs:\d+: template error: parse error/);
    }
  });
  it('names the file and line of a misspelt field (strict mode)', () => {
    try {
      renderTemplate('line one\nline two {{acount.id}}\n', 'typo.hbs', { account: { id: '1' } });
      expect.unreachable();
    } catch (error) {
      expect((error as UserError).format()).toBe(
        'typo.hbs:2: template error: "acount.id" is not in the data model (see docs/reports.md)',
      );
    }
  });
  it('needs --template', () => {
    expect(() => FORMATTERS.template!(fixedReport(), { color: false })).toThrowError(/--template/);
  });
});

describe('hostile input through every format', () => {
  const report = hostileReport();
  for (const format of Object.keys(FORMATTERS)) {
    it(`${format} keeps the bucket name and tags inert`, () => {
      const text = render(format, report);
      switch (format) {
        case 'html': {
          expect(text).not.toMatch(/<img/i);
          expect(text.match(/<script/gi)).toHaveLength(1);
          expect(text).not.toContain('<b>bold</b>');
          expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;');
          break;
        }
        case 'markdown':
        case 'template': {
          // the fixes quote the bucket name in fenced code blocks: literal text there, and no fence it could close
          const fenced = /^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm;
          const blocks = text.match(fenced) ?? [];
          expect(blocks.some((b) => b.includes(`'${HOSTILE_BUCKET}'`))).toBe(true);
          expect(text.replace(fenced, '')).not.toMatch(/<img|<script|<b>|```/i);
          // every row of every table has as many cells as its header: no pipe or newline broke out
          const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
          let header: number | undefined;
          for (const line of text.split('\n')) {
            if (!line.startsWith('|')) header = undefined;
            else if (header === undefined) header = cells(line);
            else expect(cells(line), line).toBe(header);
          }
          expect(text.split('\n').filter((l) => l.startsWith('|') && l.includes('img src=x')).length).toBeGreaterThan(
            0,
          );
          break;
        }
        case 'csv': {
          const rows = parseCsv(text);
          for (const cell of rows.flat()) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
          expect(rows.flat()).toContain(`'${HOSTILE_TAG} <b>bold</b>`);
          expect(rows.flat()).toContain(`'@evil`);
          break;
        }
        case 'junit': {
          expect(XMLValidator.validate(text)).toBe(true);
          expect(text).not.toMatch(/<img|<script|<b>/i);
          const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(text);
          expect(doc.testsuites.testsuite.name).toBe(`arn:aws:s3:::${HOSTILE_BUCKET}`);
          break;
        }
        case 'sarif': {
          const sarif = JSON.parse(text);
          for (const r of sarif.runs[0].results) {
            expect(r.locations[0].physicalLocation.artifactLocation.uri).not.toMatch(/[<>" ]/);
            expect(r.locations[0].logicalLocations[0].fullyQualifiedName).toBe(`arn:aws:s3:::${HOSTILE_BUCKET}`);
          }
          break;
        }
        case 'json':
        case 'asff': {
          const parsed = JSON.parse(text) as unknown;
          expect(JSON.stringify(parsed)).toContain(JSON.stringify(HOSTILE_BUCKET).slice(1, -1));
          break;
        }
        case 'table': {
          // terminal text: printed as is, never interpreted
          expect(text).toContain(`\n  ${HOSTILE_BUCKET} `);
          break;
        }
        default:
          throw new Error(`no hostile-input assertion for format ${format}`);
      }
    });
  }
});
