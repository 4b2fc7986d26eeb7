import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { UserError } from '../../errors.ts';
import type { CodeResource } from '../code-resource.ts';
import { isObject, textOf, Unknown, type ObjectValue, type SourceSpan, type Value } from '../values.ts';
import {
  evaluate,
  evaluateValue,
  extendScope,
  expressionText,
  settle,
  type Evaluated,
  type Lazy,
  type Scope,
} from './expressions.ts';
import { parseHcl, type HclBlock, type HclBody, type HclFile } from './hcl.ts';
import { renderPolicyDocument } from './policy-document.ts';

/** One resource instance after count/for_each, with its evaluated arguments (nested blocks as lists of objects). */
export type TfResource = CodeResource;

export interface TfDiagnostic {
  error: UserError;
  /** true when the file or block was skipped (the run's exit code says so) */
  fatal: boolean;
}

export interface TerraformSettings {
  /** `-var name=value` */
  vars: Record<string, string>;
  /** `-var-file` files (the root module also reads terraform.tfvars and *.auto.tfvars) */
  varFiles: string[];
  accountId: string;
  /** the name standing for a bucket without `bucket` (default: its address), as the S3 adapter names it */
  unnamedBucket?: (address: string) => string;
  /** the region when the root's provider block names none (`--region`, AWS_REGION, AWS_DEFAULT_REGION) */
  region: string;
  /** where paths in messages are relative to */
  cwd: string;
}

/** More instances than this of one resource are not expanded: a typo such as `count = 1e9` must not exhaust memory. */
export const MAX_INSTANCES = 1000;
/** Module calls nested deeper than this are not followed (a module that calls itself, directly or not). */
export const MAX_MODULE_DEPTH = 20;

const META_BLOCKS = new Set(['lifecycle', 'provisioner', 'connection', 'dynamic']);
const META_ARGUMENTS = new Set(['count', 'for_each', 'depends_on', 'provider', 'lifecycle']);

const IAM_NAMED = new Set(['aws_iam_user', 'aws_iam_group', 'aws_iam_role', 'aws_iam_policy']);

/** Identifiers AWS assigns at creation: synthesised from what the code names, so references between resources join. */
function computedAttribute(
  r: TfResource,
  key: string,
  region: string,
  accountId: string,
  unnamed: (address: string) => string = (address) => address,
): Value | undefined {
  const v = r.values;
  const named = (field: string): string => (typeof v[field] === 'string' ? v[field] : r.address);
  switch (key) {
    case 'name':
      // a user, group, role or policy without a name gets a generated one: the address stands for it
      return IAM_NAMED.has(r.type) ? named('name') : undefined;
    case 'unique_id':
      return IAM_NAMED.has(r.type) ? r.address : undefined;
    case 'id':
      // the id of a user, group or role is its name; of a policy, its ARN
      if (r.type === 'aws_iam_policy') return computedAttribute(r, 'arn', region, accountId);
      if (IAM_NAMED.has(r.type)) return named('name');
      // a bucket without `bucket` gets a name at apply: one stands for it, so its split resources still join
      if (r.type === 'aws_s3_bucket') return v.bucket ?? unnamed(r.address);
      if (r.type.startsWith('aws_s3_bucket_')) return v.bucket ?? r.address;
      return r.address;
    case 'bucket':
      return r.type === 'aws_s3_bucket' ? computedAttribute(r, 'id', region, accountId, unnamed) : undefined;
    case 'arn': {
      if (r.type === 'aws_s3_bucket') {
        const id = computedAttribute(r, 'id', region, accountId, unnamed);
        return typeof id === 'string' ? `arn:aws:s3:::${id}` : id;
      }
      if (r.type === 'aws_kms_key') return `arn:aws:kms:${region}:${accountId}:key/${r.address}`;
      if (IAM_NAMED.has(r.type)) {
        const path = typeof v.path === 'string' ? v.path : '/';
        return `arn:aws:iam::${accountId}:${r.type.slice('aws_iam_'.length)}${path}${named('name')}`;
      }
      if (r.type === 'aws_sns_topic') return `arn:aws:sns:${region}:${accountId}:${named('name')}`;
      if (r.type === 'aws_sqs_queue') return `arn:aws:sqs:${region}:${accountId}:${named('name')}`;
      if (r.type === 'aws_lambda_function')
        return `arn:aws:lambda:${region}:${accountId}:function:${named('function_name')}`;
      if (r.type === 'aws_cloudwatch_log_group')
        return `arn:aws:logs:${region}:${accountId}:log-group:${named('name')}`;
      return new Unknown(`${r.address}.arn is known only after apply`);
    }
    case 'key_id':
      return r.type === 'aws_kms_key' ? r.address : undefined;
    default:
      return undefined;
  }
}

