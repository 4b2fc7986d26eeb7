import check from '../../../src/checks/ec2/ec2-instance-admin-ports-use-session-manager.ts';
import type { SsmSection } from '../../../src/model/ssm-schema.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ec2Snapshot, instance, permission, REGION, reservations, securityGroup } from '../../support/ec2-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';
import { instanceInformation, managedNode, SSM_ACCESS_DENIED } from '../../support/ssm-builders.ts';

const ID = 'i-0123456789abcdef0';
const PROFILE = 'arn:aws:iam::123456789012:instance-profile/web';
type InstanceOptions = Parameters<typeof instance>[1];

/** One instance in a region; `ssm` is the region's DescribeInstanceInformation entry (absent: ssm not collected). */
const scene = (groups: unknown, options: InstanceOptions = { groups: ['sg-0ssh'] }, ssm?: SsmSection[string]['DescribeInstanceInformation']) => ({
  ...ec2Snapshot({ [REGION]: { DescribeInstances: reservations(instance(ID, options)), DescribeSecurityGroups: groups as never } }),
  ...(ssm ? { ssm: { [REGION]: { DescribeInstanceInformation: ssm } } } : {}),
});
const open = { SecurityGroups: [securityGroup('sg-0ssh', [permission('tcp', [22, 22], '0.0.0.0/0')])] };
const rdpOpen = { SecurityGroups: [securityGroup('sg-0ssh', [permission('tcp', [3389, 3389], '::/0')])] };
const httpsOnly = { SecurityGroups: [securityGroup('sg-0ssh', [permission('tcp', [443, 443], '0.0.0.0/0')])] };
const withProfile = { groups: ['sg-0ssh'], profile: PROFILE };

testCheck(check, {
  pass: [
    { name: 'only HTTPS open', snapshot: scene(httpsOnly), message: 'no security group' },
    { name: 'port closed, agent online: nothing to do', snapshot: scene(httpsOnly, withProfile, instanceInformation(managedNode(ID))), message: 'no security group' },
    { name: 'port closed, ssm denied: the port alone decides', snapshot: scene(httpsOnly, withProfile, SSM_ACCESS_DENIED), message: 'no security group' },
  ],
  fail: [
    {
      name: 'SSH open, registered and Online: close the port',
      snapshot: scene(open, withProfile, instanceInformation(managedNode(ID))),
      message: 'reachable from the internet on 22 (SSH) from 0.0.0.0/0; Session Manager already works for it (SSM agent Online, last ping 2026-11-22T08:55:12.345Z): close the port',
    },
    {
      name: 'RDP open over IPv6, registered Online without a profile (Default Host Management)',
      snapshot: scene(rdpOpen, { groups: ['sg-0ssh'] }, instanceInformation(managedNode(ID))),
      message: /3389 \(RDP\) from ::\/0; Session Manager already works/,
    },
    {
      name: 'SSH open, registered but ConnectionLost',
      snapshot: scene(open, withProfile, instanceInformation(managedNode(ID, 'ConnectionLost'))),
      message: 'registered with Systems Manager but its agent is ConnectionLost, last ping 2026-11-22T08:55:12.345Z: get the agent back online',
    },
    {
      name: 'SSH open on a stopped instance whose agent lost its connection',
      snapshot: {
        ...ec2Snapshot({ [REGION]: { DescribeInstances: reservations({ ...instance(ID, withProfile), State: { Code: 80, Name: 'stopped' } }), DescribeSecurityGroups: open } }),
        ssm: { [REGION]: { DescribeInstanceInformation: instanceInformation(managedNode(ID, 'ConnectionLost')) } },
      },
      message: 'ConnectionLost, last ping 2026-11-22T08:55:12.345Z: start the instance, get the agent back online (it must reach the ssm, ssmmessages and ec2messages endpoints), connect with Session Manager and close the port',
    },
    {
      name: 'SSH open, profile but not registered (another instance is)',
      snapshot: scene(open, withProfile, instanceInformation(managedNode('i-0fedcba9876543210'))),
      message: `it has an instance profile (${PROFILE}) but is not registered with Systems Manager: make sure the profile's role has AmazonSSMManagedInstanceCore and the SSM agent runs`,
    },
    {
      name: 'SSH open, no profile, not registered: profile first',
      snapshot: scene(open, { groups: ['sg-0ssh'] }, instanceInformation()),
      message: 'it has no instance profile and is not registered with Systems Manager: attach an instance profile whose role has AmazonSSMManagedInstanceCore',
    },
    {
      name: 'SSH open, ssm AccessDenied: still a fail, registration unreadable, profile advice',
      snapshot: scene(open, withProfile, SSM_ACCESS_DENIED),
      message: `reachable from the internet on 22 (SSH) from 0.0.0.0/0; whether Session Manager already works for it could not be read (AccessDeniedException on ssm:DescribeInstanceInformation: User: arn:aws:sts::123456789012:assumed-role/auditor/cloudwarden is not authorized`,
    },
    {
      name: 'SSH open, ssm not collected (scan --service ec2): still a fail, no profile advice',
      snapshot: scene(open),
      message: 'could not be read (ssm:DescribeInstanceInformation was not collected); attach an instance profile whose role has AmazonSSMManagedInstanceCore',
    },
    {
      name: 'SSH open, ssm collected in other regions only',
      snapshot: { ...scene(open, withProfile), ssm: { 'us-east-1': { DescribeInstanceInformation: instanceInformation(managedNode(ID)) } } },
      message: `could not be read (ssm:DescribeInstanceInformation was not collected); it has an instance profile (${PROFILE})`,
    },
  ],
  unknown: [
    { name: 'security groups not readable', snapshot: scene(awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.')), message: 'UnauthorizedOperation on ec2:DescribeSecurityGroups' },
    {
      name: 'security groups not readable, agent online: still unknown (the port cannot be seen)',
      snapshot: scene(awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.'), withProfile, instanceInformation(managedNode(ID))),
      message: 'UnauthorizedOperation on ec2:DescribeSecurityGroups',
    },
    { name: 'a group of the instance is not in the listing', snapshot: scene({ SecurityGroups: [] }), message: 'sg-0ssh' },
  ],
});
