// compute.yaml: Windows passwords and user data, user data rewritten, GPU launches, SSM commands and sessions,
// EC2 Instance Connect and serial console keys.
import { alice, byService, describePack, expandCases } from './pack-cases.ts';
import { apiCall, appRole, awsService, failed, readOnlyCall, refused, ssoSession } from './records.ts';

type Json = Record<string, unknown>;
const EC2 = 'ec2.amazonaws.com';
const SSM = 'ssm.amazonaws.com';
const CONNECT = 'ec2-instance-connect.amazonaws.com';
const INSTANCE = 'i-0a1b2c3d4e5f60718';
const ok = { _return: true, requestId: '0c8d7e4f-2b1a-4c3d-9e8f-7a6b5c4d3e2f' };
/** EC2 refuses with this code (Stratus's records hold it), IAM-style services with AccessDenied */
const EC2_REFUSED = 'Client.UnauthorizedOperation';

const getPasswordData = (identity?: Json) => readOnlyCall(EC2, 'GetPasswordData', { instanceId: INSTANCE }, identity);
const describeAttribute = (attribute: string, identity?: Json) =>
  readOnlyCall(EC2, 'DescribeInstanceAttribute', { instanceId: INSTANCE, attribute }, identity);
const describeInstances = readOnlyCall(EC2, 'DescribeInstances', {
  instancesSet: { items: [{ instanceId: INSTANCE }] },
  filterSet: {},
});

const modifyAttribute = (request: Json, identity?: Json) =>
  apiCall({
    source: EC2,
    name: 'ModifyInstanceAttribute',
    request: { instanceId: INSTANCE, ...request },
    response: ok,
    identity,
  });

function runInstances(request: Json, launchedType: string, identity?: Json): Json {
  return apiCall({
    source: EC2,
    name: 'RunInstances',
    request: {
      instancesSet: { items: [{ imageId: 'ami-0c2b8ca1dad447f8a', minCount: 1, maxCount: 4 }] },
      blockDeviceMapping: {},
      monitoring: { enabled: false },
      disableApiTermination: false,
      subnetId: 'subnet-0e540f0c7ffb48ae9',
      ...request,
    },
    response: {
      requestId: '3e3ad1b6-1c5a-4f7e-8a36-2c1f5c0b9d11',
      reservationId: 'r-0b1c2d3e4f5a6b7c8',
      ownerId: '111122223333',
      groupSet: {},
      instancesSet: {
        items: [
          {
            instanceId: 'i-0f9e8d7c6b5a43210',
            imageId: 'ami-0c2b8ca1dad447f8a',
            instanceType: launchedType,
            currentState: { code: 0, name: 'pending' },
          },
        ],
      },
    },
    identity,
  });
}

function sendCommand(document: string, identity?: Json, target: Json = { instanceIds: [INSTANCE] }): Json {
  return apiCall({
    source: SSM,
    name: 'SendCommand',
    request: { documentName: document, ...target, interactive: false, parameters: 'HIDDEN_DUE_TO_SECURITY_REASONS' },
    response: {
      command: {
        commandId: '4e973221-443e-4a56-a0b4-1cb3c7923fc3',
        documentName: document,
        status: 'Pending',
        ...target,
        parameters: 'HIDDEN_DUE_TO_SECURITY_REASONS',
      },
    },
    identity,
  });
}

function sessionCall(name: 'StartSession' | 'TerminateSession', request: Json, identity?: Json): Json {
  const response =
    name === 'StartSession'
      ? {
          sessionId: 'alice-0a1b2c3d4e5f6a7b8',
          streamUrl:
            'wss://ssmmessages.eu-west-1.amazonaws.com/v1/data-channel/alice-0a1b2c3d4e5f6a7b8?role=publish_subscribe',
          tokenValue: 'Value hidden due to security reasons.',
        }
      : { sessionId: 'alice-0a1b2c3d4e5f6a7b8' };
  return apiCall({ source: SSM, name, request, response, identity });
}

const sshKey = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOtAlK45MAEWZ7MUY2QEmi3M6W+peGL3VCrc0qH54xRu';
const connected = { requestId: '1f1786bd-e04c-4fd9-af8c-6a5d69376c41', success: true };
const sendSshKey = (identity?: Json) =>
  apiCall({
    source: CONNECT,
    name: 'SendSSHPublicKey',
    request: { instanceId: INSTANCE, instanceOSUser: 'ec2-user', sSHPublicKey: sshKey },
    response: connected,
    identity,
  });
