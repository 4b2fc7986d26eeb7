import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/catalogue.ts';
import { FRAMEWORKS, requireFramework } from '../../src/compliance/frameworks/index.ts';

/**
 * The recommendation ids of each CIS version, transcribed from the benchmark's table of contents
 * (CIS AWS Foundations Benchmark v3.0.0 and v5.0.0, as listed by Security Hub and by the
 * benchmark's audit files), so that an edit that shifts a number is caught.
 */
const CIS_V30_IDS = [
  ...Array.from({ length: 22 }, (_, i) => `1.${i + 1}`),
  '2.1.1',
  '2.1.2',
  '2.1.3',
  '2.1.4',
  '2.2.1',
  '2.3.1',
  '2.3.2',
  '2.3.3',
  '2.4.1',
  ...Array.from({ length: 9 }, (_, i) => `3.${i + 1}`),
  ...Array.from({ length: 16 }, (_, i) => `4.${i + 1}`),
  ...Array.from({ length: 6 }, (_, i) => `5.${i + 1}`),
];
const CIS_V50_IDS = [
  ...Array.from({ length: 21 }, (_, i) => `1.${i + 1}`),
  '2.1.1',
  '2.1.2',
  '2.1.3',
  '2.1.4',
  '2.2.1',
  '2.2.2',
  '2.2.3',
  '2.2.4',
  '2.3.1',
  ...Array.from({ length: 9 }, (_, i) => `3.${i + 1}`),
  ...Array.from({ length: 16 }, (_, i) => `4.${i + 1}`),
  '5.1.1',
  '5.1.2',
  '5.2',
  '5.3',
  '5.4',
  '5.5',
  '5.6',
  '5.7',
];
/**
 * v6.0.0 as Prowler's cis_6.0_aws.json and Steampipe's cis_v600 list it: v5.0.0's recommendations one
 * section further on (nothing is numbered 1.x).
 */
const CIS_V60_IDS = [
  ...Array.from({ length: 21 }, (_, i) => `2.${i + 1}`),
  '3.1.1',
  '3.1.2',
  '3.1.3',
  '3.1.4',
  '3.2.1',
  '3.2.2',
  '3.2.3',
  '3.2.4',
  '3.3.1',
  ...Array.from({ length: 9 }, (_, i) => `4.${i + 1}`),
  ...Array.from({ length: 16 }, (_, i) => `5.${i + 1}`),
  '6.1.1',
  '6.1.2',
  '6.2',
  '6.3',
  '6.4',
  '6.5',
  '6.6',
  '6.7',
];
/** v5.0.0's number of each v6.0.0 recommendation: the section is one higher, the rest unchanged. */
function v50IdOf(v60Id: string): string {
  const [section, ...rest] = v60Id.split('.');
  return [String(Number(section) - 1), ...rest].join('.');
}
/** Security Hub's FSBP standard, Amazon S3 section. */
const FSBP_S3_IDS = [
  'S3.1',
  'S3.2',
  'S3.3',
  'S3.5',
  'S3.6',
  'S3.8',
  'S3.9',
  'S3.12',
  'S3.13',
  'S3.19',
  'S3.24',
  'S3.25',
];

function titleOf(name: string, id: string): string | undefined {
  return requireFramework(name).controls.find((c) => c.id === id)?.title;
}

