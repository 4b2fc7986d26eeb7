import type { Ec2Instance, Ec2SecurityGroup } from '../../services/ec2/model.ts';
import { unreadableReason, type Observed } from '../../model/observed.ts';
import { managedNodesIn, type ManagedNode } from '../../services/ssm/model.ts';
import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import { describePort, portsOpenToInternet, REMOTE_ADMIN_PORTS } from './ports.ts';
import { instanceProfileRole, type InstanceProfileRole } from './session-manager-role.ts';

function groupsOf(
  instance: Ec2Instance,
  groups: readonly Ec2SecurityGroup[],
): { found: Ec2SecurityGroup[]; missing: string[] } {
  const found: Ec2SecurityGroup[] = [];
  const missing: string[] = [];
  for (const id of instance.securityGroupIds) {
    const group = groups.find((g) => g.id === id && g.region === instance.region);
    if (group) found.push(group);
    else missing.push(id);
  }
  return { found, missing };
}

const CLOSE = 'connect with Session Manager and close the port';
const ENDPOINTS = 'it must reach the ssm, ssmmessages and ec2messages endpoints';

/** What an instance needs before Session Manager can replace the open port, judged from its instance profile alone. */
function profileAdvice(instance: Ec2Instance): string {
  return instance.instanceProfileArn
    ? `it has an instance profile (${instance.instanceProfileArn}): give its role AmazonSSMManagedInstanceCore, ${CLOSE}`
    : `attach an instance profile whose role has AmazonSSMManagedInstanceCore, ${CLOSE}`;
}

/** IAM is extra evidence: when the roles could not be read the advice stays the profile-only one and says why. */
const unreadRole = (profile: InstanceProfileRole) =>
  profile.kind === 'unread' ? ` (its role could not be read: ${profile.reason})` : '';

/** The step the role decides, once IAM was read: `agentStep` is what the agent still needs if the role is right. */
function roleAdvice(profile: Extract<InstanceProfileRole, { kind: 'role' | 'no-role' }>, agentStep: string): string {
  if (profile.kind === 'no-role') {
    return `no role of the account holds its instance profile ${profile.profileArn} (a profile without a role gives the instance no credentials): add a role with AmazonSSMManagedInstanceCore to it, ${CLOSE}`;
  }
  const { role, grant } = profile;
  if (grant.kind === 'granted') {
    const boundary = role.permissionsBoundary ? ` (permissions boundary ${role.permissionsBoundary} may limit it)` : '';
    return `its role ${role.name} grants Session Manager (${grant.via.join(', ')})${boundary}: ${agentStep}, then close the port`;
  }
  if (grant.kind === 'lacking' && grant.deniedBy.length > 0) {
    return `its role ${role.name} lacks Session Manager permissions (${grant.deniedBy.join(', ')} denies them): remove the deny, ${CLOSE}`;
  }
  if (grant.kind === 'lacking') {
    return `its role ${role.name} lacks Session Manager permissions (no policy allows ${grant.missing.join(' or ')}): attach AmazonSSMManagedInstanceCore, ${CLOSE}`;
  }
  return `whether its role ${role.name} grants Session Manager could not be decided (${grant.reason}): make sure it has AmazonSSMManagedInstanceCore, ${agentStep}, ${CLOSE}`;
}

/** The Session Manager part of a failure: already usable, usable once the agent is back or registered, or role/profile first. */
function sessionManagerAdvice(
  instance: Ec2Instance,
  registration: Observed<ManagedNode[]>,
  profile: InstanceProfileRole,
): string {
  const roleRead = profile.kind === 'role' || profile.kind === 'no-role' ? profile : undefined;
  if (registration.kind !== 'present') {
    const why = unreadableReason(registration) ?? 'no answer';
    const advice = roleRead
      ? roleAdvice(roleRead, 'make sure the SSM agent runs')
      : `${profileAdvice(instance)}${unreadRole(profile)}`;
    return `whether Session Manager already works for it could not be read (${why}); ${advice}`;
  }
  const node = registration.value.find((n) => n.instanceId === instance.id);
  const lastPing = node?.lastPingDateTime ? `, last ping ${node.lastPingDateTime}` : '';
  if (node?.pingStatus === 'Online') {
    return `Session Manager already works for it (SSM agent Online${lastPing}): close the port`;
  }
  const start = instance.state === 'stopped' ? 'start the instance, ' : '';
  if (node) {
    const agentStep = `${start}get the agent back online (${ENDPOINTS})`;
    const registered = `it is registered with Systems Manager but its agent is ${node.pingStatus ?? 'not reporting'}${lastPing}`;
    return roleRead
      ? `${registered}; ${roleAdvice(roleRead, agentStep)}`
      : `${registered}: ${agentStep}, ${CLOSE}${unreadRole(profile)}`;
  }
  if (roleRead)
    return `it is not registered with Systems Manager; ${roleAdvice(roleRead, `${start}start or update the SSM agent (${ENDPOINTS})`)}`;
  return instance.instanceProfileArn
    ? `it has an instance profile (${instance.instanceProfileArn}) but is not registered with Systems Manager: make sure the profile's role has AmazonSSMManagedInstanceCore and the SSM agent runs and reaches Systems Manager, ${CLOSE}${unreadRole(profile)}`
    : `it has no instance profile and is not registered with Systems Manager: attach an instance profile whose role has AmazonSSMManagedInstanceCore, ${CLOSE}`;
}

