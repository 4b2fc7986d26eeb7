import check from '../../../src/checks/ec2/ec2-ami-not-public.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ec2Snapshot, REGION } from '../../support/ec2-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const image = (Public: boolean) =>
  ec2Snapshot({
    [REGION]: {
      DescribeImages: {
        Images: [
          {
            ImageId: 'ami-0abcdef1234567890',
            Name: 'web-2026-11',
            Public,
            OwnerId: '123456789012',
            State: 'available',
          },
        ],
      },
    },
  });

testCheck(check, {
  pass: [{ name: 'private', snapshot: image(false), message: 'private' }],
  fail: [{ name: 'public', snapshot: image(true), message: 'web-2026-11 is public' }],
  unknown: [
    {
      name: 'denied',
      snapshot: ec2Snapshot({
        [REGION]: {
          DescribeImages: awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.'),
        },
      }),
      arn: `arn:aws:ec2:${REGION}:123456789012:image/*`,
      message: 'UnauthorizedOperation on ec2:DescribeImages',
    },
  ],
});
