/**
 * The raw pre-filter (matchRaw reads eventName, eventSource and rule literals from the text) may only skip a
 * record that cannot match. Property: over generated records (key orders, nesting, duplicate keys, \u escapes,
 * unicode, whitespace), matchRaw gives exactly the alerts that parsing every record and evaluating every rule gives,
 * both reading the text itself and taking what the splitter's syntax check noted of the top-level members.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileMatcher, loadRules, loadRulesFromSources, type LoadedRules } from '../../../src/detect/engine/index.ts';
import { EventContext } from '../../../src/detect/engine/event-context.ts';
import type { MatchOutcome } from '../../../src/detect/engine/types.ts';
import { jsonErrorAt, topKeys } from '../../../src/detect/pipeline/json-syntax.ts';
import { seededRandom } from '../../support/seeded-random.ts';

const FIXTURES = new URL('../../fixtures/cloudtrail/rules/', import.meta.url);
const bases = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(new URL(f, FIXTURES), 'utf8')) as Record<string, unknown>);

/** rules pinned by name only, by source only, by a literal, and not at all, next to the built-in packs */
const EXTRA = `
- rule: Source only
  desc: d
  condition: ct.src = "s3.amazonaws.com" and ct.user.identitytype = "Root"
  output: "%ct.name"
  priority: WARNING
  source: aws_cloudtrail
- rule: Unpinned
  desc: d
  condition: ct.region = "eu-west-3"
  output: "%ct.name"
  priority: NOTICE
  source: aws_cloudtrail
- rule: Literal
  desc: d
  condition: ct.name in (StopLogging, GetObject) and ct.user.identitytype = "IAMUser"
  output: "%ct.name"
  priority: NOTICE
  source: aws_cloudtrail
`;

type Entry = [key: string, value: unknown];

class Generator {
  constructor(
    private readonly rnd: () => number,
    private readonly names: string[],
  ) {}

