import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { evaluateControl, evaluateFramework } from '../../src/compliance/evaluate.ts';
import type { Control, Framework } from '../../src/compliance/framework.ts';
import { renderCompliance } from '../../src/compliance/output.ts';
import type { Result } from '../../src/findings/result.ts';
import { fixedReport, fixedResults, HOSTILE_BUCKET } from '../report/fixed-report.ts';

function control(checks: string[], id = 'X.1'): Control {
  return { id, title: `control ${id} for ${checks.join(', ') || 'nothing'}`, section: 'test', level: 1, checks };
}

const results = fixedResults();

describe('control rollup', () => {
  it('passes when every check passes on every resource', () => {
    const outcome = evaluateControl(control(['s3-bucket-versioning-enabled']), results);
    expect(outcome.status).toBe('pass');
    expect(outcome.passedResources).toEqual(['arn:aws:s3:::logs-central']);
  });

  it('fails when any check fails on any resource, and counts the failed resources', () => {
    const outcome = evaluateControl(control(['s3-bucket-versioning-enabled', 's3-bucket-policy-not-public']), results);
    expect(outcome.status).toBe('fail');
    expect(outcome.failedResources).toEqual(['arn:aws:s3:::public-site']);
    expect(outcome.unknownResources).toEqual(['arn:aws:s3:::data-lake']);
  });

  it('is unknown when a check is unknown and none fails', () => {
    const onlyUnknown = results.filter((r) => !(r.checkId === 's3-bucket-policy-not-public' && r.status === 'fail'));
    const outcome = evaluateControl(control(['s3-bucket-policy-not-public']), onlyUnknown);
    expect(outcome.status).toBe('unknown');
    expect(outcome.reason).toBe('1 resource(s) could not be evaluated');
  });

  it('is unknown, not pass, when one of its checks produced no result', () => {
    const outcome = evaluateControl(control(['s3-bucket-versioning-enabled', 's3-bucket-object-lock']), results);
    expect(outcome.status).toBe('unknown');
    expect(outcome.reason).toMatch(/no results for s3-bucket-object-lock/);
  });

  it('is manual when no automated check exists', () => {
    expect(evaluateControl(control([]), results)).toMatchObject({
      status: 'manual',
      reason: 'no automated check: verify by hand',
    });
  });

  it('does not fail on accepted risks, nor pass: a control whose only failures are accepted is accepted', () => {
    const outcome = evaluateControl(
      control(['s3-bucket-logging-enabled']),
      results.filter((r) => r.resource.arn.endsWith('sandbox-1')),
    );
    expect(outcome.status).toBe('accepted');
    expect(outcome.acceptedResources).toEqual(['arn:aws:s3:::sandbox-1']);
  });

  it('summarises a framework', () => {
    const framework: Framework = {
      name: 'test',
      title: 'Test',
      version: '1',
      scope: 'test scope',
      controls: [
        control(['s3-bucket-versioning-enabled'], 'A'),
        control(['s3-bucket-policy-not-public'], 'B'),
        control([], 'C'),
        control(['s3-bucket-object-lock'], 'D'),
      ],
    };
    const report = evaluateFramework(framework, fixedReport());
    expect(report.summary).toEqual({ pass: 1, fail: 1, unknown: 1, accepted: 0, manual: 1 });
    expect(report.controls.map((c) => c.status)).toEqual(['pass', 'fail', 'manual', 'unknown']);
  });
});

describe('compliance output', () => {
  const hostile: Result[] = [
    { ...results[2]!, resource: { ...results[2]!.resource, arn: `arn:aws:s3:::${HOSTILE_BUCKET}` } },
  ];
  const framework: Framework = {
    name: 'test',
    title: 'Test <b>',
    version: '1',
    scope: 'scope',
    controls: [control(['s3-bucket-policy-not-public'], 'B')],
  };
  const report = evaluateFramework(framework, fixedReport(hostile));

  it('shows control, title, status and failed resource count in every format', () => {
    expect(renderCompliance(report, 'table', false)).toMatch(
      /^B +FAIL +1 of 1 resources fail +L1 +1\n {2,}control B for s3-bucket-policy-not-public$/m,
    );
    const json = JSON.parse(renderCompliance(report, 'json', false)) as {
      controls: { id: string; status: string; failedResources: number }[];
    };
    expect(json.controls[0]).toMatchObject({ id: 'B', status: 'fail', failedResources: 1 });
    const csv = parseCsv(renderCompliance(report, 'csv', false));
    expect(csv[0]!.slice(0, 8)).toEqual([
      'framework',
      'control',
      'title',
      'section',
      'level',
      'status',
      'reason',
      'failed_resources',
    ]);
    expect(csv[1]!.slice(1, 2).concat(csv[1]![5]!, csv[1]![7]!)).toEqual(['B', 'fail', '1']);
    expect(renderCompliance(report, 'markdown', false)).toContain(
      '| B | FAIL | **1 of 1 resources fail**<br>control B for s3-bucket-policy-not-public | L1 | 1<br>',
    );
  });

  it('escapes resource names in HTML and Markdown', () => {
    for (const format of ['html', 'markdown']) {
      const text = renderCompliance(report, format, false);
      expect(text, format).not.toMatch(/<img|<b>/);
      expect(text, format).toContain('&lt;img src=x onerror=alert');
    }
  });

  it('rejects formats that do not apply to a control list', () => {
    expect(() => renderCompliance(report, 'sarif', false)).toThrowError(
      /--compliance reports come as table, json, csv, markdown, html, not "sarif"/,
    );
  });
});
