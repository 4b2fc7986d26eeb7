import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { matchesFilter, parseFilter, toFilterCriteria, type FilterOptions } from '../../src/vulns/filters.ts';
import { asFinding } from '../../src/vulns/validate.ts';
import { sdkFindings } from './inspector-fixtures.ts';

const findings = sdkFindings().map((f, i) => asFinding(f, `findings[${i}]`));

function vulnIds(options: FilterOptions): string[] {
  const filter = parseFilter(options);
  return findings
    .filter((f) => matchesFilter(f, filter))
    .map((f) => f.packageVulnerabilityDetails?.vulnerabilityId ?? f.title ?? '');
}

describe('vulns filters', () => {
  it('maps every flag to the Inspector2 FilterCriteria field of the API reference', () => {
    const criteria = toFilterCriteria(
      parseFilter({
        severity: ['high'],
        fixAvailable: ['partial'],
        findingType: ['PACKAGE_VULNERABILITY'],
        status: ['ACTIVE'],
        resourceType: ['AWS_LAMBDA_FUNCTION'],
        ami: ['ami-0c101f26f147fa7fd'],
        ecrRepository: ['shop-frontend'],
        ecrImageTag: ['latest'],
        lambdaFunction: ['orders-api'],
        vulnerabilityId: ['CVE-2023-44487'],
        account: ['111122223333'],
        firstSeenAfter: '2024-04-01T12:00:00Z',
        exploitAvailable: ['yes'],
      }),
    );
    const eq = (value: string) => [{ comparison: 'EQUALS', value }];
    expect(criteria).toEqual({
      severity: eq('HIGH'),
      fixAvailable: eq('PARTIAL'),
      findingType: eq('PACKAGE_VULNERABILITY'),
      findingStatus: eq('ACTIVE'),
      resourceType: eq('AWS_LAMBDA_FUNCTION'),
      ec2InstanceImageId: eq('ami-0c101f26f147fa7fd'),
      ecrImageRepositoryName: eq('shop-frontend'),
      ecrImageTags: eq('latest'),
      lambdaFunctionName: eq('orders-api'),
      vulnerabilityId: eq('CVE-2023-44487'),
      awsAccountId: eq('111122223333'),
      firstObservedAt: [{ startInclusive: new Date('2024-04-01T12:00:00Z') }],
      exploitAvailable: eq('YES'),
    });
  });

  it.each([
    [{ severity: ['SEVERE'] }, '--severity', 'unknown value "SEVERE"'],
    [{ fixAvailable: ['MAYBE'] }, '--fix-available', 'unknown value "MAYBE" (use YES, NO, PARTIAL)'],
    [{ status: ['OPEN'] }, '--status', 'unknown value "OPEN" (use ACTIVE, SUPPRESSED, CLOSED)'],
    [{ findingType: ['MALWARE'] }, '--finding-type', 'unknown value "MALWARE"'],
    [{ resourceType: ['S3_BUCKET'] }, '--resource-type', 'unknown value "S3_BUCKET"'],
    [{ exploitAvailable: ['PARTIAL'] }, '--exploit-available', 'unknown value "PARTIAL"'],
    [{ ami: ['i-0123456789abcdef0'] }, '--ami', 'is not an AMI id'],
    [{ account: ['1234'] }, '--account', 'is not an AWS account id'],
    [{ firstSeenAfter: 'yesterday' }, '--first-seen-after', 'is not a date'],
  ] as [FilterOptions, string, string][])('rejects %j naming %s', (options, field, message) => {
    const error = (() => {
      try {
        parseFilter(options);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).location.field).toBe(field);
    expect((error as UserError).message).toContain(message);
  });

  it('applies the same semantics locally: values of one flag are alternatives, flags combine', () => {
    expect(vulnIds({ severity: ['CRITICAL'] })).toEqual(['CVE-2023-45853', 'CWE-798 - Hardcoded credentials']);
    expect(vulnIds({ fixAvailable: ['PARTIAL', 'NO'] })).toEqual(['CVE-2023-45853', 'CVE-2023-32681']);
    expect(vulnIds({ ecrRepository: ['shop-frontend'], severity: ['MEDIUM'] })).toEqual(['CVE-2022-25883']);
    expect(vulnIds({ ecrImageTag: ['1.4.2'] })).toEqual(['CVE-2022-25883', 'CVE-2023-45853']);
    expect(vulnIds({ lambdaFunction: ['orders-api'], findingType: ['CODE_VULNERABILITY'] })).toEqual([
      'CWE-798 - Hardcoded credentials',
    ]);
    expect(vulnIds({ ami: ['ami-0123456789abcdef0'] })).toEqual(['CVE-2024-0001']);
    expect(vulnIds({ status: ['SUPPRESSED'] })).toEqual(['CVE-2024-1086']);
    expect(vulnIds({ exploitAvailable: ['YES'] })).toEqual(['CVE-2023-44487']);
    expect(vulnIds({ account: ['444455556666'] })).toEqual(['CVE-2024-9999']);
    expect(vulnIds({ vulnerabilityId: ['CVE-2024-1086'] })).toEqual(['CVE-2024-1086']);
    expect(vulnIds({ resourceType: ['AWS_LAMBDA_FUNCTION'] })).toEqual([
      'CWE-798 - Hardcoded credentials',
      'CVE-2023-32681',
    ]);
    expect(vulnIds({ firstSeenAfter: '2024-05-06' })).toEqual(['CVE-2024-0001', 'CVE-2024-9999']);
  });
});