  chance(p: number): boolean {
    return this.rnd() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rnd() * items.length)] as T;
  }

  insert(entries: Entry[], entry: Entry): void {
    entries.splice(Math.floor(this.rnd() * (entries.length + 1)), 0, entry);
  }

  record(): { text: string; features: string[] } {
    const features: string[] = [];
    const base = this.pick(bases);
    const entries: Entry[] = Object.entries(structuredClone(base));
    if (this.chance(0.2)) {
      const at = entries.findIndex(([k]) => k === 'eventName');
      entries[at] = ['eventName', this.pick(this.names)];
    }
    if (this.chance(0.5)) {
      features.push('key order');
      for (let i = entries.length - 1; i > 0; i--) {
        const j = Math.floor(this.rnd() * (i + 1));
        [entries[i], entries[j]] = [entries[j] as Entry, entries[i] as Entry];
      }
    }
    if (this.chance(0.3)) {
      features.push('nested eventName');
      const nested = {
        eventName: this.pick(this.names),
        eventSource: this.pick(['s3.amazonaws.com', 'iam.amazonaws.com']),
        eventTime: 'x',
      };
      const holder = this.chance(0.5) ? { additionalEventData: nested } : { requestParameters: { items: [nested] } };
      this.insert(entries, Object.entries(holder)[0] as Entry);
    }
    for (const key of ['eventName', 'eventSource', 'awsRegion']) {
      if (this.chance(0.15)) {
        features.push(`duplicate ${key}`);
        this.insert(entries, [
          key,
          key === 'eventName' ? this.pick(this.names) : this.pick(['s3.amazonaws.com', 'eu-west-3', 'us-east-1']),
        ]);
      }
    }
    if (this.chance(0.04)) {
      features.push('no eventName');
      remove(entries, 'eventName');
    }
    if (this.chance(0.04)) {
      features.push('eventName not a string');
      remove(entries, 'eventName');
      this.insert(entries, ['eventName', this.pick([null, 7, ['StopLogging'], { x: 1 }])]);
    }
    if (this.chance(0.04)) {
      features.push('no eventTime');
      remove(entries, 'eventTime');
    }
    const escapes = this.chance(0.3);
    if (escapes) features.push('escapes');
    const spaces = this.chance(0.2);
    if (spaces) features.push('whitespace');
    return { text: this.object(entries, escapes, spaces, 0), features };
  }

  private object(entries: Entry[], escapes: boolean, spaces: boolean, depth: number): string {
    const ws = (): string => (spaces ? this.pick([' ', '\n', '\t ', '\r\n  ', '']) : '');
    const parts = entries.map(
      ([k, v]) =>
        `${ws()}${this.string(k, escapes && this.chance(depth === 0 ? 0.4 : 0.1))}${ws()}:${ws()}${this.value(v, escapes, spaces, depth + 1)}`,
    );
    return `{${parts.join(',')}${ws()}}`;
  }

  private value(v: unknown, escapes: boolean, spaces: boolean, depth: number): string {
    if (typeof v === 'string') return this.string(v, escapes && this.chance(0.3));
    if (Array.isArray(v)) return `[${v.map((x) => this.value(x, escapes, spaces, depth + 1)).join(',')}]`;
    if (v !== null && typeof v === 'object') return this.object(Object.entries(v), escapes, spaces, depth);
    return JSON.stringify(v);
  }

  /** JSON string text; `escape`: some characters written as \u escapes (either hex case) or `\/` */
  private string(s: string, escape: boolean): string {
    let out = '"';
    for (const ch of s) {
      const code = ch.codePointAt(0) as number;
      if (escape && code < 0x10000 && this.chance(0.3)) {
        const hex = code.toString(16).padStart(4, '0');
        out += `\\u${this.chance(0.5) ? hex : hex.toUpperCase()}`;
      } else if (ch === '/' && escape) {
        out += '\\/';
      } else {
        out += JSON.stringify(ch).slice(1, -1);
      }
    }
    return `${out}"`;
  }
}

function remove(entries: Entry[], key: string): void {
  for (let i = entries.length - 1; i >= 0; i--) if ((entries[i] as Entry)[0] === key) entries.splice(i, 1);
}

/** the rules of an outcome's alerts and stateful matches, in load order (each match placed by its `before`) */
function matchedRules(outcome: MatchOutcome & { kind: 'ok' }): string[] {
  const names = outcome.alerts.map((a) => a.rule);
  for (const match of [...(outcome.stateful ?? [])].reverse()) names.splice(match.before, 0, match.rule);
  return names;
}

/** Full-parse matching: JSON.parse every record, evaluate every enabled rule in load order, no pre-filter. */
function fullParse(
  rules: LoadedRules,
  ctx: EventContext,
  text: string,
  n: number,
): { kind: 'bad' } | { kind: 'ok'; rules: string[] } {
  const record = JSON.parse(text) as Record<string, unknown>;
  if (typeof record.eventName !== 'string' || typeof record.eventTime !== 'string') return { kind: 'bad' };
  ctx.reset(text, n, record);
  return { kind: 'ok', rules: rules.rules.filter((r) => r.enabled && r.test(ctx)).map((r) => r.name) };
}