function lazyObject(get: (key: string | number) => Evaluated | undefined, whole: () => Value): Lazy {
  return { lazy: true, get, value: whole };
}

interface ModuleCall {
  block: HclBlock;
  file: HclFile;
}

/**
 * One instance of a module (the root, or a `module` block's instance): its files, its inputs and the scope its
 * expressions see. Everything is evaluated on demand and remembered; a value that depends on itself is Unknown.
 */
class ModuleInstance {
  private readonly locals = new Map<string, { file: HclFile; block: HclBody; name: string }>();
  private readonly variables = new Map<string, HclBlock & { file: string }>();
  private readonly resources = new Map<string, { block: HclBlock; file: HclFile }>();
  private readonly data = new Map<string, { block: HclBlock; file: HclFile }>();
  private readonly outputs = new Map<string, { block: HclBlock; file: HclFile }>();
  private readonly modules = new Map<string, ModuleCall>();
  private readonly memo = new Map<string, Value>();
  private readonly evaluating = new Set<string>();
  private readonly instances = new Map<string, Evaluated>();
  readonly region: string;

  constructor(
    readonly loader: TerraformLoader,
    readonly dir: string,
    readonly files: HclFile[],
    readonly prefix: string,
    readonly inputs: Map<string, Value>,
    readonly depth: number,
    parentRegion: string | undefined,
  ) {
    for (const file of files) {
      for (const block of file.body.blocks) {
        const [a = '', b = ''] = block.labels;
        if (block.type === 'variable') this.variables.set(a, { ...block, file: file.file });
        else if (block.type === 'locals')
          for (const name of block.body.attributes.keys()) this.locals.set(name, { file, block: block.body, name });
        else if (block.type === 'resource') this.resources.set(`${a}.${b}`, { block, file });
        else if (block.type === 'data') this.data.set(`${a}.${b}`, { block, file });
        else if (block.type === 'output') this.outputs.set(a, { block, file });
        else if (block.type === 'module') this.modules.set(a, { block, file });
      }
    }
    this.region = parentRegion ?? this.providerRegion() ?? loader.settings.region;
  }

  private providerRegion(): string | undefined {
    for (const file of this.files) {
      for (const block of file.body.blocks) {
        const region =
          block.type === 'provider' && block.labels[0] === 'aws' && !block.body.attributes.has('alias')
            ? block.body.attributes.get('region')
            : undefined;
        if (region) {
          const v = evaluateValue(region.expression, this.scope(file.file));
          if (typeof v === 'string') return v;
        }
      }
    }
    return undefined;
  }

  /** Remembers a value; a second request while it is being computed is a cycle. */
  private once(key: string, compute: () => Value): Value {
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    if (this.evaluating.has(key)) return new Unknown(`${this.prefix}${key} refers to itself (a cycle)`);
    this.evaluating.add(key);
    try {
      const value = compute();
      this.memo.set(key, value);
      return value;
    } finally {
      this.evaluating.delete(key);
    }
  }

