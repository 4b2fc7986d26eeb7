/**
 * Who calls, for the pack tests: besides `alice` (an IAM user's long-term key), an application's role session, a
 * person federated through IAM Identity Center, and AWS acting on its own; and calls refused or failed with the
 * codes the services write. Records themselves come from `cloudTrailRecord` (pack-cases.ts).
 */
import { ACCOUNT, cloudTrailRecord, type CtRecord, readOnly } from './pack-cases.ts';

/** an application's role session (temporary ASIA… credentials), e.g. a Lambda function or an ECS task */
export const appRole: CtRecord = {
  type: 'AssumedRole',
  principalId: 'AROAEXAMPLEAPPROLE01:chat-backend',
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/chat-backend/chat-backend`,
  accountId: ACCOUNT,
  accessKeyId: 'ASIAEXAMPLEAPPROLE01',
  sessionContext: {
    sessionIssuer: {
      type: 'Role',
      principalId: 'AROAEXAMPLEAPPROLE01',
      arn: `arn:aws:iam::${ACCOUNT}:role/chat-backend`,
      accountId: ACCOUNT,
      userName: 'chat-backend',
    },
    attributes: { creationDate: '2024-09-12T09:58:02Z', mfaAuthenticated: 'false' },
  },
};

/** a person signed in through IAM Identity Center (SAML federation, MFA at the identity provider) */
export const ssoSession: CtRecord = {
  type: 'AssumedRole',
  principalId: 'AROAEXAMPLESSOADMIN1:bob@example.com',
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/bob@example.com`,
  accountId: ACCOUNT,
  accessKeyId: 'ASIAEXAMPLESSOADMIN1',
  sessionContext: {
    sessionIssuer: {
      type: 'Role',
      principalId: 'AROAEXAMPLESSOADMIN1',
      arn: `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_0123456789abcdef`,
      accountId: ACCOUNT,
      userName: 'AWSReservedSSO_AdministratorAccess_0123456789abcdef',
    },
    attributes: { creationDate: '2024-09-12T08:30:11Z', mfaAuthenticated: 'false' },
  },
};

/** AWS acting on its own (userIdentity.type AWSService) */
export function awsService(service: string): CtRecord {
  return { type: 'AWSService', invokedBy: service };
}

export interface Call {
  source: string;
  name: string;
  request?: CtRecord | null;
  response?: CtRecord | null;
  /** alice when left out */
  identity?: CtRecord;
  readOnly?: boolean;
}

export function apiCall(call: Call): CtRecord {
  const extra: CtRecord = {};
  if (call.identity) extra.userIdentity = call.identity;
  if (call.identity?.type === 'AWSService') {
    extra.sourceIPAddress = call.identity.invokedBy;
    extra.userAgent = call.identity.invokedBy;
  }
  if (call.readOnly) extra.readOnly = true;
  return cloudTrailRecord(call.source, call.name, call.request ?? null, call.response ?? null, extra);
}

/** A read-only call (Describe…, Get…, List…): looking, not changing. */
export function readOnlyCall(source: string, name: string, request: CtRecord, identity?: CtRecord): CtRecord {
  return readOnly(apiCall({ source, name, request, identity }), name);
}

/** The same call failing: errorCode and errorMessage set, no response. */
export function failed(record: CtRecord, code: string, message: string): CtRecord {
  return { ...record, errorCode: code, errorMessage: message, responseElements: null };
}

/** The same call refused for want of permission, with the code the service writes (EC2: Client.UnauthorizedOperation). */
export function refused(record: CtRecord, code = 'AccessDenied'): CtRecord {
  const arn = String((record.userIdentity as { arn?: string }).arn);
  const action = `${String(record.eventSource).split('.')[0]}:${String(record.eventName)}`;
  const reason = `User: ${arn} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`;
  return failed(
    record,
    code,
    code === 'Client.UnauthorizedOperation' ? `You are not authorized to perform this operation. ${reason}.` : reason,
  );
}
