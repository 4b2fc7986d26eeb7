import check from '../../../src/checks/ecr/ecr-repository-tag-immutability.ts';
import { testCheck } from '../../support/check-tester.ts';
import { REGION, regionalSnapshot, registryScanning, repository } from '../../support/detection-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const ecr = (overrides: Record<string, unknown>) =>
  regionalSnapshot({
    ecr: {
      [REGION]: {
        DescribeRepositories: { repositories: [{ ...repository('web', true), ...overrides }] },
        GetRegistryScanningConfiguration: registryScanning(),
      },
    },
  });

testCheck(check, {
  pass: [
    { name: 'IMMUTABLE', snapshot: ecr({ imageTagMutability: 'IMMUTABLE' }), message: 'web has immutable tags' },
    {
      name: 'IMMUTABLE_WITH_EXCLUSION',
      snapshot: ecr({
        imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'latest' }],
      }),
      message: 'except the tags its exclusion filters name',
    },
  ],
  fail: [
    { name: 'MUTABLE', snapshot: ecr({ imageTagMutability: 'MUTABLE' }), message: 'web has MUTABLE tags' },
    {
      name: 'MUTABLE_WITH_EXCLUSION',
      snapshot: ecr({
        imageTagMutability: 'MUTABLE_WITH_EXCLUSION',
        imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'release-*' }],
      }),
      message: 'MUTABLE_WITH_EXCLUSION tags',
    },
    {
      name: 'field absent (the default, MUTABLE)',
      snapshot: ecr({ imageTagMutability: undefined }),
      message: 'MUTABLE',
    },
  ],
  unknown: [
    {
      name: "DescribeRepositories denied: the region's repositories are hidden",
      snapshot: regionalSnapshot({
        ecr: {
          [REGION]: {
            DescribeRepositories: awsError(
              'AccessDeniedException',
              'not authorized to perform: ecr:DescribeRepositories',
            ),
          },
        },
      }),
      arn: `arn:aws:ecr:${REGION}:123456789012:repository/*`,
      message: 'AccessDeniedException on ecr:DescribeRepositories',
    },
  ],
});