  scope(file: string): Scope {
    return {
      file: this.loader.display(file),
      root: (name): Evaluated | undefined => {
        switch (name) {
          case 'var':
            return lazyObject(
              (key) => this.variable(String(key)),
              () => Object.fromEntries([...this.variables.keys()].map((k) => [k, settle(this.variable(k) ?? null)])),
            );
          case 'local':
            return lazyObject(
              (key) => this.local(String(key)),
              () => new Unknown('local as a whole'),
            );
          case 'module':
            return lazyObject(
              (key) => this.moduleValue(String(key)),
              () => new Unknown('module as a whole'),
            );
          case 'data':
            return lazyObject(
              (type) =>
                lazyObject(
                  (n) => this.dataValue(`${String(type)}.${String(n)}`),
                  () => new Unknown(`data.${String(type)}`),
                ),
              () => new Unknown('data as a whole'),
            );
          case 'path':
            return { module: this.dir, root: this.loader.rootDir, cwd: this.loader.settings.cwd };
          case 'terraform':
            return { workspace: 'default' };
          default:
            if ([...this.resources.keys()].some((k) => k.startsWith(`${name}.`))) {
              return lazyObject(
                (n) => this.resourceValue(`${name}.${String(n)}`),
                () => new Unknown(name),
              );
            }
            return undefined;
        }
      },
    };
  }

  private variable(name: string): Evaluated | undefined {
    if (this.inputs.has(name)) return this.inputs.get(name);
    const block = this.variables.get(name);
    if (!block) return undefined;
    const fallback = block.body.attributes.get('default');
    if (!fallback)
      return new Unknown(`var.${name} has no value (${this.loader.display(block.file)}:${block.span.startLine})`);
    return evaluateValue(fallback.expression, this.scope(block.file));
  }

  private local(name: string): Evaluated | undefined {
    const entry = this.locals.get(name);
    if (!entry) return undefined;
    const attribute = entry.block.attributes.get(name);
    if (!attribute) return undefined;
    return this.once(`local.${name}`, () => evaluateValue(attribute.expression, this.scope(entry.file.file)));
  }

  /** count / for_each of a block: undefined for a single instance, else the instance keys and each.value. */
  private expansion(
    block: HclBlock,
    file: string,
    what: string,
  ): Array<[string | number, Value]> | Unknown | undefined {
    const scope = this.scope(file);
    const count = block.body.attributes.get('count');
    const forEach = block.body.attributes.get('for_each');
    if (count) {
      const n = evaluateValue(count.expression, scope);
      if (n instanceof Unknown) return n;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
        return new Unknown(`count of ${what} is not a whole number`);
      if (n > MAX_INSTANCES) {
        this.loader.diagnose(
          new UserError(`count = ${n} is more than ${MAX_INSTANCES} instances: ${what} is not scanned`, {
            file: this.loader.display(file),
            line: count.span.startLine,
          }),
          false,
        );
        return [];
      }
      return Array.from({ length: n }, (_, i) => [i, i]);
    }
    if (forEach) {
      const each = evaluateValue(forEach.expression, scope);
      if (each instanceof Unknown) return each;
      const entries: Array<[string, Value]> = Array.isArray(each)
        ? each.map((v) => [textOf(v), v])
        : isObject(each)
          ? Object.entries(each)
          : [];
      if (entries.length > MAX_INSTANCES) {
        this.loader.diagnose(
          new UserError(
            `for_each over ${entries.length} items is more than ${MAX_INSTANCES} instances: ${what} is not scanned`,
            { file: this.loader.display(file), line: forEach.span.startLine },
          ),
          false,
        );
        return [];
      }
      return entries;
    }
    return undefined;
  }

  /** `aws_s3_bucket.x`: the single instance, or a list (count) / map (for_each) of them. */
  private resourceValue(key: string): Evaluated | undefined {
    const entry = this.resources.get(key);
    if (!entry) return undefined;
    return this.expandedValue(`resource:${key}`, entry.block, entry.file, key, (r) => this.resourceRef(r));
  }

