import check from '../../../src/checks/ecr/ecr-repository-scanning-enabled.ts';
import { testCheck } from '../../support/check-tester.ts';
import { REGION, regionalSnapshot, registryScanning, repository } from '../../support/detection-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const ecr = (repo: ReturnType<typeof repository>, scanning: object) =>
  regionalSnapshot({
    ecr: {
      [REGION]: { DescribeRepositories: { repositories: [repo] }, GetRegistryScanningConfiguration: scanning } as never,
    },
  });

testCheck(check, {
  pass: [
    {
      name: 'enhanced, continuous scan of every repository',
      snapshot: ecr(
        repository('web'),
        registryScanning('ENHANCED', [{ scanFrequency: 'CONTINUOUS_SCAN', filter: '*' }]),
      ),
      message: "web is scanned by the registry's ENHANCED rule (CONTINUOUS_SCAN, filter *)",
    },
    {
      name: 'basic, scan on push on the repository',
      snapshot: ecr(repository('web', true), registryScanning()),
      message: 'web scans images on push (basic scanning)',
    },
    {
      name: 'basic, a registry scan-on-push rule for prod-*',
      snapshot: ecr(
        repository('prod-api'),
        registryScanning('BASIC', [{ scanFrequency: 'SCAN_ON_PUSH', filter: 'prod-*' }]),
      ),
    },
  ],
  fail: [
    {
      name: 'basic, nothing scans',
      snapshot: ecr(repository('web'), registryScanning()),
      message: 'web does not scan images on push',
    },
    {
      name: 'enhanced, but the rules match other repositories (repository scanOnPush is ignored)',
      snapshot: ecr(
        repository('web', true),
        registryScanning('ENHANCED', [{ scanFrequency: 'SCAN_ON_PUSH', filter: 'prod-*' }]),
      ),
      message: "no rule's filter matches web",
    },
    {
      name: 'a MANUAL rule does not scan',
      snapshot: ecr(repository('web'), registryScanning('BASIC', [{ scanFrequency: 'MANUAL', filter: '*' }])),
    },
  ],
  unknown: [
    {
      name: 'GetRegistryScanningConfiguration denied',
      snapshot: ecr(
        repository('web', true),
        awsError('AccessDeniedException', 'not authorized to perform: ecr:GetRegistryScanningConfiguration'),
      ),
      message: 'AccessDeniedException on ecr:GetRegistryScanningConfiguration',
    },
    {
      name: "DescribeRepositories denied: the region's repositories are hidden",
      snapshot: regionalSnapshot({
        ecr: {
          [REGION]: {
            DescribeRepositories: awsError(
              'AccessDeniedException',
              'not authorized to perform: ecr:DescribeRepositories',
            ),
            GetRegistryScanningConfiguration: registryScanning(),
          },
        },
      }),
      arn: `arn:aws:ecr:${REGION}:123456789012:repository/*`,
      message: 'AccessDeniedException on ecr:DescribeRepositories in ap-northeast-1',
    },
  ],
});
