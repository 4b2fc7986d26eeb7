import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { findChecks } from '../checks/catalogue.ts';
import type { Check } from '../checks/define-check.ts';
import { scanSnapshot, type ScanSettings } from '../checks/scan.ts';
import { UserError } from '../errors.ts';
import type { AcceptEntry } from '../findings/accept-file.ts';
import { validateSnapshot } from '../model/snapshot.ts';
import type { ScanReport } from '../report/scan-report.ts';
import { IAC_ACCOUNT_ID, IacEvidence } from './evidence.ts';
import { inlineAcceptances } from './inline-accept.ts';
import type { CodeResource } from './code-resource.ts';
import { loadTemplate } from './cloudformation/load.ts';
import { cfnS3Drafts } from './cloudformation/s3.ts';
import { cfnIam } from './cloudformation/iam.ts';
import { cfnDbInstances, cfnEc2, cfnKmsKeys, cfnTrails } from './cloudformation/services.ts';
import { looksLikeTemplate } from './cloudformation/template.ts';
import { runsOnCode } from './coverage.ts';
import { writeCloudTrail } from './snapshot/cloudtrail.ts';
import { Ec2Drafts, writeEc2 } from './snapshot/ec2.ts';
import { IamDrafts, writeIam } from './snapshot/iam.ts';
import { writeKms } from './snapshot/kms.ts';
import { writeRds } from './snapshot/rds.ts';
import { writeS3 } from './snapshot/s3.ts';
import { TerraformLoader, type TfDiagnostic, type TfResource } from './terraform/config.ts';
import { planResources } from './terraform/plan.ts';
import { tfIam } from './terraform/iam.ts';
import { tfS3Drafts } from './terraform/s3.ts';
import { tfDbInstances, tfEc2, tfKmsKeys, tfTrails } from './terraform/services.ts';

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

const TEMPLATE_SUFFIX = /\.(ya?ml|json|template)$/;

/**
 * Directories holding .tf files under a path (a root module each, unless another one calls it), and the YAML and
 * JSON files there that read like CloudFormation templates.
 */
async function walk(path: string, dirs: string[], templates: string[]): Promise<void> {
  const entries = await readdir(path, { withFileTypes: true });
  if (entries.some((e) => e.isFile() && e.name.endsWith('.tf'))) dirs.push(path);
  for (const e of entries) {
    const full = join(path, e.name);
    if (e.isDirectory() && !SKIPPED_DIRS.has(e.name)) await walk(full, dirs, templates);
    else if (e.isFile() && TEMPLATE_SUFFIX.test(e.name) && looksLikeTemplate(await readFile(full, 'utf8')))
      templates.push(full);
  }
}

async function kindOf(path: string): Promise<'dir' | 'plan' | 'tf' | 'template'> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new UserError('no such file or directory', { file: path });
  }
  if (info.isDirectory()) return 'dir';
  if (path.endsWith('.tf')) return 'tf';
  if (/\.(ya?ml|template)$/.test(path)) return 'template';
  if (path.endsWith('.json')) return /"planned_values"\s*:/.test(await readFile(path, 'utf8')) ? 'plan' : 'template';
  throw new UserError(
    'is not a directory, a .tf file, a CloudFormation template (.yaml, .yml, .json, .template) or a `terraform show -json` plan',
    { file: path },
  );
}

/** Where the verdict's evidence was written: the block behind the first operation the check reads, else the resource. */
function locate(check: Check | undefined, evidence: IacEvidence, arn: string) {
  const ops = evidence.operations.get(arn);
  for (const need of check?.needs ?? []) {
    const span =
      ops?.get(need) ?? evidence.operations.get('account')?.get(need) ?? evidence.operations.get('region')?.get(need);
    if (span) return span;
  }
  return evidence.resources.get(arn)?.span;
}