  private expandedValue(
    memoKey: string,
    block: HclBlock,
    file: HclFile,
    key: string,
    ref: (r: TfResource) => Evaluated,
  ): Evaluated {
    const known = this.instances.get(memoKey);
    if (known !== undefined) return known;
    const built = this.instancesOf(block, file, key);
    const value: Evaluated =
      built instanceof Unknown
        ? built
        : built.keyed
          ? built.kind === 'count'
            ? built.list.map(ref)
            : Object.fromEntries(built.list.map((r, i) => [String(built.keys[i]), ref(r)]))
          : built.list[0]
            ? ref(built.list[0])
            : null;
    this.instances.set(memoKey, value);
    return value;
  }

  private resourceRef(r: TfResource): Lazy {
    return lazyObject(
      (attr) => {
        const own = r.values[String(attr)];
        if (own !== undefined && own !== null) return own;
        return (
          computedAttribute(
            r,
            String(attr),
            this.region,
            this.loader.settings.accountId,
            this.loader.settings.unnamedBucket,
          ) ?? new Unknown(`${r.address}.${String(attr)} is known only after apply`)
        );
      },
      () => r.values,
    );
  }

  private readonly built = new Map<
    string,
    | { list: TfResource[]; keys: Array<string | number>; keyed: boolean; kind: 'count' | 'for_each' | 'single' }
    | Unknown
  >();

  /** The instances of a resource or data block (evaluated once). */
  instancesOf(
    block: HclBlock,
    file: HclFile,
    key: string,
  ):
    | { list: TfResource[]; keys: Array<string | number>; keyed: boolean; kind: 'count' | 'for_each' | 'single' }
    | Unknown {
    const mode = block.type === 'data' ? 'data.' : '';
    const cacheKey = `${mode}${key}`;
    const cached = this.built.get(cacheKey);
    if (cached) return cached;
    if (this.evaluating.has(cacheKey)) return new Unknown(`${this.prefix}${cacheKey} refers to itself (a cycle)`);
    this.evaluating.add(cacheKey);
    try {
      const expansion = this.expansion(block, file.file, `${this.prefix}${cacheKey}`);
      if (expansion instanceof Unknown) {
        const why = new Unknown(`the count or for_each of ${this.prefix}${cacheKey} is not known: ${expansion.why}`);
        this.built.set(cacheKey, why);
        this.loader.unexpanded.push({
          address: `${this.prefix}${cacheKey}`,
          type: block.labels[0] ?? '',
          why,
          span: block.span,
        });
        return why;
      }
      const kind = block.body.attributes.has('count')
        ? 'count'
        : block.body.attributes.has('for_each')
          ? 'for_each'
          : 'single';
      const entries = expansion ?? [[0, null]];
      const list = entries.map(([k, v]) => {
        const index = expansion === undefined ? '' : typeof k === 'number' ? `[${k}]` : `[${JSON.stringify(k)}]`;
        const scope = extendScope(
          this.scope(file.file),
          kind === 'count' ? { count: { index: k } } : kind === 'for_each' ? { each: { key: k, value: v } } : {},
        );
        const values = bodyValues(block.body, scope);
        const display = this.loader.display(file.file);
        return {
          address: `${this.prefix}${cacheKey}${index}`,
          type: block.labels[0] ?? '',
          values,
          span: { ...block.span, file: display },
          lines: file.lines,
          spans: argumentSpans(block.body, display),
        } satisfies TfResource;
      });
      const result = { list, keys: entries.map(([k]) => k), keyed: expansion !== undefined, kind } as const;
      this.built.set(cacheKey, result);
      return result;
    } finally {
      this.evaluating.delete(cacheKey);
    }
  }

