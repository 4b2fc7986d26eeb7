import type { Node } from 'yaml';
import { isObject, textOf, Unknown, firstUnknown, type ObjectValue, type Value } from '../values.ts';
import {
  field,
  intrinsicOf,
  isMap,
  isScalar,
  isSeq,
  mapEntries,
  type Template,
  type TemplateResource,
} from './template.ts';

/** `!Ref AWS::NoValue`: the property is left out, as CloudFormation does. */
const NO_VALUE = Symbol('AWS::NoValue');
type Result = Value | typeof NO_VALUE;

/** A scalar as text (a bigint too; anything else the YAML schema gives as JSON). */
function scalarText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean') return v.toString();
  return JSON.stringify(v) ?? 'null';
}

/** More nested intrinsic calls than this are not followed (a hostile template must not exhaust the stack). */
const MAX_DEPTH = 200;

/** Identifiers CloudFormation returns for `Ref` and `Fn::GetAtt`, synthesised so references between resources join. */
interface Identity {
  ref: (name: string) => Value;
  attributes: Record<string, (name: string) => Value>;
  /** the property that names the resource (BucketName); else the logical id stands for the generated name */
  nameProperty?: string;
}

function identities(region: string, account: string): Record<string, Identity> {
  const arn = (service: string, resource: string, regional = true) =>
    `arn:aws:${service}:${regional ? region : ''}:${account}:${resource}`;
  return {
    'AWS::S3::Bucket': {
      nameProperty: 'BucketName',
      ref: (n) => n,
      attributes: { Arn: (n) => `arn:aws:s3:::${n}` },
    },
    'AWS::KMS::Key': {
      ref: (n) => n,
      attributes: { Arn: (n) => arn('kms', `key/${n}`), KeyId: (n) => n },
    },
    'AWS::KMS::Alias': { nameProperty: 'AliasName', ref: (n) => n, attributes: {} },
    'AWS::EC2::SecurityGroup': { ref: (n) => n, attributes: { GroupId: (n) => n } },
    'AWS::EC2::VPC': { ref: (n) => n, attributes: { VpcId: (n) => n } },
    'AWS::EC2::NetworkAcl': { ref: (n) => n, attributes: { Id: (n) => n } },
    'AWS::EC2::LaunchTemplate': {
      nameProperty: 'LaunchTemplateName',
      ref: (n) => n,
      attributes: { LaunchTemplateId: (n) => n, LatestVersionNumber: () => '1', DefaultVersionNumber: () => '1' },
    },
    'AWS::IAM::Role': {
      nameProperty: 'RoleName',
      ref: (n) => n,
      attributes: { Arn: (n) => arn('iam', `role/${n}`, false), RoleId: (n) => n },
    },
    'AWS::IAM::User': {
      nameProperty: 'UserName',
      ref: (n) => n,
      attributes: { Arn: (n) => arn('iam', `user/${n}`, false) },
    },
    'AWS::IAM::Group': {
      nameProperty: 'GroupName',
      ref: (n) => n,
      attributes: { Arn: (n) => arn('iam', `group/${n}`, false) },
    },
    'AWS::IAM::ManagedPolicy': {
      nameProperty: 'ManagedPolicyName',
      ref: (n) => arn('iam', `policy/${n}`, false),
      attributes: { PolicyArn: (n) => arn('iam', `policy/${n}`, false) },
    },
    'AWS::IAM::InstanceProfile': {
      nameProperty: 'InstanceProfileName',
      ref: (n) => n,
      attributes: { Arn: (n) => arn('iam', `instance-profile/${n}`, false) },
    },
    'AWS::CloudTrail::Trail': {
      nameProperty: 'TrailName',
      ref: (n) => n,
      attributes: { Arn: (n) => arn('cloudtrail', `trail/${n}`) },
    },
    'AWS::Logs::LogGroup': {
      nameProperty: 'LogGroupName',
      ref: (n) => n,
      attributes: { Arn: (n) => arn('logs', `log-group:${n}:*`) },
    },
    'AWS::SNS::Topic': {
      nameProperty: 'TopicName',
      ref: (n) => arn('sns', n),
      attributes: { TopicArn: (n) => arn('sns', n), TopicName: (n) => n },
    },
    'AWS::SQS::Queue': {
      nameProperty: 'QueueName',
      ref: (n) => `https://sqs.${region}.amazonaws.com/${account}/${n}`,
      attributes: { Arn: (n) => arn('sqs', n), QueueName: (n) => n },
    },
    'AWS::Lambda::Function': {
      nameProperty: 'FunctionName',
      ref: (n) => n,
      attributes: { Arn: (n) => arn('lambda', `function:${n}`) },
    },
  };
}

