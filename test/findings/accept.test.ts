import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { applyAcceptances } from '../../src/findings/accept.ts';
import { parseAcceptYaml, parseTrivyIgnore, type CheckResolver } from '../../src/findings/accept-file.ts';
import type { Result } from '../../src/findings/result.ts';
import { fixedResults } from '../report/fixed-report.ts';

const ALIASES: Record<string, string[]> = {
  's3-bucket-logging-enabled': ['s3-bucket-logging-enabled'],
  'avd-aws-0089': ['s3-bucket-logging-enabled'],
  's3.9': ['s3-bucket-logging-enabled'],
  's3-bucket-policy-not-public': ['s3-bucket-policy-not-public'],
  's3.2': ['s3-bucket-policy-not-public', 's3-bucket-acl-not-public'],
  's3-bucket-encrypted-with-cmk': ['s3-bucket-encrypted-with-cmk'],
  's3-bucket-versioning-enabled': ['s3-bucket-versioning-enabled'],
  's3-bucket-mfa-delete-enabled': ['s3-bucket-mfa-delete-enabled'],
};
const resolve: CheckResolver = (id) => ALIASES[id.toLowerCase()] ?? [];
const NOW = new Date('2026-11-22T01:02:03Z');

/** The fixed results with nothing accepted yet. */
function results(): Result[] {
  return fixedResults().map((r) => {
    if (r.status !== 'accepted') return r;
    const { acceptance: _, ...rest } = r;
    return { ...rest, status: 'fail' };
  });
}

function accept(yaml: string, input: Result[] = results()) {
  return applyAcceptances(input, parseAcceptYaml(yaml, 'accept.yaml', resolve), NOW);
}

function statusOf(out: Result[], bucket: string, check: string) {
  return out.find((r) => r.resource.arn.endsWith(`:${bucket}`) && r.checkId === check);
}

function userError(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as UserError).format();
  }
  throw new Error('expected a UserError');
}