export default defineCheck({
  id: 'ec2-instance-admin-ports-use-session-manager',
  aliases: [],
  service: 'ec2',
  resource: 'ec2-instance',
  severity: 'high',
  title: 'EC2 instance is not reachable by SSH/RDP from the internet (use Session Manager)',
  description:
    'An instance whose security groups admit 0.0.0.0/0 or ::/0 to SSH (22) or RDP (3389) is probed by password and key guessing within minutes of launch. AWS Systems Manager Session Manager gives shell and RDP access through an outbound tunnel from the SSM agent, with IAM authentication and session logging, so no inbound admin port has to be open at all. The instance needs an instance profile whose role has the AmazonSSMManagedInstanceCore policy. ' +
    "The failure says which step is left, from the region's ssm:DescribeInstanceInformation: the instance is registered and its agent Online (Session Manager already works: close the port), registered but ConnectionLost (bring the agent back), or not registered (the profile's role needs AmazonSSMManagedInstanceCore and a running agent, or the instance needs a profile first). " +
    "When the instance is not Online, the failure also says what its instance profile's role allows, from IAM's GetAccountAuthorizationDetails (the profile is found by its full ARN, path included): the role grants Session Manager (AmazonSSMManagedInstanceCore attached, or inline and attached policies that allow ssm:UpdateInstanceInformation on the instance and ssmmessages:CreateControlChannel on `*`, wildcards such as `ssm:*` and `*` included, with no Deny): start or update the agent, then close the port; the role lacks them: attach AmazonSSMManagedInstanceCore (or remove the Deny); no role holds the profile; or it could not be decided (a policy that could not be read, an Allow or Deny under a condition). Permissions boundaries are named, not evaluated, and service control policies are not seen. " +
    'The registration and the role are read in addition to the EC2 evidence, not required: when either was denied, failed or not collected (scan the ssm and iam services too), an open port is still a failure, and the message says what could not be read and falls back to the instance profile.',
  remediation: {
    terraform: `resource "aws_iam_role_policy_attachment" "ssm" {
  role       = aws_iam_role.instance.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}
resource "aws_iam_instance_profile" "this" {
  role = aws_iam_role.instance.name
}
resource "aws_instance" "this" {
  # ...
  iam_instance_profile   = aws_iam_instance_profile.this.name
  vpc_security_group_ids = [aws_security_group.no_admin_ports.id] # no inbound 22/3389
}`,
    cli: `aws ssm describe-instance-information --filters Key=InstanceIds,Values=INSTANCE_ID   # PingStatus Online: skip to revoke
aws iam attach-role-policy --role-name INSTANCE_ROLE --policy-arn arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore
aws ec2 revoke-security-group-ingress --group-id SG_ID --ip-permissions IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=0.0.0.0/0}]
aws ssm start-session --target INSTANCE_ID`,
    console:
      'Systems Manager console > Fleet Manager: if the instance is listed with SSM Agent ping status Online, only the port has to be closed. IAM console > Roles > the instance role > Add permissions > AmazonSSMManagedInstanceCore. EC2 console > Security Groups > delete the 0.0.0.0/0 rule for 22/3389. Connect with EC2 console > Instances > INSTANCE_ID > Connect > Session Manager.',
  },
  references: [
    'https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager.html',
    'https://docs.aws.amazon.com/systems-manager/latest/userguide/setup-instance-permissions.html',
  ],
  needs: ['ec2:DescribeInstances', 'ec2:DescribeSecurityGroups'],
  triggers: [
    'AuthorizeSecurityGroupIngress',
    'ModifySecurityGroupRules',
    'ModifyInstanceAttribute',
    'RunInstances',
    'AssociateIamInstanceProfile',
  ],
  evaluate(instance, { state }) {
    const { found, missing } = groupsOf(instance, state.ec2.securityGroups);
    const open = portsOpenToInternet(
      found.flatMap((g) => g.ingress),
      REMOTE_ADMIN_PORTS,
    );
    if (open.length > 0) {
      const ports = open.map((o) => `${describePort(o.port)} from ${o.source}`).join(', ');
      const advice = sessionManagerAdvice(
        instance,
        managedNodesIn(state.ssm, instance.region),
        instanceProfileRole(state.iam, instance),
      );
      return fail(`reachable from the internet on ${ports}; ${advice}`);
    }
    if (missing.length > 0)
      return inconclusive(
        'cannot see every security group of the instance',
        `security group(s) ${missing.join(', ')} were not in DescribeSecurityGroups`,
      );
    return pass('no security group of the instance opens SSH or RDP to the internet');
  },
});
