import check from '../../../src/checks/ec2/ec2-account-imdsv2-default.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ec2Snapshot, REGION } from '../../support/ec2-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'V2 only',
      snapshot: ec2Snapshot({
        [REGION]: {
          GetInstanceMetadataDefaults: { AccountLevel: { HttpTokens: 'required', HttpPutResponseHopLimit: 2 } },
        },
      }),
      message: 'require IMDSv2',
    },
  ],
  fail: [
    {
      name: 'no preference (empty AccountLevel)',
      snapshot: ec2Snapshot({ [REGION]: { GetInstanceMetadataDefaults: { AccountLevel: {} } } }),
      message: 'no preference',
    },
    {
      name: 'optional',
      snapshot: ec2Snapshot({
        [REGION]: { GetInstanceMetadataDefaults: { AccountLevel: { HttpTokens: 'optional' } } },
      }),
      message: 'HttpTokens: optional',
    },
  ],
  unknown: [
    {
      name: 'denied',
      snapshot: ec2Snapshot({
        [REGION]: {
          GetInstanceMetadataDefaults: awsError(
            'UnauthorizedOperation',
            'You are not authorized to perform this operation.',
          ),
        },
      }),
      message: 'UnauthorizedOperation on ec2:GetInstanceMetadataDefaults',
    },
    { name: 'not collected', snapshot: ec2Snapshot({ [REGION]: {} }), message: 'not collected' },
  ],
});
