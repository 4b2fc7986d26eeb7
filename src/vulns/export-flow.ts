import type { Inspector2Client } from '@aws-sdk/client-inspector2';
import type { KMSClient } from '@aws-sdk/client-kms';
import type { S3Client } from '@aws-sdk/client-s3';
import { UserError } from '../errors.ts';
import { putBucketPolicy, putKeyPolicy, readPreflightEvidence } from './export-preflight-reader.ts';
import { withStatement, type ExportTarget } from './export-policies.ts';
import { exportFindingsReport, type ExportOutcome, type PollOptions } from './findings-export.ts';
import type { FilterCriteria } from './filters.ts';
import { lineDiff } from './line-diff.ts';
import { preflight, type PreflightCheck, type PreflightEvidence, type PreflightResult } from './preflight.ts';

export interface ExportIo {
  /** progress and preflight lines (stderr) */
  log(line: string): void;
  /** asks before a policy is changed; resolves true to apply */
  confirm(question: string): Promise<boolean>;
}

export interface ExportFlowOptions {
  target: ExportTarget;
  format: 'CSV' | 'JSON';
  criteria: FilterCriteria;
  fixPolicies: boolean;
  clients: { inspector: Inspector2Client; s3: S3Client; kms: KMSClient };
  poll?: PollOptions;
}

const MARK: Record<PreflightCheck['status'], string> = {
  ok: 'ok',
  missing: 'MISSING',
  blocked: 'BLOCKED',
  unknown: 'UNKNOWN',
  warning: 'WARNING',
};

export function describePreflight(result: PreflightResult): string[] {
  const lines: string[] = [];
  for (const check of result.checks) {
    lines.push(`preflight ${MARK[check.status].padEnd(7)} ${check.id}: ${check.message}`);
    if (check.fix) {
      lines.push(`  add this statement to the ${check.fix.policy === 'bucket' ? 'bucket policy' : 'key policy'}:`);
      lines.push(
        ...JSON.stringify(check.fix.statement, null, 2)
          .split('\n')
          .map((l) => `    ${l}`),
      );
    }
  }
  return lines;
}

function pretty(text: string | undefined): string {
  return text ? JSON.stringify(JSON.parse(text) as unknown, null, 2) : '';
}

async function applyFixes(
  result: PreflightResult,
  evidence: PreflightEvidence,
  options: ExportFlowOptions,
  io: ExportIo,
): Promise<boolean> {
  let changed = false;
  for (const check of result.checks) {
    if (!check.fix) continue;
    const observed = check.fix.policy === 'bucket' ? evidence.bucketPolicy : evidence.keyPolicy;
    if (observed.kind === 'error' || observed.kind === 'missing') continue;
    const current = observed.kind === 'present' ? observed.value : undefined;
    const next = JSON.stringify(withStatement(current, check.fix.statement), null, 2);
    const name =
      check.fix.policy === 'bucket'
        ? `bucket policy of ${options.target.bucket}`
        : `key policy of ${options.target.kmsKeyArn}`;
    io.log(`--fix-policies: the ${name} changes like this:`);
    io.log(lineDiff(pretty(current), next).trimEnd());
    if (!(await io.confirm(`Apply this change to the ${name}?`))) {
      io.log(`left the ${name} unchanged`);
      continue;
    }
    if (check.fix.policy === 'bucket') await putBucketPolicy(options.clients.s3, options.target.bucket, next);
    else await putKeyPolicy(options.clients.kms, options.target.kmsKeyArn, next);
    io.log(`updated the ${name}`);
    changed = true;
  }
  return changed;
}

/**
 * The export: preflight (and, when asked, the policy fixes, then a second preflight to prove them),
 * then CreateFindingsReport and the wait for it. Refuses to call Inspector when the preflight knows
 * the report cannot be written.
 */
export async function runExport(options: ExportFlowOptions, io: ExportIo): Promise<ExportOutcome> {
  const { target } = options;
  let evidence = await readPreflightEvidence(options.clients, target.bucket, target.kmsKeyArn);
  let result = preflight(target, evidence);
  for (const line of describePreflight(result)) io.log(line);
  if (options.fixPolicies && (await applyFixes(result, evidence, options, io))) {
    evidence = await readPreflightEvidence(options.clients, target.bucket, target.kmsKeyArn);
    result = preflight(target, evidence);
    io.log('preflight after the changes:');
    for (const line of describePreflight(result)) io.log(line);
  }
  if (!result.canExport) {
    const first = result.checks.find((c) => c.status === 'missing' || c.status === 'blocked');
    const hint =
      result.checks.some((c) => c.status === 'missing') && !options.fixPolicies
        ? '; add the statement(s) above or run again with --fix-policies'
        : '';
    throw new UserError(`Inspector could not write the report: ${first?.message ?? 'preflight failed'}${hint}`, {
      field: 'preflight',
    });
  }
  const prefix = target.prefix;
  io.log(
    `CreateFindingsReport: ${options.format} to s3://${target.bucket}/${prefix} (encrypted with ${target.kmsKeyArn})`,
  );
  return exportFindingsReport(
    options.clients.inspector,
    { format: options.format, bucket: target.bucket, prefix, kmsKeyArn: target.kmsKeyArn, criteria: options.criteria },
    options.poll,
  );
}
