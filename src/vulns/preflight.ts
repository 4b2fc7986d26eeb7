import { readPolicy, type ConditionClause, type Statement } from '../checks/policy/document.ts';
import { wildcardMatches } from '../checks/policy/wildcard.ts';
import { unreadableReason, type Observed } from '../model/observed.ts';
import {
  acceptedServicePrincipals,
  BUCKET_ACTIONS,
  bucketStatement,
  KEY_ACTIONS,
  keyStatement,
  reportSourceArn,
  type ExportTarget,
  type PolicyStatement,
} from './export-policies.ts';

/**
 * The export preflight: reads what AWS said about the bucket and the key and decides, before
 * CreateFindingsReport is called, whether Inspector will be able to write the report.
 * Pure: the AWS calls happen in `export-preflight-reader.ts`.
 */

export type PreflightStatus = 'ok' | 'missing' | 'blocked' | 'unknown' | 'warning';

export interface PreflightCheck {
  id: 'bucket-region' | 'bucket-policy' | 'bucket-encryption' | 'key-region' | 'key-policy';
  status: PreflightStatus;
  message: string;
  /** for `missing`: the statement to add, and where */
  fix?: { policy: 'bucket' | 'key'; statement: PolicyStatement };
}

export interface ServerSideEncryptionRule {
  ApplyServerSideEncryptionByDefault?: { SSEAlgorithm?: string; KMSMasterKeyID?: string };
  BucketKeyEnabled?: boolean;
}

export interface PreflightEvidence {
  /** GetBucketLocation, as a region */
  bucketRegion: Observed<string>;
  /** GetBucketPolicy's Policy text */
  bucketPolicy: Observed<string>;
  /** GetBucketEncryption's rules */
  bucketEncryption: Observed<ServerSideEncryptionRule[]>;
  /** KMS GetKeyPolicy (policy name `default`) */
  keyPolicy: Observed<string>;
}

export interface PreflightResult {
  checks: PreflightCheck[];
  /** false when something is known to stop the export (missing grant, a deny, a region mismatch) */
  canExport: boolean;
}

/** What Inspector's request looks like to a policy: who, which source, which object. */
interface RequestContext {
  principals: string[];
  conditionValues: Record<string, string>;
}

type Verdict = { kind: 'true' } | { kind: 'false'; why: string } | { kind: 'unknown'; why: string };

const STRING_OPERATORS = new Set(['stringequals', 'stringlike', 'arnequals', 'arnlike', 'stringequalsignorecase']);

function clauseVerdict(clause: ConditionClause, context: RequestContext): Verdict {
  const operator = clause.operator.toLowerCase().replace(/ifexists$/, '');
  const actual = context.conditionValues[clause.key];
  if (operator === 'bool' && clause.key === 'aws:securetransport') {
    // Inspector writes over TLS
    return clause.values.includes('true') ? { kind: 'true' } : { kind: 'false', why: `${clause.keyAsWritten} is true` };
  }
  if (!STRING_OPERATORS.has(operator) || actual === undefined) {
    return { kind: 'unknown', why: `condition ${clause.operator} ${clause.keyAsWritten}` };
  }
  const like = operator.endsWith('like');
  const matches = clause.values.some((value) =>
    like
      ? wildcardMatches(value, actual)
      : operator === 'stringequalsignorecase'
        ? value.toLowerCase() === actual.toLowerCase()
        : value === actual,
  );
  return matches
    ? { kind: 'true' }
    : { kind: 'false', why: `${clause.keyAsWritten} is ${actual}, not ${clause.values.join(' or ')}` };
}

function conditionsVerdict(statement: Statement, context: RequestContext): Verdict {
  let unknown: Verdict | undefined;
  for (const clause of statement.conditions) {
    const verdict = clauseVerdict(clause, context);
    if (verdict.kind === 'false') return verdict;
    if (verdict.kind === 'unknown') unknown ??= verdict;
  }
  return unknown ?? { kind: 'true' };
}

function namesInspector(element: NonNullable<Statement['principal']>, context: RequestContext): boolean {
  if (element.kind === 'any') return true;
  const values = [...(element.entries.Service ?? []), ...(element.entries.AWS ?? [])];
  return values.includes('*') || values.some((v) => context.principals.includes(v));
}

/** A Deny with NotPrincipal applies to everyone it does not name; an Allow with NotPrincipal is never counted as a grant. */
function appliesToPrincipal(statement: Statement, context: RequestContext): boolean {
  if (statement.notPrincipal) return statement.effect === 'Deny' && !namesInspector(statement.notPrincipal, context);
  return statement.principal !== undefined && namesInspector(statement.principal, context);
}

