/**
 * The one field table: every field a condition or an output may name, with its type, description and
 * extractor. It drives extraction, rule validation (unknown field = load error) and docs/rules.md.
 */
import { CLOUDTRAIL_FIELDS, ctInfo } from './cloudtrail-fields.ts';
import { CLOUDWARDEN_FIELDS } from './cloudwarden-fields.ts';
import { type FieldEvent, jsonText, keyInsensitive, pathOf } from './event.ts';
import { parsePointer, resolvePointer } from './json-pointer.ts';
import type { FieldEntry, FieldReader, FieldSpec, FieldType } from './spec.ts';

function pointerField(description: string): FieldEntry {
  return {
    type: 'string',
    description,
    raw: 'contained',
    param: 'argument',
    bind: (param) => {
      const tokens = parsePointer(param);
      if (tokens === undefined) return `"${param}" is not a JSON Pointer (it must be empty or start with "/")`;
      return (ev) => {
        const value = resolvePointer(ev.record, tokens);
        return jsonText(value);
      };
    },
  };
}

const JSON_FIELDS: Record<string, FieldEntry> = {
  'json.value': pointerField(
    'the value at a JSON Pointer into the raw record, e.g. json.value[/requestParameters/bucketName]: strings unquoted, other values as JSON.',
  ),
  'jevt.value': pointerField('same as json.value (the older name, used by Sysdig Cloud Connector rules).'),
  'json.obj': { type: 'string', description: 'the whole record as JSON.', read: (ev) => JSON.stringify(ev.record) },
  'jevt.obj': { type: 'string', description: 'same as json.obj.', read: (ev) => JSON.stringify(ev.record) },
};

function eventTimeNs(ev: FieldEvent): number | undefined {
  const time = ev.record.eventTime;
  if (typeof time !== 'string') return undefined;
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? undefined : ms * 1e6;
}

function iso8601(ev: FieldEvent): string | undefined {
  const time = ev.record.eventTime;
  if (typeof time !== 'string') return undefined;
  const ms = Date.parse(time);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

const FALCO_FIELDS: Record<string, FieldEntry> = {
  'evt.num': {
    type: 'uint64',
    description: 'the position of the event in the stream (1-based).',
    read: (ev) => ev.num,
  },
  'evt.time': {
    type: 'uint64',
    description: 'the event time (eventTime) in nanoseconds since the epoch.',
    read: eventTimeNs,
  },
  'evt.time.iso8601': {
    type: 'string',
    description: 'the event time (eventTime) as ISO 8601 with nanoseconds.',
    read: iso8601,
  },
  'evt.plugininfo': { type: 'string', description: 'same as ct.info.', read: (ev) => ctInfo(ev.record) },
  'evt.source': {
    type: 'string',
    description: 'the event source: always aws_cloudtrail.',
    read: () => 'aws_cloudtrail',
  },
  'evt.pluginname': {
    type: 'string',
    description: 'the plugin that produced the event: always cloudtrail.',
    read: () => 'cloudtrail',
  },
};

/** `ct.request.<key>[.<key>...]`: any request parameter, keys matched ignoring case. */
function familyField(description: string, root: string): FieldEntry {
  return {
    type: 'string',
    description,
    raw: 'contained',
    param: 'suffix',
    bind: (param) => {
      const keys = param.split('.');
      if (keys.some((k) => k === '')) return `"${param}" is not a dotted key path`;
      return (ev) => {
        let node: unknown = pathOf(ev.record, root);
        for (const key of keys) node = keyInsensitive(node, key);
        return node === null ? undefined : jsonText(node);
      };
    },
  };
}

const FAMILIES: Record<string, FieldEntry> = {
  'ct.request.*': familyField(
    'any request parameter by key path, e.g. ct.request.bucketpolicy.statement (keys match ignoring case; objects as JSON).',
    'requestParameters',
  ),
  'ct.response.*': familyField(
    'any response element by key path, e.g. ct.response.accesskey.accesskeyid.',
    'responseElements',
  ),
  'ct.additionaleventdata.*': familyField(
    'any additional event data attribute by key path, e.g. ct.additionaleventdata.mfaused.',
    'additionalEventData',
  ),
};

function withOrigin(group: Record<string, FieldEntry>, origin: FieldSpec['origin']): FieldSpec[] {
  return Object.entries(group).map(([name, entry]) => ({ name, origin, ...entry }));
}

export const FIELDS: readonly FieldSpec[] = [
  ...withOrigin(CLOUDTRAIL_FIELDS, 'cloudtrail plugin'),
  ...withOrigin(FAMILIES, 'cloudwarden'),
  ...withOrigin(JSON_FIELDS, 'json plugin'),
  ...withOrigin(FALCO_FIELDS, 'falco'),
  ...withOrigin(CLOUDWARDEN_FIELDS, 'cloudwarden'),
];

const BY_NAME = new Map(FIELDS.filter((f) => !f.name.endsWith('.*')).map((f) => [f.name, f]));
const FAMILY_LIST = FIELDS.filter((f) => f.name.endsWith('.*'));

export interface BoundField {
  /** canonical text, the key of output_fields: `ct.user`, `json.value[/a/b]` */
  key: string;
  type: FieldType;
  read: FieldReader;
  raw?: FieldSpec['raw'];
}

export type FieldResolution = { ok: true; field: BoundField } | { ok: false; message: string };

/** Resolves `name` or `name[arg]` as written in a rule. */
export function resolveField(name: string, arg: string | undefined): FieldResolution {
  const spec = BY_NAME.get(name);
  if (spec !== undefined) {
    if (spec.param === 'argument') {
      if (arg === undefined) return { ok: false, message: `field ${name} needs an argument, e.g. ${name}[/eventName]` };
      const read = spec.bind?.(arg);
      if (typeof read === 'string' || read === undefined)
        return { ok: false, message: `field ${name}[${arg}]: ${read ?? 'bad argument'}` };
      return { ok: true, field: { key: `${name}[${arg}]`, type: spec.type, read, raw: spec.raw } };
    }
    if (arg !== undefined) return { ok: false, message: `field ${name} takes no argument` };
    if (spec.read === undefined) return { ok: false, message: `field ${name} cannot be read` };
    return { ok: true, field: { key: name, type: spec.type, read: spec.read, raw: spec.raw } };
  }
  for (const family of FAMILY_LIST) {
    const prefix = family.name.slice(0, -1);
    if (name.startsWith(prefix) && name.length > prefix.length && arg === undefined) {
      const read = family.bind?.(name.slice(prefix.length));
      if (typeof read === 'string' || read === undefined)
        return { ok: false, message: `field ${name}: ${read ?? 'bad key path'}` };
      return { ok: true, field: { key: name, type: family.type, read, raw: family.raw } };
    }
  }
  const hint = closest(name);
  return {
    ok: false,
    message: `unknown field ${arg === undefined ? name : `${name}[${arg}]`}${hint ? ` (did you mean ${hint}?)` : ''}`,
  };
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return prev[b.length] as number;
}

/** the known field nearest to a misspelt one, when it is near enough to be the likely intent */
function closest(name: string): string | undefined {
  let best: string | undefined;
  // at most two edits, and fewer for short names, where two edits make a different word
  let bestDistance = Math.min(2, Math.floor(name.length / 5)) + 1;
  for (const known of BY_NAME.keys()) {
    const d = distance(name, known);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}