export interface EvaluatorSettings {
  /** parameter values given on the command line (`--var Name=Value`), over the defaults */
  parameters: Record<string, string>;
  region: string;
  accountId: string;
  /** the generated name of a bucket without BucketName (default: its logical id); S3 ARNs name no account */
  unnamedBucket?: (logicalId: string) => string;
}

/**
 * Evaluates a template's intrinsic functions against its parameters (defaults or given), mappings and conditions.
 * Nothing is guessed: a value CloudFormation only knows at deploy time is an Unknown naming the expression.
 */
export class TemplateEvaluator {
  private readonly byId: Map<string, TemplateResource>;
  private readonly ids: Record<string, Identity>;
  private readonly conditionMemo = new Map<string, Value>();
  private readonly propertyMemo = new Map<string, ObjectValue | Unknown>();
  private readonly evaluating = new Set<string>();
  private depth = 0;

  constructor(
    readonly template: Template,
    readonly settings: EvaluatorSettings,
  ) {
    this.byId = new Map(template.resources.map((r) => [r.logicalId, r]));
    this.ids = identities(settings.region, settings.accountId);
  }

  private at(node: Node): string {
    const span = this.template.spanOf(node);
    return `${span.file}:${span.startLine}`;
  }

  /** The evaluated Properties of a resource ({} when it has none); an Unknown when they depend on themselves. */
  properties(logicalId: string): ObjectValue | Unknown {
    const known = this.propertyMemo.get(logicalId);
    if (known) return known;
    const resource = this.byId.get(logicalId);
    if (!resource) return new Unknown(`no resource ${logicalId}`);
    if (this.evaluating.has(logicalId)) return new Unknown(`the properties of ${logicalId} refer to themselves`);
    this.evaluating.add(logicalId);
    try {
      const value = resource.properties ? this.value(resource.properties) : {};
      const result = isObject(value) ? value : {};
      this.propertyMemo.set(logicalId, result);
      return result;
    } finally {
      this.evaluating.delete(logicalId);
    }
  }

  /** Whether a resource's `Condition` holds (true when it has none). */
  included(resource: TemplateResource): Value {
    return resource.condition === undefined ? true : this.condition(resource.condition);
  }

  /** A node's value; `AWS::NoValue` inside mappings and lists is left out. */
  value(node: Node): Value {
    const v = this.eval(node);
    return v === NO_VALUE ? null : v;
  }

  private eval(node: Node): Result {
    if (++this.depth > MAX_DEPTH) {
      this.depth--;
      return new Unknown(`intrinsic functions nested more than ${MAX_DEPTH} deep (${this.at(node)})`);
    }
    try {
      const call = intrinsicOf(node);
      if (call) return this.call(call.name, call.argument, node);
      if (isMap(node)) {
        const out: ObjectValue = {};
        for (const [key, child] of mapEntries(node)) {
          const v = this.eval(child);
          if (v !== NO_VALUE) out[key] = v;
        }
        return out;
      }
      if (isSeq(node)) {
        const out: Value[] = [];
        for (const item of node.items) {
          const v = this.eval(item as Node);
          if (v !== NO_VALUE) out.push(v);
        }
        return out;
      }
      if (isScalar(node)) {
        const v = node.value;
        if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
        return scalarText(v);
      }
      return null;
    } finally {
      this.depth--;
    }
  }