function actionMatches(patterns: string[], action: string): boolean {
  return patterns.some((pattern) => wildcardMatches(pattern.toLowerCase(), action.toLowerCase()));
}

function appliesToAction(statement: Statement, action: string): boolean {
  if (statement.actions) return actionMatches(statement.actions, action);
  if (statement.notActions) return !actionMatches(statement.notActions, action);
  return false;
}

function appliesToResource(statement: Statement, resource: string): boolean {
  if (statement.resources) return statement.resources.some((pattern) => wildcardMatches(pattern, resource));
  if (statement.notResources) return !statement.notResources.some((pattern) => wildcardMatches(pattern, resource));
  return false;
}

function hasConditionKey(statement: Statement, key: string): boolean {
  return statement.conditions.some((c) => c.key === key);
}

interface PolicyVerdict {
  status: PreflightStatus;
  message: string;
}

/**
 * Does the policy let Inspector do every action on the resource? Explicit denies win, grants must
 * cover each action, and a condition cloudwarden cannot evaluate makes the answer unknown, never ok.
 */
function judgePolicy(
  policyText: string,
  what: string,
  actions: readonly string[],
  resource: string,
  context: RequestContext,
): PolicyVerdict {
  const policy = readPolicy(policyText);
  const applicable = policy.statements.filter((s) => appliesToPrincipal(s, context) && appliesToResource(s, resource));
  for (const statement of applicable.filter((s) => s.effect === 'Deny')) {
    const denied = actions.filter((a) => appliesToAction(statement, a));
    if (denied.length === 0) continue;
    const verdict = conditionsVerdict(statement, context);
    if (verdict.kind === 'true') {
      return {
        status: 'blocked',
        message: `${what}: statement "${statement.label}" denies ${denied.join(', ')} to Inspector; remove or narrow it`,
      };
    }
    if (verdict.kind === 'unknown') {
      return {
        status: 'unknown',
        message: `${what}: statement "${statement.label}" denies ${denied.join(', ')} under a ${verdict.why} cloudwarden cannot evaluate; check it does not apply to Inspector`,
      };
    }
  }
  const missing: string[] = [];
  const uncertain: string[] = [];
  const rejected: string[] = [];
  const unprotected = new Set<string>();
  for (const action of actions) {
    let granted = false;
    for (const statement of applicable.filter((s) => s.effect === 'Allow' && appliesToAction(s, action))) {
      const verdict = conditionsVerdict(statement, context);
      if (verdict.kind === 'true') {
        granted = true;
        if (!hasConditionKey(statement, 'aws:sourceaccount') && !hasConditionKey(statement, 'aws:sourcearn'))
          unprotected.add(statement.label);
        break;
      }
      if (verdict.kind === 'unknown') uncertain.push(`"${statement.label}" (${verdict.why})`);
      else rejected.push(`"${statement.label}" (${verdict.why})`);
    }
    if (!granted) missing.push(action);
  }
  const problems = policy.problems.length > 0 ? ` (unreadable parts: ${policy.problems.join('; ')})` : '';
  if (missing.length > 0 && uncertain.length > 0) {
    return {
      status: 'unknown',
      message: `${what}: ${missing.join(', ')} for Inspector depends on ${[...new Set(uncertain)].join(', ')}${problems}`,
    };
  }
  if (missing.length > 0) {
    const near =
      rejected.length > 0 ? `; statement ${[...new Set(rejected)].join(', ')} does not match this report` : '';
    return {
      status: 'missing',
      message: `${what} does not allow Inspector ${missing.join(', ')} on ${resource}${near}${problems}`,
    };
  }
  if (unprotected.size > 0) {
    return {
      status: 'warning',
      message: `${what} allows Inspector, but statement ${[...unprotected].map((l) => `"${l}"`).join(', ')} has no aws:SourceAccount/aws:SourceArn condition (confused deputy): consider the statement below`,
    };
  }
  return { status: 'ok', message: `${what} allows Inspector ${actions.join(', ')}` };
}

function regionOfArn(arn: string): string | undefined {
  return arn.split(':')[3] || undefined;
}