describe('framework control lists', () => {
  it('CIS v3.0.0 lists every recommendation in order', () => {
    expect(requireFramework('cis-aws-v3.0').controls.map((c) => c.id)).toEqual(CIS_V30_IDS);
  });
  it('CIS v5.0.0 lists every recommendation in order', () => {
    expect(requireFramework('cis-aws-v5.0').controls.map((c) => c.id)).toEqual(CIS_V50_IDS);
  });
  it('CIS v6.0.0 lists every recommendation in order', () => {
    expect(requireFramework('cis-aws-v6.0').controls.map((c) => c.id)).toEqual(CIS_V60_IDS);
  });
  it('CIS v6.0.0 decides each recommendation by the checks that decide it in v5.0.0, under its new number', () => {
    const v50 = new Map(requireFramework('cis-aws-v5.0').controls.map((c) => [c.id, c]));
    const v60 = requireFramework('cis-aws-v6.0').controls;
    expect(v60).toHaveLength(v50.size);
    for (const control of v60) {
      const before = v50.get(v50IdOf(control.id));
      expect(before, control.id).toBeDefined();
      expect(control.checks, control.id).toEqual(before?.checks);
      expect(control.level, control.id).toBe(before?.level);
      expect(control.title, control.id).toBe(before?.title);
      expect(control.section.replace(/^\d+ /, ''), control.id).toBe(before?.section.replace(/^\d+ /, ''));
    }
  });
  it('CIS v6.0.0 decides 61 of 63 recommendations; 2.1 (contact details current) and 2.20 (central identities) are manual', () => {
    const controls = requireFramework('cis-aws-v6.0').controls;
    expect(controls.filter((c) => c.checks.length > 0)).toHaveLength(61);
    expect(controls.filter((c) => c.checks.length === 0).map((c) => c.id)).toEqual(['2.1', '2.20']);
    const checksOf = (id: string) => controls.find((c) => c.id === id)?.checks;
    expect(checksOf('2.3')).toEqual(['iam-root-no-access-keys']);
    expect(checksOf('3.2.3')).toEqual(['rds-instance-not-public']);
    expect(checksOf('4.1')).toEqual(['cloudtrail-multi-region-logging']);
    expect(checksOf('5.10')).toEqual(['monitoring-security-group-changes']);
    expect(checksOf('5.16')).toEqual(['securityhub-enabled']);
    expect(checksOf('6.1.1')).toEqual(['ec2-ebs-default-encryption']);
    expect(checksOf('6.1.2')).toEqual(['ec2-sg-no-public-admin-ports']);
    expect(checksOf('6.7')).toEqual(['ec2-instance-imdsv2-required']);
    expect(requireFramework('cis-aws-v6.0').scope).toMatch(/The section 5 monitoring recommendations/);
    expect(requireFramework('cis-aws-v5.0').scope).toMatch(/The section 4 monitoring recommendations/);
  });
  it('FSBP lists the S3 controls of the standard', () => {
    const ids = requireFramework('aws-fsbp').controls.map((c) => c.id);
    expect(ids.filter((id) => id.startsWith('S3.'))).toEqual(FSBP_S3_IDS);
  });

  it('FSBP EC2 and CloudTrail controls are decided by their checks', () => {
    const checksOf = (id: string) => requireFramework('aws-fsbp').controls.find((c) => c.id === id)?.checks;
    expect(checksOf('EC2.21')).toEqual(['ec2-nacl-no-public-admin-ports']);
    expect(checksOf('EC2.8')).toEqual(['ec2-instance-imdsv2-required']);
    expect(checksOf('CloudTrail.1')).toEqual(['cloudtrail-multi-region-logging']);
    // object-level logging is CIS 3.8/3.9 and NIST, not an FSBP control
    expect(checksOf('S3.22')).toBeUndefined();
  });

  it('keeps each version its own numbering', () => {
    expect(titleOf('cis-aws-v3.0', '2.1.1')).toBe('Ensure S3 Bucket Policy is set to deny HTTP requests');
    expect(titleOf('cis-aws-v5.0', '2.1.1')).toBe('Ensure S3 Bucket Policy is set to deny HTTP requests');
    expect(titleOf('cis-aws-v3.0', '5.1')).toMatch(/^Ensure no Network ACLs allow ingress from 0\.0\.0\.0\/0/);
    expect(titleOf('cis-aws-v5.0', '5.2')).toMatch(/^Ensure no Network ACLs allow ingress from 0\.0\.0\.0\/0/);
    expect(titleOf('cis-aws-v5.0', '5.1')).toBeUndefined();
    expect(titleOf('cis-aws-v3.0', '5.6')).toMatch(/IMDSv2/);
    expect(titleOf('cis-aws-v5.0', '5.7')).toMatch(/IMDSv2/);
    expect(titleOf('cis-aws-v3.0', '1.3')).toBe('Ensure security questions are registered in the AWS account');
    expect(titleOf('cis-aws-v5.0', '1.3')).toBe("Ensure no 'root' user account access key exists");
    expect(titleOf('cis-aws-v3.0', '2.1.2')).toBe('Ensure MFA Delete is enabled on S3 buckets');
  });

  it('maps the S3 recommendations to the checks that decide them', () => {
    for (const name of ['cis-aws-v3.0', 'cis-aws-v5.0']) {
      const byId = new Map(requireFramework(name).controls.map((c) => [c.id, c.checks]));
      expect(byId.get('2.1.1')).toEqual(['s3-bucket-deny-insecure-transport']);
      expect(byId.get('2.1.2')).toEqual(['s3-bucket-mfa-delete-enabled']);
      expect(byId.get('2.1.4')).toEqual(['s3-bucket-public-access-block', 's3-account-public-access-block']);
    }
  });

  it("decides the same recommendation by the same check under each version's number", () => {
    const checks = (name: string, id: string) => requireFramework(name).controls.find((c) => c.id === id)?.checks;
    const pairs: [string, string, string | string[]][] = [
      ['1.4', '1.3', 'iam-root-no-access-keys'],
      ['1.5', '1.4', 'iam-root-mfa-enabled'],
      ['1.8', '1.7', 'iam-password-policy-strong'],
      ['1.9', '1.8', 'iam-password-policy-strong'],
      ['1.10', '1.9', 'iam-user-console-mfa'],
      ['1.16', '1.15', ['iam-policy-no-full-admin', 'iam-principal-no-full-admin']],
      ['2.2.1', '5.1.1', 'ec2-ebs-default-encryption'],
      ['5.1', '5.2', 'ec2-nacl-no-public-admin-ports'],
      ['5.4', '5.5', 'ec2-default-sg-restricts-all'],
      ['5.6', '5.7', 'ec2-instance-imdsv2-required'],
      ['2.1.3', '2.1.3', 'macie2-enabled'],
      ['4.1', '4.1', 'monitoring-unauthorized-api-calls'],
      ['4.3', '4.3', 'monitoring-root-usage'],
      ['4.15', '4.15', 'monitoring-organizations-changes'],
    ];
    for (const [v3, v5, check] of pairs) {
      expect(checks('cis-aws-v3.0', v3), `v3.0 ${v3}`).toEqual([check].flat());
      expect(checks('cis-aws-v5.0', v5), `v5.0 ${v5}`).toEqual([check].flat());
    }
    expect(checks('cis-aws-v3.0', '1.3')).toEqual([]);
    // CIFS (445) is one of the security-group check's default ports; v3.0 has no CIFS recommendation
    expect(checks('cis-aws-v5.0', '5.1.2')).toEqual(['ec2-sg-no-public-admin-ports']);
  });

  it('agrees with the FSBP aliases the checks carry', () => {
    for (const control of requireFramework('aws-fsbp').controls) {
      for (const checkId of control.checks) {
        const check = CHECKS.find((c) => c.id === checkId);
        // a check that decides an FSBP control and carries FSBP aliases must name this control
        const fsbpAliases = check?.aliases.filter((a) => /^S3\.\d+$/.test(a)) ?? [];
        if (fsbpAliases.length > 0 && !['s3-bucket-policy-public-write'].includes(checkId)) {
          expect(fsbpAliases, `${checkId} for ${control.id}`).toContain(control.id);
        }
      }
    }
  });

  it('names only checks that exist in the registry, and every control has a title and a level or severity', () => {
    const known = new Set(CHECKS.map((c) => c.id));
    const missing = FRAMEWORKS.flatMap((f) =>
      f.controls.flatMap((c) => c.checks.filter((id) => !known.has(id)).map((id) => `${f.name} ${c.id}: ${id}`)),
    );
    expect(missing).toEqual([]);
    for (const f of FRAMEWORKS) {
      for (const c of f.controls) {
        expect(c.title.length, `${f.name} ${c.id}`).toBeGreaterThan(10);
        expect(c.level ?? c.severity, `${f.name} ${c.id}`).toBeDefined();
      }
      expect(new Set(f.controls.map((c) => c.id)).size, f.name).toBe(f.controls.length);
    }
  });

  it('rejects an unknown framework name with the list of known ones', () => {
    expect(() => requireFramework('cis-aws-v9')).toThrowError(
      /unknown compliance framework "cis-aws-v9" \(use cis-aws-v3\.0, cis-aws-v5\.0, cis-aws-v6\.0, aws-fsbp\)/,
    );
  });
});
