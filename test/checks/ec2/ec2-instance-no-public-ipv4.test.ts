import check from '../../../src/checks/ec2/ec2-instance-no-public-ipv4.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ec2Snapshot, instance, instancesDeniedCase, REGION, reservations } from '../../support/ec2-builders.ts';

const one = (i: ReturnType<typeof instance>) => ec2Snapshot({ [REGION]: { DescribeInstances: reservations(i) } });

testCheck(check, {
  pass: [
    { name: 'private address only', snapshot: one(instance('i-0123456789abcdef0')), message: 'no public IPv4 address' },
    {
      name: 'a stopped instance (its auto-assigned address was released)',
      snapshot: one({ ...instance('i-0123456789abcdef0'), State: { Code: 80, Name: 'stopped' } }),
      message: 'no public IPv4 address',
    },
  ],
  fail: [
    {
      name: 'an auto-assigned public address',
      snapshot: one(instance('i-0123456789abcdef0', { publicIp: '203.0.113.24' })),
      message: 'public IPv4 address 203.0.113.24',
    },
  ],
  unknown: [instancesDeniedCase()],
});
