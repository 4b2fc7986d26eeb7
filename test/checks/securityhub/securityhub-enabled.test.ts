import check from '../../../src/checks/securityhub/securityhub-enabled.ts';
import { testCheck } from '../../support/check-tester.ts';
import {
  FSBP_ARN,
  HUB_NOT_ENABLED,
  REGION,
  regionalSnapshot,
  securityhubRegion,
  standard,
} from '../../support/detection-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const hub = (entry: object) => regionalSnapshot({ securityhub: { [REGION]: entry } });

testCheck(check, {
  pass: [
    {
      name: 'FSBP and CIS v3.0 subscribed',
      snapshot: hub(securityhubRegion()),
      message: 'with FSBP and CIS (2 standard(s) subscribed)',
    },
    {
      name: 'CIS v1.2.0 (ruleset ARN) counts as CIS',
      snapshot: hub(
        securityhubRegion(
          standard(FSBP_ARN),
          standard('arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0'),
        ),
      ),
    },
  ],
  fail: [
    {
      name: 'not enabled (InvalidAccessException)',
      snapshot: hub({ DescribeHub: HUB_NOT_ENABLED, GetEnabledStandards: HUB_NOT_ENABLED }),
      message: 'Security Hub is not enabled in ap-northeast-1',
    },
    {
      name: 'FSBP only',
      snapshot: hub(securityhubRegion(standard(FSBP_ARN))),
      message: 'not subscribed to: CIS AWS Foundations Benchmark',
    },
    {
      name: 'CIS subscription being deleted',
      snapshot: hub(
        securityhubRegion(
          standard(FSBP_ARN),
          standard(`arn:aws:securityhub:${REGION}::standards/cis-aws-foundations-benchmark/v/3.0.0`, 'DELETING'),
        ),
      ),
      message: 'CIS AWS Foundations Benchmark',
    },
  ],
  unknown: [
    {
      name: 'DescribeHub denied',
      snapshot: hub({
        DescribeHub: awsError('AccessDeniedException', 'not authorized to perform: securityhub:DescribeHub'),
        GetEnabledStandards: securityhubRegion().GetEnabledStandards,
      }),
      message: 'AccessDeniedException on securityhub:DescribeHub',
    },
    {
      name: 'standards not collected',
      snapshot: hub({ DescribeHub: securityhubRegion().DescribeHub }),
      message: 'securityhub:GetEnabledStandards was not collected',
    },
  ],
});