  /** The arguments of a function given as a list (`!Join [",", [...]]`). */
  private list(node: Node): Node[] | undefined {
    return isSeq(node) ? (node.items as Node[]) : undefined;
  }

  private text(node: Node): string {
    return node.toString().replace(/\s+/g, ' ').slice(0, 60);
  }

  private call(name: string, arg: Node, whole: Node): Result {
    const what = () => `${name} ${this.text(arg)} (${this.at(whole)})`;
    switch (name) {
      case 'Ref': {
        const target = this.scalarArg(arg);
        return target === undefined ? new Unknown(`${what()}: not a name`) : this.ref(target, whole);
      }
      case 'Condition': {
        const target = this.scalarArg(arg);
        return target === undefined ? new Unknown(`${what()}: not a name`) : this.condition(target);
      }
      case 'Fn::GetAtt': {
        const parts = this.list(arg)?.map((n) => this.value(n)) ?? this.scalarArg(arg)?.split('.');
        const [id, ...rest] = parts ?? [];
        if (typeof id !== 'string' || rest.length === 0 || rest.some((p) => typeof p !== 'string'))
          return new Unknown(`${what()}: not Resource.Attribute`);
        return this.getAtt(id, (rest as string[]).join('.'), whole);
      }
      case 'Fn::Sub':
        return this.sub(arg, whole);
      case 'Fn::Join': {
        const [sep, items] = this.list(arg) ?? [];
        if (!sep || !items) return new Unknown(`${what()}: needs [delimiter, list]`);
        const s = this.value(sep);
        const list = this.value(items);
        const unknown = firstUnknown(s) ?? firstUnknown(list);
        if (unknown) return unknown;
        if (!Array.isArray(list)) return new Unknown(`${what()}: the second argument is not a list`);
        return list.map(textOf).join(textOf(s));
      }
      case 'Fn::Select': {
        const [index, items] = this.list(arg) ?? [];
        if (!index || !items) return new Unknown(`${what()}: needs [index, list]`);
        const i = Number(this.value(index));
        const list = this.value(items);
        if (list instanceof Unknown) return list;
        if (!Array.isArray(list) || !Number.isInteger(i) || i < 0 || i >= list.length)
          return new Unknown(`${what()}: index out of range`);
        return list[i] ?? null;
      }
      case 'Fn::Split': {
        const [sep, source] = this.list(arg) ?? [];
        if (!sep || !source) return new Unknown(`${what()}: needs [delimiter, string]`);
        const s = this.value(source);
        if (s instanceof Unknown) return s;
        return textOf(s).split(textOf(this.value(sep)));
      }
      case 'Fn::If': {
        const [cond, yes, no] = this.list(arg) ?? [];
        const conditionName = cond ? this.scalarArg(cond) : undefined;
        if (!conditionName || !yes || !no) return new Unknown(`${what()}: needs [condition, value, value]`);
        const test = this.condition(conditionName);
        if (test instanceof Unknown) return new Unknown(`${what()}: ${test.why}`);
        return this.eval(test === true ? yes : no);
      }
      case 'Fn::FindInMap': {
        const [mapNode, topNode, secondNode, options] = this.list(arg) ?? [];
        if (!mapNode || !topNode || !secondNode) return new Unknown(`${what()}: needs [map, key, key]`);
        const keys = [this.value(mapNode), this.value(topNode), this.value(secondNode)];
        const unknown = firstUnknown(keys);
        if (unknown) return unknown;
        let found: Node | undefined = this.template.mappings;
        for (const key of keys) found = found ? field(found, textOf(key)) : undefined;
        if (found) return this.eval(found);
        const fallback = options ? field(options, 'DefaultValue') : undefined;
        if (fallback) return this.eval(fallback);
        return new Unknown(`${what()}: Mappings has no ${keys.map(textOf).join('.')}`);
      }
      case 'Fn::Base64': {
        const v = this.argument(arg, whole);
        return v instanceof Unknown ? v : Buffer.from(textOf(v)).toString('base64');
      }
      case 'Fn::ToJsonString': {
        const v = this.argument(arg, whole);
        return firstUnknown(v) ?? JSON.stringify(v);
      }
      case 'Fn::Length': {
        const v = this.argument(arg, whole);
        return v instanceof Unknown ? v : Array.isArray(v) ? v.length : new Unknown(`${what()}: not a list`);
      }
      case 'Fn::Equals':
      case 'Fn::And':
      case 'Fn::Or':
      case 'Fn::Not':
        return this.conditionFunction(name, arg, whole);
      default:
        // Fn::GetAZs, Fn::ImportValue, Fn::Cidr, Fn::Transform: answered by AWS at deploy time
        return new Unknown(`${what()} is known only at deploy time`);
    }
  }

