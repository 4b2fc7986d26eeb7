import { XMLBuilder } from 'fast-xml-parser';
import type { Result } from '../findings/result.ts';
import { buildReportModel, type ResultView } from './report-model.ts';
import type { Formatter } from './scan-report.ts';

/** Characters XML 1.0 cannot carry at all, even escaped. */
function xmlText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD');
}

function testcase(r: ResultView, arn: string): Record<string, unknown> {
  const ids = [r.checkId, ...r.aliases].join(', ');
  const testcase: Record<string, unknown> = {
    '@_name': xmlText(`${r.checkId}: ${r.title}`),
    '@_classname': xmlText(arn),
    '@_time': '0',
  };
  if (r.status === 'fail') {
    const body = [`${r.severityLabel}: ${r.title} [${ids}]`, r.message];
    if (r.remediation)
      body.push('', 'Remediation (AWS CLI):', r.remediation.cli, '', `Remediation (console): ${r.remediation.console}`);
    if (r.reference) body.push('', `See ${r.reference}`);
    testcase.failure = {
      '@_message': xmlText(r.message),
      '@_type': r.severityLabel,
      '#text': xmlText(body.join('\n')),
    };
  } else if (r.status === 'unknown') {
    testcase.skipped = { '@_message': xmlText(`unknown: ${r.reason ?? r.message}`) };
  } else if (r.status === 'accepted' && r.acceptance) {
    const a = r.acceptance;
    const who = a.acceptedBy ? ` by ${a.acceptedBy}` : '';
    const until = a.expires ? ` until ${a.expires}` : '';
    testcase.skipped = {
      '@_message': xmlText(`accepted${who}${until}: ${a.reason} (${a.source}); was ${a.originalStatus}: ${r.message}`),
    };
  }
  return testcase;
}

function counts(results: { status: Result['status'] }[]): Record<string, string> {
  const failures = results.filter((r) => r.status === 'fail').length;
  const skipped = results.filter((r) => r.status === 'unknown' || r.status === 'accepted').length;
  return {
    '@_tests': String(results.length),
    '@_failures': String(failures),
    '@_errors': '0',
    '@_skipped': String(skipped),
  };
}

/** JUnit XML: one test suite per resource, one test case per result; unknown and accepted are skipped with the reason. */
export const formatJunit: Formatter = (report, options) => {
  const model = buildReportModel(report, options);
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    suppressEmptyNode: true,
  });
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: {
      '@_name': `cloudwarden ${report.accountId}`,
      ...counts(model.results),
      testsuite: model.resources.map((r) => ({
        '@_name': xmlText(r.arn),
        ...counts(r.results),
        '@_timestamp': report.collectedAt.replace(/Z$/, ''),
        properties: {
          property: [
            { '@_name': 'accountId', '@_value': r.accountId },
            { '@_name': 'region', '@_value': xmlText(r.region) },
            { '@_name': 'resourceType', '@_value': xmlText(r.type) },
          ],
        },
        testcase: r.results.map((res) => testcase(res, r.arn)),
      })),
    },
  };
  return `${builder.build(doc)}`;
};