  private dataValue(key: string): Evaluated | undefined {
    const entry = this.data.get(key);
    if (!entry) return undefined;
    const type = entry.block.labels[0] ?? '';
    return this.expandedValue(`data:${key}`, entry.block, entry.file, key, (r): Evaluated => {
      switch (type) {
        case 'aws_iam_policy_document': {
          const json = renderPolicyDocument(r.values);
          return { ...r.values, json, minified_json: json };
        }
        case 'aws_caller_identity':
          return { account_id: this.loader.settings.accountId, id: this.loader.settings.accountId };
        case 'aws_region':
          return { name: this.region, id: this.region, region: this.region };
        case 'aws_partition':
          return { partition: 'aws', dns_suffix: 'amazonaws.com' };
        default:
          return lazyObject(
            (attr) =>
              r.values[String(attr)] ?? new Unknown(`data.${r.address}.${String(attr)} is read from AWS at plan time`),
            () => new Unknown(`data.${r.address} is read from AWS at plan time`),
          );
      }
    });
  }

  private moduleValue(name: string): Evaluated | undefined {
    const call = this.modules.get(name);
    if (!call) return undefined;
    const children = this.loader.moduleChildren(this, name, call);
    if (children instanceof Unknown) return children;
    const outputs = (child: ModuleInstance): Lazy =>
      lazyObject(
        (o) => child.output(String(o)),
        () => new Unknown(`module.${name} as a whole`),
      );
    if (!children.keyed) return children.list[0] ? outputs(children.list[0]) : null;
    return children.kind === 'count'
      ? children.list.map(outputs)
      : Object.fromEntries(children.list.map((c, i) => [String(children.keys[i]), outputs(c)]));
  }

  output(name: string): Evaluated | undefined {
    const entry = this.outputs.get(name);
    const value = entry?.block.body.attributes.get('value');
    if (!entry || !value) return undefined;
    return this.once(`output.${name}`, () => evaluateValue(value.expression, this.scope(entry.file.file)));
  }

  /** Every managed resource instance of this module and its children. */
  allResources(): TfResource[] {
    const out: TfResource[] = [];
    for (const [key, { block, file }] of this.resources) {
      const built = this.instancesOf(block, file, key);
      if (!(built instanceof Unknown)) out.push(...built.list);
    }
    for (const [name, call] of this.modules) {
      const children = this.loader.moduleChildren(this, name, call);
      if (!(children instanceof Unknown)) for (const child of children.list) out.push(...child.allResources());
    }
    return out;
  }

  moduleCalls(): Map<string, ModuleCall> {
    return this.modules;
  }
}

/** Where each argument and the first nested block of each type was written. */
function argumentSpans(body: HclBody, file: string): Record<string, SourceSpan> {
  const spans: Record<string, SourceSpan> = {};
  for (const [name, attribute] of body.attributes) spans[name] = { ...attribute.span, file };
  for (const block of body.blocks) {
    const name = block.type === 'dynamic' ? (block.labels[0] ?? '') : block.type;
    spans[name] ??= { ...block.span, file };
  }
  return spans;
}

/** Arguments and nested blocks of a resource body, evaluated; `dynamic` blocks expanded. */
function bodyValues(body: HclBody, scope: Scope): ObjectValue {
  const values: ObjectValue = {};
  for (const [name, attribute] of body.attributes) {
    if (META_ARGUMENTS.has(name)) continue;
    values[name] = evaluateValue(attribute.expression, scope);
  }
  for (const block of body.blocks) {
    if (block.type === 'dynamic') {
      const name = block.labels[0] ?? '';
      const forEach = block.body.attributes.get('for_each');
      const iterator = block.body.attributes.get('iterator');
      const content = block.body.blocks.find((b) => b.type === 'content');
      if (!forEach || !content) continue;
      const items = evaluateValue(forEach.expression, scope);
      const list = (values[name] ??= []) as Value[];
      if (items instanceof Unknown) {
        list.push(items);
        continue;
      }
      const iterName = iterator ? expressionText(iterator.expression) : name;
      const entries: Array<[Value, Value]> = Array.isArray(items)
        ? items.map((v, i) => [i, v])
        : isObject(items)
          ? Object.entries(items)
          : [];
      for (const [key, value] of entries)
        list.push(bodyValues(content.body, extendScope(scope, { [iterName]: { key, value } })));
      continue;
    }
    if (META_BLOCKS.has(block.type)) continue;
    ((values[block.type] ??= []) as Value[]).push(bodyValues(block.body, scope));
  }
  return values;
}

