/**
 * EC2's query API at the HTTP level (POST `Action=…&Version=2016-11-15`, XML answers in the 2016-11-15 namespace,
 * errors as `<Response><Errors><Error>`), for tests that run the real SDK stack. Only DescribeSecurityGroups, as
 * the EC2 API reference shows it: `GroupId.N` narrows the list, and an id the region does not have fails the whole
 * call with `InvalidGroup.NotFound`; DescribeInstances answers a region without instances.
 */
import type { FakeRequest, FakeResponse } from './fake-aws-http.ts';
import { xml } from './fake-aws-http.ts';

const EC2_NS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

export interface FakeIngressRule {
  protocol: string;
  fromPort: number;
  toPort: number;
  cidrs: string[];
}

export interface FakeSecurityGroup {
  groupId: string;
  groupName: string;
  vpcId: string;
  ingress: FakeIngressRule[];
}

let requests = 0;
const requestId = () => `59dbff89-35bd-4eac-99ed-be587ed8${String(++requests).padStart(4, '0')}`;

/** An EC2 error: HTTP 400 (403 for UnauthorizedOperation), `<Response><Errors><Error><Code>`. */
export function ec2Error(code: string, message: string, status = 400): FakeResponse {
  return xml(
    status,
    `<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>${requestId()}</RequestID></Response>`,
  );
}

function permission(rule: FakeIngressRule): string {
  const ranges = rule.cidrs.map((cidr) => `<item><cidrIp>${cidr}</cidrIp></item>`).join('');
  return `<item><ipProtocol>${rule.protocol}</ipProtocol><fromPort>${rule.fromPort}</fromPort><toPort>${rule.toPort}</toPort><groups/><ipRanges>${ranges}</ipRanges><ipv6Ranges/><prefixListIds/></item>`;
}

function group(sg: FakeSecurityGroup, account: string, region: string): string {
  return `<item><ownerId>${account}</ownerId><groupId>${sg.groupId}</groupId><groupName>${sg.groupName}</groupName><groupDescription>${sg.groupName}</groupDescription><vpcId>${sg.vpcId}</vpcId><ipPermissions>${sg.ingress.map(permission).join('')}</ipPermissions><ipPermissionsEgress><item><ipProtocol>-1</ipProtocol><groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item></ipPermissionsEgress><securityGroupArn>arn:aws:ec2:${region}:${account}:security-group/${sg.groupId}</securityGroupArn></item>`;
}

/** The action an EC2 (query protocol) request names, or undefined for another API's request. */
export function ec2Action(request: FakeRequest): { action: string; params: URLSearchParams } | undefined {
  if (request.method !== 'POST' || !request.body.includes('Version=2016-11-15')) return undefined;
  const params = new URLSearchParams(request.body);
  const action = params.get('Action');
  return action ? { action, params } : undefined;
}

/**
 * DescribeSecurityGroups over `groups` (live: tests change them between runs); `deny` answers it instead (an
 * UnauthorizedOperation). Undefined for a request of another API.
 */
export function ec2SecurityGroupsRoute(
  account: string,
  region: string,
  groups: FakeSecurityGroup[],
  options: { deny?: () => FakeResponse | undefined } = {},
) {
  return (request: FakeRequest): FakeResponse | undefined => {
    const call = ec2Action(request);
    if (!call) return undefined;
    if (call.action === 'DescribeInstances')
      return xml(
        200,
        `<DescribeInstancesResponse xmlns="${EC2_NS}"><requestId>${requestId()}</requestId><reservationSet/></DescribeInstancesResponse>`,
      );
    if (call.action !== 'DescribeSecurityGroups')
      return ec2Error('InvalidAction', `The action ${call.action} is not valid for this web service.`);
    const denied = options.deny?.();
    if (denied) return denied;
    const ids = [...call.params.entries()].filter(([k]) => /^GroupId\.\d+$/.test(k)).map(([, v]) => v);
    const missing = ids.find((id) => !groups.some((g) => g.groupId === id));
    if (missing) return ec2Error('InvalidGroup.NotFound', `The security group '${missing}' does not exist`);
    const listed = ids.length > 0 ? groups.filter((g) => ids.includes(g.groupId)) : groups;
    return xml(
      200,
      `<DescribeSecurityGroupsResponse xmlns="${EC2_NS}"><requestId>${requestId()}</requestId><securityGroupInfo>${listed.map((g) => group(g, account, region)).join('')}</securityGroupInfo></DescribeSecurityGroupsResponse>`,
    );
  };
}
