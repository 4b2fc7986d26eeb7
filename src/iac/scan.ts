import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { findChecks } from '../checks/catalogue.ts';
import type { Check } from '../checks/define-check.ts';
import { scanSnapshot, type ScanSettings } from '../checks/scan.ts';
import { UserError } from '../errors.ts';
import type { AcceptEntry } from '../findings/accept-file.ts';
import { validateSnapshot } from '../model/snapshot.ts';
import type { ScanReport } from '../report/scan-report.ts';
import { IAC_ACCOUNT_ID, IacEvidence } from './evidence.ts';
import { inlineAcceptances } from './inline-accept.ts';
import { TerraformLoader, type TfResource } from './terraform/config.ts';
import { planResources } from './terraform/plan.ts';
import { S3_TYPES, s3Evidence } from './terraform/s3.ts';

export interface IacScanSettings {
  vars: Record<string, string>;
  varFiles: string[];
  cwd: string;
}

export interface IacScan {
  report: ScanReport;
  /** acceptances written in the code (`# cloudwarden:accept …`) */
  acceptances: AcceptEntry[];
  /** one line each: a file that did not parse, a module not followed */
  problems: UserError[];
  /** true when something given could not be read at all (exit code 2 after the report) */
  broken: boolean;
  resources: number;
}

const SKIPPED_DIRS = new Set(['.terraform', '.git', 'node_modules', '.terragrunt-cache']);

/** Directories holding .tf files under a path (a root module each, unless another one calls it). */
async function terraformDirs(path: string, out: string[]): Promise<void> {
  const entries = await readdir(path, { withFileTypes: true });
  if (entries.some((e) => e.isFile() && e.name.endsWith('.tf'))) out.push(path);
  for (const e of entries) {
    if (e.isDirectory() && !SKIPPED_DIRS.has(e.name)) await terraformDirs(join(path, e.name), out);
  }
}

async function kindOf(path: string): Promise<'dir' | 'plan' | 'tf'> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new UserError('no such file or directory', { file: path });
  }
  if (info.isDirectory()) return 'dir';
  if (path.endsWith('.tf')) return 'tf';
  if (path.endsWith('.json')) return 'plan';
  throw new UserError('is not a directory, a .tf file or a `terraform show -json` plan (.json)', { file: path });
}

/** Where the verdict's evidence was written: the block behind the first operation the check reads, else the resource. */
function locate(check: Check | undefined, evidence: IacEvidence, arn: string) {
  const ops = evidence.operations.get(arn);
  for (const need of check?.needs ?? []) {
    const span = ops?.get(need) ?? evidence.operations.get('account')?.get(need);
    if (span) return span;
  }
  return evidence.resources.get(arn)?.span;
}

/** The checks' results on the code under these paths: Terraform directories, .tf files and plan JSON. */
export async function scanIac(
  paths: string[],
  checks: readonly Check[],
  settings: IacScanSettings & ScanSettings,
): Promise<IacScan> {
  const evidence = new IacEvidence();
  const problems: UserError[] = [];
  let broken = false;
  const resources: TfResource[] = [];
  let region = 'us-east-1';
  const roots = new Set<string>();
  for (const path of paths) {
    const kind = await kindOf(path);
    if (kind === 'plan') {
      resources.push(...(await planResources(path, settings.cwd)));
      continue;
    }
    if (kind === 'tf') roots.add(resolve(path, '..'));
    else {
      const dirs: string[] = [];
      await terraformDirs(resolve(path), dirs);
      for (const d of dirs) roots.add(d);
    }
  }
  const called = new Set<string>();
  const byRoot: Array<[string, TfResource[], TerraformLoader]> = [];
  for (const dir of [...roots].sort()) {
    const one = new TerraformLoader({ ...settings, accountId: IAC_ACCOUNT_ID });
    const found = await one.loadRoot(dir);
    byRoot.push([dir, found, one]);
    for (const module of one.calledDirs()) if (module !== dir) called.add(module);
  }
  for (const [dir, found, one] of byRoot) {
    // a directory another root calls as a module is scanned through that call, with its inputs
    if (called.has(dir) && roots.size > 1) continue;
    resources.push(...found);
    region = one.rootRegion ?? region;
    for (const d of one.diagnostics) {
      problems.push(d.error);
      if (d.fatal) broken = true;
    }
  }
  s3Evidence(
    resources.filter((r) => S3_TYPES.has(r.type)),
    region,
    evidence,
  );
  const snapshot = validateSnapshot(evidence.snapshot, '<code>');
  const report = scanSnapshot(snapshot, checks, settings);
  const acceptances: AcceptEntry[] = [];
  const resolver = (id: string) => findChecks(id).map((c) => c.id);
  for (const [arn, resource] of evidence.resources) acceptances.push(...inlineAcceptances(arn, resource, resolver));
  for (const result of report.results) {
    const declared = evidence.resources.get(result.resource.arn);
    const span = locate(findChecks(result.checkId)[0], evidence, result.resource.arn);
    if (declared) result.resource.address = declared.address;
    if (span) result.location = { file: span.file, startLine: span.startLine, endLine: span.endLine };
  }
  report.accountId = IAC_ACCOUNT_ID;
  return { report, acceptances, problems, broken, resources: evidence.resources.size };
}