  /** The argument's value; a short form's argument is the tagged node itself, read without its tag. */
  private argument(arg: Node, whole: Node): Value {
    if (arg !== whole) return this.value(arg);
    if (isScalar(arg)) {
      const v = arg.value;
      return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : scalarText(v);
    }
    if (isSeq(arg)) return (arg.items as Node[]).map((n) => this.value(n));
    if (isMap(arg)) return Object.fromEntries(mapEntries(arg).map(([k, n]) => [k, this.value(n)]));
    return null;
  }

  private scalarArg(node: Node): string | undefined {
    return isScalar(node) && node.value !== null ? scalarText(node.value) : undefined;
  }

  private parameter(name: string): Value | undefined {
    const given = this.settings.parameters[name];
    if (given !== undefined) {
      const type = this.template.parameters.get(name)?.node;
      const typeText = type ? this.scalarArg(field(type, 'Type') ?? type) : undefined;
      return typeText?.startsWith('List<') || typeText === 'CommaDelimitedList' ? given.split(',') : given;
    }
    const declared = this.template.parameters.get(name);
    if (!declared) return undefined;
    const fallback = field(declared.node, 'Default');
    if (!fallback)
      return new Unknown(`parameter ${name} has no default (${declared.span.file}:${declared.span.startLine})`);
    const typeNode = field(declared.node, 'Type');
    const type = typeNode ? this.scalarArg(typeNode) : undefined;
    const value = this.value(fallback);
    return (type === 'CommaDelimitedList' || type?.startsWith('List<')) && typeof value === 'string'
      ? value.split(',').map((s) => s.trim())
      : value;
  }

  private pseudo(name: string): Result | undefined {
    switch (name) {
      case 'AWS::AccountId':
        return this.settings.accountId;
      case 'AWS::Region':
        return this.settings.region;
      case 'AWS::Partition':
        return 'aws';
      case 'AWS::URLSuffix':
        return 'amazonaws.com';
      case 'AWS::NoValue':
        return NO_VALUE;
      case 'AWS::NotificationARNs':
        return [];
      case 'AWS::StackName':
      case 'AWS::StackId':
        return new Unknown(`${name} is chosen when the stack is created`);
      default:
        return undefined;
    }
  }

  /** The name CloudFormation gives a resource: its name property when the template sets it, else its logical id. */
  physicalName(logicalId: string): Value {
    const resource = this.byId.get(logicalId);
    const identity = resource ? this.ids[resource.type] : undefined;
    if (!identity?.nameProperty) return logicalId;
    const props = this.properties(logicalId);
    if (props instanceof Unknown) return props;
    const named = props[identity.nameProperty];
    if (named !== undefined && named !== null) return named;
    return resource?.type === 'AWS::S3::Bucket' && this.settings.unnamedBucket
      ? this.settings.unnamedBucket(logicalId)
      : logicalId;
  }

