import { createHash } from 'node:crypto';
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
import { cfnDbInstances, cfnEc2, cfnFileSystems, cfnKmsKeys, cfnLambda, cfnTrails } from './cloudformation/services.ts';
import { looksLikeTemplate } from './cloudformation/template.ts';
import { runsOnCode } from './coverage.ts';
import { writeCloudTrail } from './snapshot/cloudtrail.ts';
import { Ec2Drafts, writeEc2 } from './snapshot/ec2.ts';
import { IamDrafts, writeIam } from './snapshot/iam.ts';
import { writeEfs } from './snapshot/efs.ts';
import { writeKms } from './snapshot/kms.ts';
import { writeLambda } from './snapshot/lambda.ts';
import { writeRds } from './snapshot/rds.ts';
import { writeS3 } from './snapshot/s3.ts';
import { TerraformLoader, type TfDiagnostic, type TfResource } from './terraform/config.ts';
import { planResources } from './terraform/plan.ts';
import { tfIam } from './terraform/iam.ts';
import { tfS3Drafts } from './terraform/s3.ts';
import { tfDbInstances, tfEc2, tfFileSystems, tfKmsKeys, tfLambda, tfTrails } from './terraform/services.ts';

export interface IacScanSettings {
  vars: Record<string, string>;
  varFiles: string[];
  cwd: string;
  /** `--region`: where the code is taken to be deployed when it does not say (a Terraform provider's region wins) */
  region: string;
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

/** One root of a run: a Terraform root module, a CloudFormation template or a plan, with the identity it deploys as. */
interface RootScan {
  display: string;
  accountId: string;
  region: string;
  /** resources of a Terraform root or plan */
  terraform: TfResource[];
  /** resources of a template */
  stacks: CodeResource[];
  /** a template of a run with several: its results name the file in the address (logical ids repeat across templates) */
  namesFile: boolean;
}

/**
 * The placeholder account of one root when a run has several: code says nothing of where it will be deployed, and
 * two roots that both create `role/deploy` or `aws_security_group.web` must stay two resources. Derived from the
 * root's path, so a root's ARNs do not change with what else is scanned beside it.
 */
export function rootAccountId(display: string): string {
  const digest = createHash('sha256').update(display).digest();
  return (digest.readBigUInt64BE(0) % 1_000_000_000_000n).toString().padStart(12, '0');
}

/** The snapshot of one root's code, and the checks' results on it located in the code. */
function scanRoot(
  root: RootScan,
  checks: readonly Check[],
  settings: ScanSettings,
  multi: boolean,
): { report: ScanReport; acceptances: AcceptEntry[]; problems: UserError[]; resources: number } {
  const evidence = new IacEvidence(root.accountId);
  const { region, terraform: resources, stacks } = root;
  // S3 ARNs name no account: a bucket the code leaves unnamed takes its root's placeholder into its name
  const unnamed = (address: string) => (multi ? `${address}-${root.accountId}` : address);
  const tfS3 = tfS3Drafts(resources, region, unnamed);
  const cfnS3 = cfnS3Drafts(stacks, region, unnamed);
  const buckets = [...tfS3.buckets, ...cfnS3.buckets];
  if (buckets.length > 0 || tfS3.account) writeS3(buckets, tfS3.account, evidence);
  const ec2 = new Ec2Drafts(root.accountId);
  tfEc2(resources, ec2);
  cfnEc2(stacks, ec2);
  writeEc2(ec2, region, evidence);
  writeKms([...tfKmsKeys(resources), ...cfnKmsKeys(stacks)], region, evidence);
  writeCloudTrail([...tfTrails(resources), ...cfnTrails(stacks)], region, evidence);
  const iam = new IamDrafts(root.accountId);
  tfIam(resources, iam);
  cfnIam(stacks, iam);
  writeIam(iam, evidence);
  writeRds([...tfDbInstances(resources), ...cfnDbInstances(stacks)], region, evidence);
  const tfFunctions = tfLambda(resources);
  const cfnFunctions = cfnLambda(stacks);
  writeLambda(
    [...tfFunctions.functions, ...cfnFunctions.functions],
    [...tfFunctions.permissions, ...cfnFunctions.permissions],
    region,
    evidence,
  );
  writeEfs([...tfFileSystems(resources), ...cfnFileSystems(stacks)], region, evidence);
  const snapshot = validateSnapshot(evidence.snapshot, root.display);
  // checks of what only a running account has (credential reports, findings, agents) are not run on code
  const report = scanSnapshot(snapshot, checks.filter(runsOnCode), settings);
  const acceptances: AcceptEntry[] = [];
  const resolver = (id: string) => findChecks(id).map((c) => c.id);
  const problems: UserError[] = [];
  for (const [arn, resource] of evidence.resources) {
    const inline = inlineAcceptances(arn, resource, resolver);
    acceptances.push(...inline.entries);
    problems.push(...inline.problems);
  }
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
    if (declared) result.resource.address = root.namesFile ? `${root.display}#${declared.address}` : declared.address;
    if (span) result.location = { file: span.file, startLine: span.startLine, endLine: span.endLine };
  }
  return { report, acceptances, problems, resources: evidence.resources.size };
}

