import check from '../../../src/checks/macie2/macie2-enabled.ts';
import { testCheck } from '../../support/check-tester.ts';
import { MACIE_NOT_ENABLED, macieSession, REGION, regionalSnapshot } from '../../support/detection-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const macie = (entry: object) => regionalSnapshot({ macie2: { [REGION]: entry } });

testCheck(check, {
  pass: [
    { name: 'an enabled session', snapshot: macie(macieSession()), message: 'Macie is enabled in ap-northeast-1' },
  ],
  fail: [
    {
      name: '"Macie is not enabled" (AccessDeniedException)',
      snapshot: macie({ GetMacieSession: MACIE_NOT_ENABLED }),
      message: 'Macie is not enabled in ap-northeast-1',
    },
    { name: 'a paused session', snapshot: macie(macieSession('PAUSED')), message: 'is PAUSED' },
  ],
  unknown: [
    {
      name: 'a real permission denial is not "not enabled"',
      snapshot: macie({
        GetMacieSession: awsError(
          'AccessDeniedException',
          'User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: macie2:GetMacieSession',
        ),
      }),
      message: 'AccessDeniedException on macie2:GetMacieSession',
    },
  ],
});