/** The checks' results on the code under these paths: Terraform directories and .tf files, CloudFormation templates, plan JSON. */
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
  const templates = new Set<string>();
  for (const path of paths) {
    const kind = await kindOf(path);
    if (kind === 'plan') {
      resources.push(...(await planResources(path, settings.cwd)));
      continue;
    }
    if (kind === 'tf') roots.add(resolve(path, '..'));
    else if (kind === 'template') templates.add(resolve(path));
    else {
      const dirs: string[] = [];
      const found: string[] = [];
      await walk(resolve(path), dirs, found);
      for (const d of dirs) roots.add(d);
      for (const t of found) templates.add(t);
    }
  }
  const called = new Set<string>();
  // only what each root yields is kept: its loader (syntax trees, evaluation memos) goes once the root is read
  const byRoot: Array<{ dir: string; found: TfResource[]; region?: string; diagnostics: TfDiagnostic[] }> = [];
  for (const dir of [...roots].sort()) {
    const one = new TerraformLoader({ ...settings, accountId: IAC_ACCOUNT_ID });
    const found = await one.loadRoot(dir);
    byRoot.push({
      dir,
      found,
      ...(one.rootRegion ? { region: one.rootRegion } : {}),
      diagnostics: one.diagnostics,
    });
    for (const module of one.calledDirs()) if (module !== dir) called.add(module);
  }
  for (const { dir, found, region: rootRegion, diagnostics } of byRoot) {
    // a directory another root calls as a module is scanned through that call, with its inputs
    if (called.has(dir) && roots.size > 1) continue;
    resources.push(...found);
    region = rootRegion ?? region;
    for (const d of diagnostics) {
      problems.push(d.error);
      if (d.fatal) broken = true;
    }
  }
  const stacks: CodeResource[] = [];
  for (const template of [...templates].sort()) {
    const display = relative(settings.cwd, template).startsWith('..') ? template : relative(settings.cwd, template);
    try {
      stacks.push(
        ...(await loadTemplate(template, display, {
          parameters: settings.vars,
          region,
          accountId: IAC_ACCOUNT_ID,
        })),
      );
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      problems.push(error);
      broken = true;
    }
  }
  const tfS3 = tfS3Drafts(resources, region);
  const cfnS3 = cfnS3Drafts(stacks, region);
  const buckets = [...tfS3.buckets, ...cfnS3.buckets];
  if (buckets.length > 0 || tfS3.account) writeS3(buckets, tfS3.account, evidence);
  const ec2 = new Ec2Drafts();
  tfEc2(resources, ec2);
  cfnEc2(stacks, ec2);
  writeEc2(ec2, region, evidence);
  writeKms([...tfKmsKeys(resources), ...cfnKmsKeys(stacks)], region, evidence);
  writeCloudTrail([...tfTrails(resources), ...cfnTrails(stacks)], region, evidence);
  const iam = new IamDrafts();
  tfIam(resources, iam);
  cfnIam(stacks, iam);
  writeIam(iam, evidence);
  writeRds([...tfDbInstances(resources), ...cfnDbInstances(stacks)], region, evidence);
  const snapshot = validateSnapshot(evidence.snapshot, '<code>');
  // checks of what only a running account has (credential reports, findings, agents) are not run on code
  const report = scanSnapshot(snapshot, checks.filter(runsOnCode), settings);
  const acceptances: AcceptEntry[] = [];
  const resolver = (id: string) => findChecks(id).map((c) => c.id);
  for (const [arn, resource] of evidence.resources) acceptances.push(...inlineAcceptances(arn, resource, resolver));
  for (const result of report.results) {
    const declared = evidence.resources.get(result.resource.arn);
    const check = findChecks(result.checkId)[0];
    const span = locate(check, evidence, result.resource.arn);
    const unresolved = evidence.unresolved.get(result.resource.arn);
    const why =
      unresolved?.get(result.checkId) ?? check?.needs.map((need) => unresolved?.get(need)).find((w) => w !== undefined);
    // the unresolved expression is the better reason, also where the answer it left out made the check unknown
    if (why !== undefined && (result.status !== 'unknown' || !result.reason?.includes(why))) {
      result.status = 'unknown';
      result.message = `cannot decide: ${why}`;
      result.reason = why;
      delete result.remediation;
    }
    if (declared) result.resource.address = declared.address;
    if (span) result.location = { file: span.file, startLine: span.startLine, endLine: span.endLine };
  }
  report.accountId = IAC_ACCOUNT_ID;
  return { report, acceptances, problems, broken, resources: evidence.resources.size };
}