const sendSerialKey = (identity?: Json) =>
  apiCall({
    source: CONNECT,
    name: 'SendSerialConsoleSSHPublicKey',
    request: { instanceId: INSTANCE, monitorMode: false, sSHPublicKey: sshKey, serialPort: 0 },
    response: connected,
    identity,
  });

function serialConsoleAccess(enable: boolean, identity?: Json): Json {
  const name = enable ? 'EnableSerialConsoleAccess' : 'DisableSerialConsoleAccess';
  return apiCall({
    source: EC2,
    name,
    request: { [`${name}Request`]: '' },
    response: {
      [`${name}Response`]: {
        requestId: 'e110338f-cc06-4284-bf16-6528a7df1561',
        serialConsoleAccessEnabled: enable,
        xmlns: 'http://ec2.amazonaws.com/doc/2016-11-15/',
      },
    },
    identity,
  });
}
const serialConsoleStatus = readOnlyCall(EC2, 'GetSerialConsoleAccessStatus', {
  GetSerialConsoleAccessStatusRequest: '',
});

describePack(
  'compute.yaml',
  expandCases([
    {
      rule: 'EC2 Windows Password Data Requested',
      attempt: true,
      fires: [
        [getPasswordData(), 'password data returned to an IAM user'],
        [refused(getPasswordData(appRole), EC2_REFUSED), 'refused: a role probing for passwords (as Stratus runs it)'],
      ],
      quiet: [
        [getPasswordData(awsService(EC2)), 'AWS acting on its own'],
        [
          failed(getPasswordData(), 'Client.DryRunOperation', 'Request would have succeeded, but DryRun flag is set.'),
          'a dry run: no password returned',
        ],
        [describeInstances, 'read-only: instances listed'],
      ],
    },
    {
      rule: 'EC2 User Data Read',
      attempt: true,
      fires: [
        [describeAttribute('userData'), 'user data read by an IAM user'],
        [
          refused(describeAttribute('userData', appRole), EC2_REFUSED),
          'refused: a role probing for user data (as Stratus runs it)',
        ],
      ],
      quiet: [
        [describeAttribute('instanceType'), 'another attribute read'],
        [describeAttribute('disableApiTermination', appRole), 'termination protection checked'],
        [describeAttribute('userData', awsService('ssm.amazonaws.com')), 'AWS acting on its own'],
        [refused(describeAttribute('instanceType'), EC2_REFUSED), 'another attribute refused'],
      ],
    },
    {
      rule: 'EC2 User Data Modified',
      fires: [
        [
          modifyAttribute({ userData: '<sensitiveDataRemoved>' }),
          'user data replaced by an IAM user (as CloudTrail redacts it)',
        ],
        [
          modifyAttribute({ attribute: 'userData', value: '<sensitiveDataRemoved>' }, ssoSession),
          'the attribute/value form, by an SSO admin',
        ],
      ],
      quiet: [
        [modifyAttribute({ instanceType: { value: 'm6i.large' } }), 'instance type changed'],
        [byService(modifyAttribute({ userData: '<sensitiveDataRemoved>' })), 'CloudFormation updating its stack'],
        [describeAttribute('userData'), 'read-only: user data read (another rule)'],
      ],
    },
    {
      rule: 'EC2 GPU Or Accelerated Instance Launch',
      attempt: true,
      fires: [
        [runInstances({ instanceType: 'p4d.24xlarge' }, 'p4d.24xlarge'), 'GPU instances launched with an IAM user key'],
        [
          refused(runInstances({ instanceType: 'g5.12xlarge' }, 'g5.12xlarge', appRole), EC2_REFUSED),
          'refused GPU launch (as Stratus runs it)',
        ],
        [
          runInstances(
            { launchTemplate: { launchTemplateId: 'lt-0a1b2c3d4e5f67890', version: '$Latest' } },
            'trn1.32xlarge',
          ),
          'type chosen by a launch template, read from the response',
        ],
        [
          runInstances({ instanceType: 'inf2.xlarge' }, 'inf2.xlarge', ssoSession),
          'inference instance by an SSO admin',
        ],
      ],
      quiet: [
        [runInstances({ instanceType: 't3.micro' }, 't3.micro'), 'an ordinary instance'],
        [runInstances({ instanceType: 'c7g.xlarge' }, 'c7g.xlarge'), 'Graviton (g at the end, not a GPU)'],
        [
          byService(runInstances({ instanceType: 'g5.xlarge' }, 'g5.xlarge'), 'autoscaling.amazonaws.com'),
          'Auto Scaling growing a GPU group',
        ],
        [
          failed(
            runInstances({ instanceType: 't3.micro' }, 't3.micro'),
            EC2_REFUSED,
            'You are not authorized to perform this operation.',
          ),
          'an ordinary launch refused',
        ],
      ],
    },
    {
      rule: 'SSM Command Sent To Instances',
      fires: [
        [sendCommand('AWS-RunShellScript'), 'shell script on an instance'],
        [
          sendCommand('AWS-RunPowerShellScript', ssoSession, { targets: [{ key: 'tag:Role', values: ['web'] }] }),
          'PowerShell on tagged instances by an SSO admin',
        ],
      ],
      quiet: [
        [sendCommand('AWS-RunPatchBaseline'), 'patching document'],
        [byService(sendCommand('AWS-RunShellScript'), SSM), 'a maintenance window running its task'],
        [
          readOnlyCall(SSM, 'GetCommandInvocation', {
            commandId: '4e973221-443e-4a56-a0b4-1cb3c7923fc3',
            instanceId: INSTANCE,
          }),
          'read-only: command output read',
        ],
      ],
    },
    {
      rule: 'SSM Session Started On Instance',
      fires: [
        [sessionCall('StartSession', { target: INSTANCE }), 'shell session by an IAM user'],
        [
          sessionCall(
            'StartSession',
            {
              target: INSTANCE,
              documentName: 'AWS-StartPortForwardingSession',
              parameters: { portNumber: ['5432'], localPortNumber: ['5432'] },
            },
            ssoSession,
          ),
          'port forward by an SSO user',
        ],
      ],
      quiet: [
        [sessionCall('TerminateSession', { sessionId: 'alice-0a1b2c3d4e5f6a7b8' }), 'a session ended'],
        [readOnlyCall(SSM, 'DescribeSessions', { state: 'Active' }), 'read-only: sessions listed'],
        [sessionCall('StartSession', { target: INSTANCE }, awsService(SSM)), 'AWS acting on its own'],
      ],
    },
    {
      rule: 'EC2 Instance Connect SSH Key Sent',
      fires: [
        [sendSshKey(), 'key pushed with an IAM user key'],
        [sendSshKey(ssoSession), 'key pushed by an SSO user'],
      ],
      quiet: [
        [sendSshKey(awsService(CONNECT)), 'AWS acting on its own'],
        [failed(sendSshKey(), 'EC2InstanceNotFoundException', 'Instance not found'), 'no such instance: no key placed'],
        [sendSerialKey(), 'a serial console key (its own rule)'],
      ],
    },
    {
      rule: 'EC2 Serial Console SSH Key Sent',
      fires: [
        [sendSerialKey(ssoSession), 'serial console key by an SSO admin (as Stratus runs it)'],
        [sendSerialKey(), 'serial console key with an IAM user key'],
      ],
      quiet: [
        [
          failed(
            sendSerialKey(),
            'SerialConsoleAccessDisabledException',
            'Your account is not authorized to use the EC2 Serial Console. To authorize your account, run the EnableSerialConsoleAccess API.',
          ),
          'serial console switched off: no key placed',
        ],
        [sendSshKey(), 'an Instance Connect key (its own rule)'],
        [serialConsoleStatus, 'read-only: access status read'],
      ],
    },
    {
      rule: 'EC2 Serial Console Access Enabled',
      fires: [
        [serialConsoleAccess(true, ssoSession), 'switched on by an SSO admin'],
        [serialConsoleAccess(true, alice), 'switched on with an IAM user key'],
      ],
      quiet: [
        [serialConsoleAccess(false), 'switched off'],
        [serialConsoleStatus, 'read-only: access status read'],
      ],
    },
  ]),
  [
    'aws.credential-access.ec2-get-password-data',
    'aws.discovery.ec2-download-user-data',
    'aws.execution.ec2-launch-unusual-instances',
    'aws.execution.ec2-user-data',
    'aws.execution.ssm-send-command',
    'aws.execution.ssm-start-session',
    'aws.lateral-movement.ec2-instance-connect',
    'aws.lateral-movement.ec2-serial-console-send-ssh-public-key',
  ],
);