describe('accept.yaml', () => {
  it('accepts by ARN glob and keeps who, why, until and the original verdict', () => {
    const { results: out, warnings } = accept(`- check: AVD-AWS-0089
  reason: access logs go to the central logging account
  resources: ["arn:aws:s3:::logs-*"]
  expires: 2026-12-31
  accepted_by: security-team
`);
    expect(warnings).toEqual([]);
    const logs = statusOf(out, 'logs-central', 's3-bucket-logging-enabled')!;
    expect(logs.status).toBe('accepted');
    expect(logs.acceptance).toEqual({
      reason: 'access logs go to the central logging account',
      acceptedBy: 'security-team',
      expires: '2026-12-31',
      source: 'accept.yaml:1',
      originalStatus: 'fail',
    });
    expect(statusOf(out, 'sandbox-1', 's3-bucket-logging-enabled')!.status).toBe('fail');
  });

  it('accepts a zone: every resource whose tags match, in the listed accounts and regions', () => {
    const { results: out } = accept(`- check: s3-bucket-logging-enabled
  reason: sandbox zone
  tags: { env: sandbox }
  accounts: [123456789012]
  regions: [ap-northeast-1]
`);
    expect(statusOf(out, 'sandbox-1', 's3-bucket-logging-enabled')!.status).toBe('accepted');
    expect(statusOf(out, 'logs-central', 's3-bucket-logging-enabled')!.status).toBe('fail');
    const otherRegion = accept(`- check: s3-bucket-logging-enabled
  reason: zone in another region
  tags: { env: sandbox }
  regions: [us-east-1]
`);
    expect(statusOf(otherRegion.results, 'sandbox-1', 's3-bucket-logging-enabled')!.status).toBe('fail');
  });

  it('accepts unknown outcomes too, and never touches a pass', () => {
    const { results: out } = accept(`- check: S3.2
  reason: policy reviewed by hand
- check: s3-bucket-versioning-enabled
  reason: versioning not wanted
`);
    const unknown = statusOf(out, 'data-lake', 's3-bucket-policy-not-public')!;
    expect(unknown.status).toBe('accepted');
    expect(unknown.acceptance?.originalStatus).toBe('unknown');
    expect(statusOf(out, 'public-site', 's3-bucket-policy-not-public')!.status).toBe('accepted');
    expect(statusOf(out, 'logs-central', 's3-bucket-versioning-enabled')!.status).toBe('pass');
  });

  it('stops applying after the expiry date and says so', () => {
    const { results: out, warnings } = accept(`- check: s3-bucket-logging-enabled
  reason: until the migration
  expires: 2026-06-30
`);
    expect(out.filter((r) => r.status === 'accepted')).toEqual([]);
    expect(warnings).toEqual([
      'accept.yaml:1: acceptance of s3-bucket-logging-enabled expired on 2026-06-30; 2 result(s) it covered are reported again (renew or remove the entry)',
    ]);
  });

  it('applies on its last day', () => {
    const { results: out } = accept(`- check: s3-bucket-logging-enabled
  reason: last day
  expires: 2026-11-22
`);
    expect(out.filter((r) => r.status === 'accepted')).toHaveLength(2);
  });

  it('warns about an entry that matches nothing that needs accepting', () => {
    const { warnings } = accept(`- check: s3-bucket-encrypted-with-cmk
  reason: typo in the bucket name
  resources: ["arn:aws:s3:::data-lak"]
- check: s3-bucket-mfa-delete-enabled
  reason: check not run in this scan
`);
    expect(warnings).toEqual([
      'accept.yaml:1: acceptance of s3-bucket-encrypted-with-cmk matches no failing or unknown result (the risk is gone or the scope is wrong: remove or fix the entry)',
    ]);
  });

  it.each([
    [
      'an unknown check id',
      '- check: s3-bucket-loging-enabled\n  reason: x\n',
      'accept.yaml:1: check: unknown check id or alias "s3-bucket-loging-enabled" (see `cloudwarden checks list`)',
    ],
    [
      'a bad date',
      '- check: S3.9\n  reason: x\n  expires: 2026-02-30\n',
      'accept.yaml:3: expires: is not a date: write YYYY-MM-DD, e.g. 2026-12-31',
    ],
    [
      'a bad glob',
      '- check: S3.9\n  reason: x\n  resources:\n    - "arn:aws:s3:::ok-*"\n    - "arn:aws:s3:::[logs"\n',
      'accept.yaml:5: resources: "arn:aws:s3:::[logs" is not a valid glob: Missing closing: "]" - use "\\\\]" to match literal characters',
    ],
    [
      'a bucket name instead of an ARN',
      '- check: S3.9\n  reason: x\n  resources: [logs-*]\n',
      'accept.yaml:3: resources: "logs-*" is not an ARN glob (write e.g. "arn:aws:s3:::logs-*")',
    ],
    [
      'an unknown field',
      '- check: S3.9\n  reason: x\n  expiry: 2026-01-01\n',
      'accept.yaml:3: expiry: unknown field (use check, reason, resources, accounts, regions, tags, expires, accepted_by)',
    ],
    ['a missing reason', '- check: S3.9\n', 'accept.yaml:1: reason: is required: say why the risk is accepted'],
    [
      'a short unquoted account id (never padded)',
      '- check: S3.9\n  reason: x\n  accounts: [12345]\n',
      'accept.yaml:3: accounts.0: is not an AWS account id: write 12 digits',
    ],
    [
      'a short quoted account id',
      '- check: S3.9\n  reason: x\n  accounts:\n    - "123456789012"\n    - "12345678901"\n',
      'accept.yaml:5: accounts.1: is not an AWS account id: write 12 digits',
    ],
    [
      'an account id that is not digits',
      '- check: S3.9\n  reason: x\n  accounts: [prod]\n',
      'accept.yaml:3: accounts.0: is not an AWS account id: write 12 digits',
    ],
    ['a YAML syntax error', '- check: S3.9\n  reason: [unclosed\n', 'accept.yaml:3: Flow sequence'],
    [
      'a mapping instead of a list',
      'check: S3.9\nreason: x\n',
      'accept.yaml:1: an accept file is a YAML list of entries (each starting with "- check:")',
    ],
  ])('rejects %s with file:line', (_, yaml, message) => {
    expect(userError(() => parseAcceptYaml(yaml, 'accept.yaml', resolve))).toContain(message);
  });

  it('keeps an unquoted account id as written, leading zero included (YAML reads it as a number)', () => {
    const [entry] = parseAcceptYaml(
      '- check: S3.9\n  reason: x\n  accounts: [012345678901, "000000000042"]\n',
      'accept.yaml',
      resolve,
    );
    expect(entry!.accounts).toEqual(['012345678901', '000000000042']);
  });

  it('reads an empty file as no entries', () =>
    expect(parseAcceptYaml('# nothing accepted yet\n', 'a.yaml', resolve)).toEqual([]));
});

describe('.trivyignore', () => {
  // seed 000: the reasons are written next to each id
  const SEED = `# S3 access logs are collected by CloudTrail data events
AVD-AWS-0089

# exported by an external service that cannot use a customer managed key
AVD-AWS-0065
`;
  it('accepts the ids cloudwarden knows, with the comment above as the reason, and warns about the others', () => {
    const { entries, warnings } = parseTrivyIgnore(SEED, '.trivyignore', resolve);
    expect(entries).toEqual([
      {
        file: '.trivyignore',
        line: 2,
        check: 'AVD-AWS-0089',
        checkIds: ['s3-bucket-logging-enabled'],
        reason: 'S3 access logs are collected by CloudTrail data events',
      },
    ]);
    expect(warnings).toEqual(['.trivyignore:5: AVD-AWS-0065 names no cloudwarden check; the line is ignored']);
    const out = applyAcceptances(results(), entries, NOW).results;
    expect(out.filter((r) => r.status === 'accepted').map((r) => r.resource.arn)).toEqual([
      'arn:aws:s3:::logs-central',
      'arn:aws:s3:::sandbox-1',
    ]);
  });

  it('reads exp:YYYY-MM-DD and rejects a bad one with file:line', () => {
    const { entries } = parseTrivyIgnore('AVD-AWS-0089 exp:2026-12-31\n', '.trivyignore', resolve);
    expect(entries[0]?.expires).toBe('2026-12-31');
    expect(entries[0]?.reason).toBe('listed in .trivyignore');
    expect(userError(() => parseTrivyIgnore('\nAVD-AWS-0089 exp:2026-13-01\n', '.trivyignore', resolve))).toBe(
      '.trivyignore:2: exp: "2026-13-01" is not a date: write exp:YYYY-MM-DD',
    );
  });
});
