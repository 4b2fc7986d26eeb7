import check from '../../../src/checks/ec2/ec2-instance-single-eni.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ec2Snapshot, instance, instancesDeniedCase, REGION, reservations } from '../../support/ec2-builders.ts';

const one = (i: object) =>
  ec2Snapshot({ [REGION]: { DescribeInstances: reservations(i as ReturnType<typeof instance>) } });

testCheck(check, {
  pass: [
    {
      name: 'the primary ENI only',
      snapshot: one(instance('i-0123456789abcdef0')),
      message: 'one network interface (eni-0a1b2c3d4e5f60001)',
    },
    {
      name: 'a terminated instance (no ENI left)',
      snapshot: one({ ...instance('i-0123456789abcdef0', { enis: [] }), State: { Code: 48, Name: 'terminated' } }),
      message: 'no network interface attached',
    },
  ],
  fail: [
    {
      name: 'a second ENI in another subnet',
      snapshot: one(instance('i-0123456789abcdef0', { enis: ['eni-0a1b2c3d4e5f60001', 'eni-0a1b2c3d4e5f60002'] })),
      message: '2 network interfaces (eni-0a1b2c3d4e5f60001, eni-0a1b2c3d4e5f60002)',
    },
  ],
  unknown: [
    {
      name: 'the answer lists no NetworkInterfaces',
      snapshot: one({ ...instance('i-0123456789abcdef0'), NetworkInterfaces: undefined }),
      message: 'lists no NetworkInterfaces',
    },
    instancesDeniedCase(),
  ],
});
