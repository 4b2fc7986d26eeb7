/**
 * Real-shaped CloudTrail records for the pack tests, built from the parts a rule reads: who called (an IAM user's
 * long-term key, an application role, a federated SSO session, an AWS service), which call, its parameters and
 * response. The rest of the record is what CloudTrail writes for every management event.
 */

export const OWN_ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';

type Json = Record<string, unknown>;

/** an IAM user calling with a long-term access key (AKIA…) from a script */
export const iamUser: Json = {
  type: 'IAMUser',
  principalId: 'AIDAJQABLZS4A3QDU576Q',
  arn: `arn:aws:iam::${OWN_ACCOUNT}:user/alice`,
  accountId: OWN_ACCOUNT,
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  userName: 'alice',
};

/** an application's role session (temporary ASIA… credentials), e.g. a Lambda function or an ECS task */
export const appRole: Json = {
  type: 'AssumedRole',
  principalId: 'AROAEXAMPLEAPPROLE01:chat-backend',
  arn: `arn:aws:sts::${OWN_ACCOUNT}:assumed-role/chat-backend/chat-backend`,
  accountId: OWN_ACCOUNT,
  accessKeyId: 'ASIAEXAMPLEAPPROLE01',
  sessionContext: {
    sessionIssuer: {
      type: 'Role',
      principalId: 'AROAEXAMPLEAPPROLE01',
      arn: `arn:aws:iam::${OWN_ACCOUNT}:role/chat-backend`,
      accountId: OWN_ACCOUNT,
      userName: 'chat-backend',
    },
    attributes: { creationDate: '2024-09-12T09:58:02Z', mfaAuthenticated: 'false' },
  },
};

/** a person signed in through IAM Identity Center (SAML federation, MFA at the identity provider) */
export const ssoSession: Json = {
  type: 'AssumedRole',
  principalId: 'AROAEXAMPLESSOADMIN1:bob@example.com',
  arn: `arn:aws:sts::${OWN_ACCOUNT}:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/bob@example.com`,
  accountId: OWN_ACCOUNT,
  accessKeyId: 'ASIAEXAMPLESSOADMIN1',
  sessionContext: {
    sessionIssuer: {
      type: 'Role',
      principalId: 'AROAEXAMPLESSOADMIN1',
      arn: `arn:aws:iam::${OWN_ACCOUNT}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_0123456789abcdef`,
      accountId: OWN_ACCOUNT,
      userName: 'AWSReservedSSO_AdministratorAccess_0123456789abcdef',
    },
    attributes: { creationDate: '2024-09-12T08:30:11Z', mfaAuthenticated: 'false' },
  },
};

/** a service acting for the account through its service-linked role, as CloudTrail records it (invokedBy) */
export function serviceRole(service: string, role: string): Json {
  return {
    type: 'AssumedRole',
    principalId: `AROAEXAMPLESERVICE01:${service.split('.')[0]}`,
    arn: `arn:aws:sts::${OWN_ACCOUNT}:assumed-role/${role}/${service.split('.')[0]}`,
    accountId: OWN_ACCOUNT,
    sessionContext: {
      sessionIssuer: { type: 'Role', principalId: 'AROAEXAMPLESERVICE01', arn: `arn:aws:iam::${OWN_ACCOUNT}:role/aws-service-role/${service}/${role}`, accountId: OWN_ACCOUNT, userName: role },
      attributes: { creationDate: '2024-09-12T10:00:00Z', mfaAuthenticated: 'false' },
    },
    invokedBy: service,
  };
}

/** AWS acting on its own (userIdentity.type AWSService) */
export function awsService(service: string): Json {
  return { type: 'AWSService', invokedBy: service };
}

export interface Call {
  source: string;
  name: string;
  request?: Json | null;
  response?: Json | null;
  identity?: Json;
  readOnly?: boolean;
  error?: { code: string; message: string };
  region?: string;
}

let serial = 0;

export function apiCall(call: Call): Json {
  serial += 1;
  const id = `5f3c0000-0000-4000-8000-${String(serial).padStart(12, '0')}`;
  const identity = call.identity ?? iamUser;
  const service = identity.type === 'AWSService' ? (identity.invokedBy as string) : undefined;
  const record: Json = {
    eventVersion: '1.09',
    userIdentity: identity,
    eventTime: '2024-09-12T10:15:30Z',
    eventSource: call.source,
    eventName: call.name,
    awsRegion: call.region ?? 'eu-west-1',
    sourceIPAddress: service ?? (typeof identity.invokedBy === 'string' ? identity.invokedBy : '203.0.113.10'),
    userAgent: service ?? (typeof identity.invokedBy === 'string' ? identity.invokedBy : 'aws-cli/2.17.20 md/awscrt#0.20.11 ua/2.0 os/linux#6.5.0 md/arch#x86_64 lang/python#3.11.9'),
    requestParameters: call.request ?? null,
    responseElements: call.error ? null : (call.response ?? null),
    requestID: id,
    eventID: id.replace('5f3c', '6a4d'),
    readOnly: call.readOnly ?? false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: OWN_ACCOUNT,
    eventCategory: 'Management',
  };
  if (call.error) {
    record.errorCode = call.error.code;
    record.errorMessage = call.error.message;
  }
  return record;
}

/** The same call refused, with the error code and message the service writes. */
export function refused(record: Json, code = 'AccessDenied'): Json {
  const arn = String((record.userIdentity as { arn?: string }).arn);
  const action = `${String(record.eventSource).split('.')[0]}:${String(record.eventName)}`;
  const message = code === 'Client.UnauthorizedOperation'
    ? `You are not authorized to perform this operation. User: ${arn} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action.`
    : `User: ${arn} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`;
  return { ...record, errorCode: code, errorMessage: message, responseElements: null };
}

/** The same call failing for another reason than permissions. */
export function failed(record: Json, code: string, message: string): Json {
  return { ...record, errorCode: code, errorMessage: message, responseElements: null };
}

/** A read-only call (Describe…, Get…, List…): looking, not changing. */
export function readOnlyCall(source: string, name: string, request: Json, identity?: Json): Json {
  return apiCall({ source, name, request, response: null, readOnly: true, identity });
}

/** A principal's call made through a service on its behalf (CloudFormation, Auto Scaling …): invokedBy set. */
export function viaService(identity: Json, service: string): Json {
  return { ...identity, invokedBy: service };
}