describe('the raw pre-filter agrees with full parsing', () => {
  it('alerts on a StopLogging whose additionalEventData.eventName comes first, a duplicated key (the last wins) and an escaped key', async () => {
    const matcher = compileMatcher(await loadRules({ builtin: true, files: [] }));
    const stop = {
      ...(bases.find((r) => r.eventName === 'CreateTrail') as Record<string, unknown>),
      eventName: 'StopLogging',
    };
    const { eventName: _name, ...rest } = stop;
    const body = JSON.stringify(rest).slice(1, -1);
    const rulesOf = (text: string): string[] => {
      const outcome = matcher.matchRaw(text);
      const answer = outcome.kind === 'ok' ? outcome.alerts.map((a) => a.rule) : [outcome.reason];
      expect(jsonErrorAt(text, 0, text.length)).toBe(-1);
      const noted = matcher.matchRaw(text, topKeys);
      expect(noted.kind === 'ok' ? noted.alerts.map((a) => a.rule) : [noted.reason], `noted: ${text}`).toEqual(answer);
      return answer;
    };
    const expected = rulesOf(JSON.stringify(stop));
    expect(expected.length).toBeGreaterThan(0);
    expect(rulesOf(`{"additionalEventData":{"eventName":"GetTrailStatus"},${body},"eventName":"StopLogging"}`)).toEqual(
      expected,
    );
    expect(rulesOf(`{"eventName":"GetTrailStatus",${body},"eventName":"StopLogging"}`)).toEqual(expected);
    expect(rulesOf(`{"eventName":"StopLogging",${body},"eventName":"GetTrailStatus"}`)).toEqual([]);
    expect(rulesOf(`{${body},"\\u0065ventName":"StopLogging"}`)).toEqual(expected);
    expect(rulesOf(`{${body},"eventName":"Stop\\u004cogging"}`)).toEqual(expected);
  });

  it('gives the alerts of full-parse matching on generated records (built-in packs + pinned, source-only, literal and unpinned rules)', async () => {
    const builtin = await loadRules({ builtin: true, files: [] });
    const rules = loadRulesFromSources([...builtin.sources, { file: 'extra.yaml', text: EXTRA }]);
    const matcher = compileMatcher(rules);
    const ctx = new EventContext(rules.slots.readers);
    const names = [...new Set(rules.rules.flatMap((r) => [...(r.pins.names ?? [])]))].sort();
    names.push('GetObject', 'Stop\u00e9Logging', 'ListBuckets', '日本');
    const generate = new Generator(seededRandom(20261204), names);
    const seen = { alerts: 0, skipped: 0, notedSkipped: 0, bad: 0, parsedForSafety: 0 };
    for (let n = 1; n <= 4000; n++) {
      const { text, features } = generate.record();
      const expected = fullParse(rules, ctx, text, n);
      const got = matcher.matchRaw(text);
      const where = `case ${n} (${features.join(', ')}): ${text.slice(0, 300)}`;
      // as the splitter hands records on: with the top-level members its syntax check noted
      expect(jsonErrorAt(text, 0, text.length), where).toBe(-1);
      const noted = matcher.matchRaw(text, topKeys);
      if (expected.kind === 'bad') {
        seen.bad++;
        // a record without a top-level eventName/eventTime string cannot match: skipping it unparsed loses no alert
        expect(got.kind === 'bad' || got.alerts.length === 0, where).toBe(true);
        expect(noted.kind === 'bad' || noted.alerts.length === 0, `noted: ${where}`).toBe(true);
        continue;
      }
      expect(noted.kind === 'ok' && matchedRules(noted), `noted: ${where}`).toEqual(expected.rules);
      if (noted.kind === 'ok' && !noted.evaluated) seen.notedSkipped++;
      expect(got.kind, where).toBe('ok');
      if (got.kind !== 'ok') continue;
      expect(matchedRules(got), where).toEqual(expected.rules);
      seen.alerts += expected.rules.length;
      if (!got.evaluated) seen.skipped++;
      else if (expected.rules.length === 0) seen.parsedForSafety++;
    }
    // the property was exercised: many alerts, many records skipped unparsed, some parsed because the raw read could not be trusted
    expect(seen.alerts).toBeGreaterThan(300);
    expect(seen.skipped).toBeGreaterThan(300);
    expect(seen.notedSkipped).toBeGreaterThanOrEqual(seen.skipped);
    expect(seen.bad).toBeGreaterThan(50);
    expect(seen.parsedForSafety).toBeGreaterThan(100);
  });
});