  private ref(name: string, whole: Node): Result {
    const pseudo = this.pseudo(name);
    if (pseudo !== undefined) return pseudo;
    const parameter = this.parameter(name);
    if (parameter !== undefined) return parameter;
    const resource = this.byId.get(name);
    if (!resource) return new Unknown(`Ref ${name} (${this.at(whole)}): no parameter or resource of that name`);
    const identity = this.ids[resource.type];
    const physical = this.physicalName(name);
    if (physical instanceof Unknown) return physical;
    return identity ? identity.ref(textOf(physical)) : name;
  }

  private getAtt(id: string, attribute: string, whole: Node): Result {
    const resource = this.byId.get(id);
    if (!resource) return new Unknown(`GetAtt ${id}.${attribute} (${this.at(whole)}): no resource ${id}`);
    const make = this.ids[resource.type]?.attributes[attribute];
    if (!make) return new Unknown(`${id}.${attribute} is known only after the stack is created (${this.at(whole)})`);
    const physical = this.physicalName(id);
    return physical instanceof Unknown ? physical : make(textOf(physical));
  }

  private sub(arg: Node, whole: Node): Result {
    const parts = this.list(arg);
    const templateNode = parts ? parts[0] : arg;
    const vars = parts?.[1];
    const text = templateNode ? this.argument(templateNode, whole) : null;
    if (text instanceof Unknown) return text;
    if (typeof text !== 'string') return new Unknown(`Fn::Sub (${this.at(whole)}): the template is not a string`);
    const local = new Map(mapEntries(vars).map(([k, n]) => [k, n]));
    let unknown: Unknown | undefined;
    const out = text.replace(/\$\{(!?)([^}]*)\}/g, (match, bang: string, body: string) => {
      if (bang) return `\${${body}}`;
      const name = body.trim();
      let v: Result;
      const localNode = local.get(name);
      if (localNode) v = this.eval(localNode);
      else if (name.includes('.') && !name.startsWith('AWS::')) {
        const [id = '', ...attr] = name.split('.');
        v = this.getAtt(id, attr.join('.'), whole);
      } else v = this.ref(name, whole);
      if (v === NO_VALUE) return '';
      if (v instanceof Unknown) {
        unknown ??= new Unknown(`\${${name}} in Fn::Sub (${this.at(whole)}): ${v.why}`);
        return match;
      }
      return textOf(v);
    });
    return unknown ?? out;
  }

  /** A named condition of the Conditions section, evaluated once. */
  condition(name: string): Value {
    const memo = this.conditionMemo.get(name);
    if (memo !== undefined) return memo;
    const node = this.template.conditions.get(name);
    if (!node) return new Unknown(`condition ${name} is not defined`);
    if (this.evaluating.has(`condition:${name}`)) return new Unknown(`condition ${name} refers to itself`);
    this.evaluating.add(`condition:${name}`);
    try {
      const v = this.value(node);
      const result = v instanceof Unknown ? new Unknown(`condition ${name}: ${v.why}`) : v === true || v === 'true';
      this.conditionMemo.set(name, result);
      return result;
    } finally {
      this.evaluating.delete(`condition:${name}`);
    }
  }

  private conditionFunction(name: string, arg: Node, whole: Node): Value {
    const items = (this.list(arg) ?? []).map((n) => this.value(n));
    const unknown = firstUnknown(items);
    if (unknown) return unknown;
    switch (name) {
      case 'Fn::Equals':
        if (items.length !== 2) return new Unknown(`Fn::Equals (${this.at(whole)}) needs two values`);
        return textOf(items[0]) === textOf(items[1]);
      case 'Fn::And':
        return items.every((v) => v === true);
      case 'Fn::Or':
        return items.some((v) => v === true);
      default:
        return items[0] !== true;
    }
  }
}
