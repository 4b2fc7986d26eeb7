import type { CodeResource } from '../code-resource.ts';
import { answer, notConfigured, type IacEvidence } from '../evidence.ts';
import { textOf, Unknown, type SourceSpan, type Value } from '../values.ts';
import { regionEntry } from './regional.ts';

export const LAMBDA_OPERATIONS = ['lambda:ListFunctions', 'lambda:GetPolicy'] as const;

/** A function the code creates. */
export interface FunctionDraft {
  resource: CodeResource;
  name: string;
  runtime?: Value;
  packageType?: Value;
}

/** One `aws_lambda_permission` / `AWS::Lambda::Permission`: a statement of the function's resource-based policy. */
export interface PermissionDraft {
  /** the function's name or ARN, as the permission names it */
  functionName: Value | undefined;
  statementId: Value | undefined;
  action: Value | undefined;
  principal: Value | undefined;
  sourceArn?: Value;
  sourceAccount?: Value;
  principalOrgId?: Value;
  functionUrlAuthType?: Value;
  span: SourceSpan;
}

/** How AddPermission writes a principal into the policy: `*`, a service, or an account / ARN. */
function principalOf(principal: Value | undefined): unknown {
  if (principal instanceof Unknown) return principal;
  const text = textOf(principal ?? '');
  if (text === '*') return '*';
  if (/\.amazonaws\.com(\.cn)?$/.test(text)) return { Service: text };
  // an account id is written as the account's root ARN
  return { AWS: /^\d{12}$/.test(text) ? `arn:aws:iam::${text}:root` : text };
}

/** The statement AddPermission adds for a permission, with the conditions its optional arguments set. */
function statement(p: PermissionDraft, functionArn: string, index: number): Record<string, unknown> {
  const condition: Record<string, Record<string, Value>> = {};
  if (p.sourceArn !== undefined && p.sourceArn !== null) condition.ArnLike = { 'AWS:SourceArn': p.sourceArn };
  const equals: Record<string, Value> = {};
  if (p.sourceAccount !== undefined && p.sourceAccount !== null) equals['AWS:SourceAccount'] = p.sourceAccount;
  if (p.principalOrgId !== undefined && p.principalOrgId !== null) equals['aws:PrincipalOrgID'] = p.principalOrgId;
  if (p.functionUrlAuthType !== undefined && p.functionUrlAuthType !== null)
    equals['lambda:FunctionUrlAuthType'] = p.functionUrlAuthType;
  if (Object.keys(equals).length > 0) condition.StringEquals = equals;
  return {
    Sid: p.statementId ?? `statement-${index}`,
    Effect: 'Allow',
    Principal: principalOf(p.principal),
    Action: p.action ?? 'lambda:InvokeFunction',
    Resource: functionArn,
    ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
  };
}

/**
 * ListFunctions and GetPolicy as Lambda would answer them: each function's policy holds the statements of the
 * permissions that name it (by name or ARN); a function without any has no policy (ResourceNotFoundException).
 */
export function writeLambda(
  functions: FunctionDraft[],
  permissions: PermissionDraft[],
  region: string,
  evidence: IacEvidence,
): void {
  if (functions.length === 0) return;
  const entry = regionEntry(evidence, 'lambda', region);
  const policies: Record<string, unknown> = {};
  entry.ListFunctions = {
    Functions: functions.map((f) => {
      const arn = `arn:aws:lambda:${region}:${evidence.accountId}:function:${f.name}`;
      evidence.declareCode(arn, f.resource);
      evidence.source(arn, 'lambda:ListFunctions', f.resource.span);
      const mine = permissions.filter((p) => p.functionName === f.name || p.functionName === arn);
      if (mine.length === 0) {
        policies[arn] = notConfigured('ResourceNotFoundException', 'The resource you requested does not exist.');
      } else {
        // an unresolved part of a statement makes this function's policy unresolved: its verdict says unknown
        const document = { Version: '2012-10-17', Id: 'default', Statement: mine.map((p, i) => statement(p, arn, i)) };
        const resolved = answer(document);
        policies[arn] = resolved === document ? { Policy: JSON.stringify(document) } : resolved;
        evidence.source(arn, 'lambda:GetPolicy', (mine[0] as PermissionDraft).span);
      }
      return evidence.listed(arn, 'lambda:ListFunctions', {
        FunctionName: f.name,
        FunctionArn: arn,
        ...(f.runtime !== undefined && f.runtime !== null ? { Runtime: f.runtime } : {}),
        PackageType: f.packageType ?? 'Zip',
      });
    }),
  };
  entry.GetPolicy = policies;
}