export function preflight(target: ExportTarget, evidence: PreflightEvidence): PreflightResult {
  const checks: PreflightCheck[] = [];
  const context: RequestContext = {
    principals: acceptedServicePrincipals(target.region),
    conditionValues: {
      'aws:sourceaccount': target.accountId,
      'aws:sourcearn': reportSourceArn(target, '0123456789abcdef'),
    },
  };

  const region = evidence.bucketRegion;
  if (region.kind === 'present') {
    checks.push(
      region.value === target.region
        ? { id: 'bucket-region', status: 'ok', message: `bucket ${target.bucket} is in ${target.region}` }
        : {
            id: 'bucket-region',
            status: 'blocked',
            message: `bucket ${target.bucket} is in ${region.value}, but the report is made in ${target.region}: run with --region ${region.value} or use a bucket in ${target.region}`,
          },
    );
  } else {
    checks.push({
      id: 'bucket-region',
      status: 'unknown',
      message: `bucket region: ${unreadableReason(region) ?? region.kind}`,
    });
  }

  const keyRegion = regionOfArn(target.kmsKeyArn);
  checks.push(
    keyRegion === target.region
      ? { id: 'key-region', status: 'ok', message: `KMS key is in ${target.region}` }
      : {
          id: 'key-region',
          status: 'blocked',
          message: `KMS key ${target.kmsKeyArn} is ${keyRegion ? `in ${keyRegion}` : 'not a key ARN'}; Inspector needs a key in ${target.region}, the region of the bucket and the report`,
        },
  );

  const objectArn = `arn:${target.partition}:s3:::${target.bucket}/${target.prefix}inspector-report.csv`;
  const wantedBucketStatement = bucketStatement(target);
  const bucketPolicy = evidence.bucketPolicy;
  if (bucketPolicy.kind === 'present') {
    const verdict = judgePolicy(
      bucketPolicy.value,
      `bucket policy of ${target.bucket}`,
      BUCKET_ACTIONS,
      objectArn,
      context,
    );
    checks.push({ id: 'bucket-policy', ...verdict, ...fixFor(verdict, 'bucket', wantedBucketStatement) });
  } else if (bucketPolicy.kind === 'absent') {
    checks.push({
      id: 'bucket-policy',
      status: 'missing',
      message: `bucket ${target.bucket} has no bucket policy, so Inspector may not write to it`,
      fix: { policy: 'bucket', statement: wantedBucketStatement },
    });
  } else {
    checks.push({
      id: 'bucket-policy',
      status: 'unknown',
      message: `bucket policy of ${target.bucket}: ${unreadableReason(bucketPolicy)}`,
    });
  }

  checks.push(encryptionCheck(target, evidence.bucketEncryption));

  const keyPolicy = evidence.keyPolicy;
  const wantedKeyStatement = keyStatement(target);
  if (keyPolicy.kind === 'present') {
    const verdict = judgePolicy(
      keyPolicy.value,
      `key policy of ${target.kmsKeyArn}`,
      KEY_ACTIONS,
      target.kmsKeyArn,
      context,
    );
    checks.push({ id: 'key-policy', ...verdict, ...fixFor(verdict, 'key', wantedKeyStatement) });
  } else {
    checks.push({
      id: 'key-policy',
      status: 'unknown',
      message: `key policy of ${target.kmsKeyArn}: ${unreadableReason(keyPolicy) ?? 'not found'}`,
    });
  }

  return { checks, canExport: !checks.some((c) => c.status === 'missing' || c.status === 'blocked') };
}

function fixFor(
  verdict: PolicyVerdict,
  policy: 'bucket' | 'key',
  statement: PolicyStatement,
): Pick<PreflightCheck, 'fix'> {
  return verdict.status === 'missing' || verdict.status === 'warning' ? { fix: { policy, statement } } : {};
}

function encryptionCheck(target: ExportTarget, observed: Observed<ServerSideEncryptionRule[]>): PreflightCheck {
  if (observed.kind === 'absent') {
    return {
      id: 'bucket-encryption',
      status: 'ok',
      message: `bucket ${target.bucket} has no default encryption; Inspector encrypts the report with the KMS key`,
    };
  }
  if (observed.kind !== 'present') {
    return {
      id: 'bucket-encryption',
      status: 'unknown',
      message: `bucket encryption of ${target.bucket}: ${unreadableReason(observed)}`,
    };
  }
  const rule = observed.value[0]?.ApplyServerSideEncryptionByDefault;
  const algorithm = rule?.SSEAlgorithm ?? 'none';
  if (algorithm === 'AES256') {
    return {
      id: 'bucket-encryption',
      status: 'ok',
      message: `bucket ${target.bucket} defaults to SSE-S3 (AES256); the report itself is encrypted with the KMS key`,
    };
  }
  const defaultKey = rule?.KMSMasterKeyID;
  if (defaultKey && !target.kmsKeyArn.endsWith(defaultKey) && defaultKey !== target.kmsKeyArn) {
    return {
      id: 'bucket-encryption',
      status: 'warning',
      message: `bucket ${target.bucket} defaults to ${algorithm} with key ${defaultKey}, not the report key; a bucket policy that requires that key would reject the report`,
    };
  }
  return {
    id: 'bucket-encryption',
    status: 'ok',
    message: `bucket ${target.bucket} defaults to ${algorithm}${defaultKey ? ` with the report key` : ''}`,
  };
}