async function terraformFiles(dir: string, suffix: (name: string) => boolean): Promise<string[]> {
  const names = await readdir(dir);
  return names
    .filter(suffix)
    .sort()
    .map((n) => join(dir, n));
}

/** Parses HCL from var values given on the command line: Terraform reads `-var` values as strings for string variables. */
function varInputs(values: ObjectValue): Map<string, Value> {
  return new Map(Object.entries(values));
}

/** Loads a root module (a directory of .tf files) and the local modules it calls. */
export class TerraformLoader {
  readonly diagnostics: TfDiagnostic[] = [];
  /** resources whose count or for_each is unknown: every check on them is unknown */
  readonly unexpanded: Array<{ address: string; type: string; why: Unknown; span: SourceSpan }> = [];
  private readonly parsed = new Map<string, HclFile[]>();
  private readonly children = new Map<
    string,
    { list: ModuleInstance[]; keys: Array<string | number>; keyed: boolean; kind: string } | Unknown
  >();
  rootDir = '';
  /** the root module's provider region, once loaded */
  rootRegion: string | undefined;
  private readonly moduleDirs = new Set<string>();

  /** Directories called as local modules (a directory scanned as a root and also called is scanned once). */
  calledDirs(): Set<string> {
    return this.moduleDirs;
  }

  constructor(readonly settings: TerraformSettings) {}

  display(file: string): string {
    const rel = relative(this.settings.cwd, file);
    return rel.startsWith('..') ? file : rel;
  }

  diagnose(error: UserError, fatal: boolean): void {
    this.diagnostics.push({ error, fatal });
  }

  /** The .tf files of a directory, parsed; a file that does not parse is reported and left out. */
  async parseDir(dir: string): Promise<HclFile[]> {
    const known = this.parsed.get(dir);
    if (known) return known;
    const files: HclFile[] = [];
    for (const path of await terraformFiles(dir, (n) => n.endsWith('.tf'))) {
      try {
        files.push(
          await parseHcl(this.display(path), await readFile(path, 'utf8')).then((f) => ({ ...f, file: path })),
        );
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        this.diagnose(error, true);
      }
    }
    this.parsed.set(dir, files);
    return files;
  }

  /** Pre-parses every local module directory reachable from the root (module calls are evaluated synchronously). */
  private async preload(dir: string, depth: number, seen: Set<string>): Promise<void> {
    if (depth > MAX_MODULE_DEPTH || seen.has(dir)) return;
    seen.add(dir);
    for (const file of await this.parseDir(dir)) {
      for (const block of file.body.blocks) {
        if (block.type !== 'module') continue;
        const source = block.body.attributes.get('source');
        const text = source ? evaluateValue(source.expression, { file: file.file, root: () => undefined }) : undefined;
        if (typeof text === 'string' && /^\.\.?\//.test(text)) {
          const child = resolve(dir, text);
          if (await isDirectory(child)) {
            this.moduleDirs.add(child);
            await this.preload(child, depth + 1, new Set(seen));
          }
        }
      }
    }
  }

  async loadRoot(dir: string): Promise<TfResource[]> {
    this.rootDir = dir;
    await this.preload(dir, 0, new Set());
    const files = this.parsed.get(dir) ?? [];
    const inputs = new Map<string, Value>();
    const tfvars = [
      ...(await terraformFiles(dir, (n) => n === 'terraform.tfvars')),
      ...(await terraformFiles(dir, (n) => n.endsWith('.auto.tfvars'))),
      ...this.settings.varFiles,
    ];
    for (const path of tfvars) {
      let parsed: HclFile;
      try {
        parsed = await parseHcl(this.display(path), await readFile(path, 'utf8'));
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        this.diagnose(error, true);
        continue;
      }
      for (const [name, attribute] of parsed.body.attributes)
        inputs.set(name, evaluateValue(attribute.expression, { file: parsed.file, root: () => undefined }));
    }
    for (const [name, value] of varInputs(this.settings.vars)) inputs.set(name, value);
    const root = new ModuleInstance(this, dir, files, '', inputs, 0, undefined);
    this.rootRegion = root.region;
    return root.allResources();
  }