/** The checks' results on the code under these paths: Terraform directories and .tf files, CloudFormation templates, plan JSON. */
export async function scanIac(
  paths: string[],
  checks: readonly Check[],
  settings: IacScanSettings & ScanSettings,
): Promise<IacScan> {
  const problems: UserError[] = [];
  let broken = false;
  const display = (path: string) =>
    relative(settings.cwd, path).startsWith('..') ? path : relative(settings.cwd, path);
  const dirs = new Set<string>();
  const templates = new Set<string>();
  const plans = new Set<string>();
  for (const path of paths) {
    const kind = await kindOf(path);
    if (kind === 'plan') plans.add(resolve(path));
    else if (kind === 'tf') dirs.add(resolve(path, '..'));
    else if (kind === 'template') templates.add(resolve(path));
    else {
      const foundDirs: string[] = [];
      const found: string[] = [];
      await walk(resolve(path), foundDirs, found);
      for (const d of foundDirs) dirs.add(d);
      for (const t of found) templates.add(t);
    }
  }
  const others = templates.size + plans.size;
  const loadDir = async (dir: string, accountId: string) => {
    const loader = new TerraformLoader({
      ...settings,
      accountId,
      ...(accountId === IAC_ACCOUNT_ID ? {} : { unnamedBucket: (address: string) => `${address}-${accountId}` }),
    });
    const found = await loader.loadRoot(dir);
    return { loader, found };
  };
  let multi = dirs.size + others > 1;
  const identity = (path: string) => ({
    display: display(path),
    accountId: multi ? rootAccountId(display(path)) : IAC_ACCOUNT_ID,
  });
  type RootResult = ReturnType<typeof scanRoot>;
  // One root at a time: read, synthesised, checked and dropped (its loader, values and snapshot) before the next,
  // so that only results stay; a repository of a hundred roots never holds more than one root's code in memory.
  const byRoot: Array<{ dir: string; region: string; diagnostics: TfDiagnostic[]; scan: RootResult | undefined }> = [];
  const called = new Set<string>();
  // a directory another root calls as a module is scanned through that call, with its inputs
  const isCalled = (dir: string) => called.has(dir) && dirs.size > 1;
  for (const dir of [...dirs].sort()) {
    const root = identity(dir);
    const { loader, found } = await loadDir(dir, root.accountId);
    for (const module of loader.calledDirs()) if (module !== dir) called.add(module);
    const region = loader.rootRegion ?? settings.region;
    // a root found to be called by a later root is dropped below, its results with it
    const scan = isCalled(dir)
      ? undefined
      : scanRoot({ ...root, region, terraform: found, stacks: [], namesFile: false }, checks, settings, multi);
    byRoot.push({ dir, region, diagnostics: loader.diagnostics, scan });
  }
  const effective = byRoot.filter((r) => !isCalled(r.dir));
  if (multi && effective.length + others === 1) {
    // a root and the local modules it calls are one root: read again as the only one
    multi = false;
    const only = effective[0] as (typeof effective)[number];
    const { loader, found } = await loadDir(only.dir, IAC_ACCOUNT_ID);
    const root = { ...identity(only.dir), region: only.region, terraform: found, stacks: [], namesFile: false };
    Object.assign(only, { diagnostics: loader.diagnostics, scan: scanRoot(root, checks, settings, multi) });
  }
  const scans: RootResult[] = [];
  for (const { scan, diagnostics } of effective) {
    if (scan) scans.push(scan);
    for (const d of diagnostics) {
      problems.push(d.error);
      if (d.fatal) broken = true;
    }
  }
  for (const plan of [...plans].sort()) {
    const root = { ...identity(plan), region: settings.region, stacks: [], namesFile: false };
    scans.push(scanRoot({ ...root, terraform: await planResources(plan, settings.cwd) }, checks, settings, multi));
  }
  for (const template of [...templates].sort()) {
    const root = identity(template);
    let stacks: CodeResource[];
    try {
      stacks = await loadTemplate(template, root.display, {
        parameters: settings.vars,
        region: settings.region,
        accountId: root.accountId,
        ...(multi ? { unnamedBucket: (id: string) => `${id}-${root.accountId}` } : {}),
      });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      problems.push(error);
      broken = true;
      continue;
    }
    const namesFile = templates.size > 1;
    scans.push(
      scanRoot({ ...root, region: settings.region, terraform: [], stacks, namesFile }, checks, settings, multi),
    );
  }
  // a run with nothing to scan still reports (no results), as a scan of an empty account does
  if (scans.length === 0) {
    const empty = { display: '<code>', accountId: IAC_ACCOUNT_ID, region: settings.region, namesFile: false };
    scans.push(scanRoot({ ...empty, terraform: [], stacks: [] }, checks, settings, multi));
  }
  const first = (scans[0] as (typeof scans)[number]).report;
  const report: ScanReport = {
    ...first,
    accountId: IAC_ACCOUNT_ID,
    partial: scans.some((s) => s.report.partial),
    // a service is "not collected" only when no root declares any of it
    notCollected: (first.notCollected ?? []).filter((service) =>
      scans.every((s) => (s.report.notCollected ?? []).includes(service)),
    ),
    results: scans.flatMap((s) => s.report.results),
  };
  // a malformed acceptance in the code is a usage error, as in an accept file: reported, and the run exits 2
  // one comment above a block that declares two resources (a VPC and its default group) is reported once
  const inlineProblems = [...new Map(scans.flatMap((s) => s.problems).map((p) => [p.format(), p])).values()];
  return {
    report,
    acceptances: scans.flatMap((s) => s.acceptances),
    problems: [...problems, ...inlineProblems],
    broken: broken || inlineProblems.length > 0,
    resources: scans.reduce((n, s) => n + s.resources, 0),
  };
}
