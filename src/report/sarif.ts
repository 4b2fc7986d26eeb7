import { fingerprint } from '../findings/fingerprint.ts';
import type { Result } from '../findings/result.ts';
import type { Severity } from '../findings/severity.ts';
import { markdownLink } from './markdown.ts';
import { escapeMarkdownCell } from './escape.ts';
import type { Formatter } from './scan-report.ts';

/** GitHub code scanning reads `security-severity` (0.1-3.9 low, 4-6.9 medium, 7-8.9 high, 9+ critical). */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

function ruleName(checkId: string): string {
  return checkId.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

function helpText(result: Result): { text: string; markdown: string } {
  const ids = [result.checkId, ...result.aliases].join(', ');
  const text = [`${result.title} (${ids})`];
  const markdown = [`**${escapeMarkdownCell(result.title)}** (${ids.split(', ').map(escapeMarkdownCell).join(', ')})`];
  if (result.remediation) {
    const { terraform, cli, console: steps } = result.remediation;
    text.push(
      '',
      'Remediation (AWS CLI):',
      cli,
      '',
      'Remediation (Terraform):',
      terraform,
      '',
      `Remediation (console): ${steps}`,
    );
    markdown.push(
      '',
      '### Remediation',
      '',
      'AWS CLI:',
      '',
      '```sh',
      cli,
      '```',
      '',
      'Terraform:',
      '',
      '```hcl',
      terraform,
      '```',
      '',
      `Console: ${escapeMarkdownCell(steps)}`,
    );
  }
  if (result.references.length > 0) {
    text.push('', 'References:', ...result.references);
    markdown.push('', '### References', '', ...result.references.map((r) => `- ${markdownLink(r, r)}`));
  }
  return { text: text.join('\n'), markdown: markdown.join('\n') };
}

/** An ARN as an artifact URI: GitHub requires a non-empty `artifactLocation.uri` on every result. */
export function arnUri(arn: string): string {
  return encodeURI(arn).replace(/[#?[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A source path as a relative URI: forward slashes, each segment percent-encoded. */
function fileUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

function messageText(result: Result): string {
  const base = `${result.title}: ${result.message} [${result.resource.arn}]`;
  if (result.status === 'unknown') return `${base} (unknown: ${result.reason ?? 'no verdict'})`;
  return base;
}

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: failures (kind `fail`), unknown
 * outcomes (kind `open`, the tool could not decide) and accepted risks (suppressed, with the
 * justification). Passing results are left out: they are not alerts.
 */
export const formatSarif: Formatter = (report, options) => {
  const emitted = report.results.filter((r) => r.status !== 'pass');
  const ruleIndex = new Map<string, number>();
  const rules: Record<string, unknown>[] = [];
  // the help text carries remediation, which only failing results have: prefer them
  const byCheck = new Map<string, Result>();
  for (const r of emitted) {
    const seen = byCheck.get(r.checkId);
    if (!seen || (!seen.remediation && r.remediation)) byCheck.set(r.checkId, r);
  }
  for (const [checkId, r] of [...byCheck.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    ruleIndex.set(checkId, rules.length);
    const rule: Record<string, unknown> = {
      id: checkId,
      name: ruleName(checkId),
      shortDescription: { text: r.title },
      fullDescription: { text: `${r.title}${r.aliases.length ? ` (${r.aliases.join(', ')})` : ''}` },
      help: helpText(r),
      defaultConfiguration: { level: LEVEL[r.severity] },
      properties: {
        tags: ['security', 'aws', ...r.aliases],
        precision: 'very-high',
        'problem.severity': LEVEL[r.severity] === 'note' ? 'recommendation' : LEVEL[r.severity],
        'security-severity': SECURITY_SEVERITY[r.severity],
      },
    };
    if (r.references[0]) rule.helpUri = r.references[0];
    rules.push(rule);
  }
  const results = emitted.map((r) => {
    const out: Record<string, unknown> = {
      ruleId: r.checkId,
      ruleIndex: ruleIndex.get(r.checkId),
      kind: r.status === 'unknown' ? 'open' : 'fail',
      level: r.status === 'unknown' ? 'none' : LEVEL[r.severity],
      message: { text: messageText(r) },
      locations: [
        {
          // code (scan iac): the file and lines GitHub annotates; an account: the ARN, at line 1
          physicalLocation: r.location
            ? {
                artifactLocation: { uri: fileUri(r.location.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: r.location.startLine, endLine: r.location.endLine },
              }
            : { artifactLocation: { uri: arnUri(r.resource.arn) }, region: { startLine: 1 } },
          logicalLocations: [
            {
              fullyQualifiedName: r.resource.address ?? r.resource.arn,
              name: r.resource.address ?? r.resource.arn.split(':').slice(5).join(':'),
              kind: 'resource',
            },
          ],
        },
      ],
      partialFingerprints: { 'cloudwardenFindingId/v1': fingerprint(r.checkId, r.resource.arn) },
      properties: {
        accountId: r.accountId,
        region: r.resource.region,
        resourceType: r.resource.type,
        severity: r.severity,
      },
    };
    if (r.acceptance) {
      const a = r.acceptance;
      const justification = [
        a.reason,
        a.acceptedBy ? `accepted by ${a.acceptedBy}` : '',
        a.expires ? `until ${a.expires}` : '',
        `(${a.source})`,
      ]
        .filter((s) => s !== '')
        .join('; ');
      out.suppressions = [{ kind: 'external', status: 'accepted', justification }];
    }
    return out;
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cloudwarden',
            version: options.toolVersion ?? '0.0.0',
            rules,
          },
        },
        automationDetails: { id: `cloudwarden/aws-${report.accountId}/` },
        invocations: [{ executionSuccessful: !report.partial, endTimeUtc: report.generatedAt }],
        results,
        properties: {
          accountId: report.accountId,
          collectedAt: report.collectedAt,
          partial: report.partial,
          notCollected: report.notCollected ?? [],
        },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
};