  /** The instances of a module call (count/for_each), created once; remote sources are unknown. */
  moduleChildren(
    parent: ModuleInstance,
    name: string,
    call: ModuleCall,
  ): { list: ModuleInstance[]; keys: Array<string | number>; keyed: boolean; kind: string } | Unknown {
    const memoKey = `${parent.prefix}module.${name}`;
    const known = this.children.get(memoKey);
    if (known) return known;
    const scope = parent.scope(call.file.file);
    const sourceAttr = call.block.body.attributes.get('source');
    const source = sourceAttr ? evaluateValue(sourceAttr.expression, scope) : undefined;
    const here = { file: this.display(call.file.file), line: call.block.span.startLine };
    let result: { list: ModuleInstance[]; keys: Array<string | number>; keyed: boolean; kind: string } | Unknown;
    const dir = typeof source === 'string' && /^\.\.?\//.test(source) ? resolve(parent.dir, source) : undefined;
    if (!dir) {
      result = new Unknown(
        `module.${name} comes from ${typeof source === 'string' ? source : 'an unknown source'}: only local modules are read`,
      );
      this.diagnose(new UserError(`module "${name}": ${result.why}; its resources are not scanned`, here), false);
    } else if (parent.depth + 1 > MAX_MODULE_DEPTH) {
      result = new Unknown(`module.${name} is nested more than ${MAX_MODULE_DEPTH} deep`);
      this.diagnose(
        new UserError(
          `module "${name}" is nested more than ${MAX_MODULE_DEPTH} modules deep (does it call itself?); not followed`,
          here,
        ),
        false,
      );
    } else {
      const files = this.parsed.get(dir) ?? [];
      const count = call.block.body.attributes.get('count');
      const forEach = call.block.body.attributes.get('for_each');
      const expansion: Array<[string | number, Value]> | Unknown = count
        ? ((n) =>
            n instanceof Unknown
              ? n
              : Array.from({ length: Math.min(Number(n), MAX_INSTANCES) }, (_, i): [number, Value] => [i, i]))(
            evaluateValue(count.expression, scope),
          )
        : forEach
          ? ((e) =>
              e instanceof Unknown
                ? e
                : Array.isArray(e)
                  ? e.map((v): [string, Value] => [textOf(v), v])
                  : isObject(e)
                    ? Object.entries(e)
                    : [])(evaluateValue(forEach.expression, scope))
          : [[0, null]];
      if (expansion instanceof Unknown) result = expansion;
      else {
        const kind = count ? 'count' : forEach ? 'for_each' : 'single';
        const list = expansion.map(([k, v]) => {
          const inner = extendScope(
            scope,
            kind === 'count' ? { count: { index: k } } : kind === 'for_each' ? { each: { key: k, value: v } } : {},
          );
          const inputs = new Map<string, Value>();
          for (const [arg, attribute] of call.block.body.attributes) {
            if (!['source', 'version', 'count', 'for_each', 'providers', 'depends_on'].includes(arg))
              inputs.set(arg, settle(evaluate(attribute.expression, inner)));
          }
          const index = kind === 'single' ? '' : typeof k === 'number' ? `[${k}]` : `[${JSON.stringify(k)}]`;
          return new ModuleInstance(
            this,
            dir,
            files,
            `${parent.prefix}module.${name}${index}.`,
            inputs,
            parent.depth + 1,
            parent.region,
          );
        });
        result = { list, keys: expansion.map(([k]) => k), keyed: kind !== 'single', kind };
      }
    }
    this.children.set(memoKey, result);
    return result;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
