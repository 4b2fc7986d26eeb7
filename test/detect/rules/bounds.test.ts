/**
 * Rule files are input: macros and lists are pasted in where they are used, so one that names the previous level
 * twice doubles at every level (24 levels ran the process out of memory after 44 s), and the parser recursed once
 * per `(` (3,000 of them exited 3 with a stack overflow). Every such file is now a `file:line:col` error, exit 2.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileMatcher, loadRulesFromSources } from '../../../src/detect/engine/index.ts';
import { UserError } from '../../../src/errors.ts';
import { runCli } from '../../support/run-cli.ts';
import { firedRules, fixture } from '../engine/support.ts';

function loadError(text: string): string {
  try {
    loadRulesFromSources([{ file: 'f.yaml', text }]);
  } catch (error) {
    if (error instanceof UserError) return error.format();
    throw error;
  }
  throw new Error('loaded without error');
}

const rule = (condition: string) =>
  `- rule: R\n  desc: d\n  condition: ${condition}\n  output: "out %ct.name"\n  priority: WARNING\n  source: aws_cloudtrail\n`;
const levels = (count: number, item: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => item(i + 1)).join('');

const doublingMacros = `- macro: m0\n  condition: ct.name="A"\n${levels(24, (i) => `- macro: m${i}\n  condition: m${i - 1} or m${i - 1}\n`)}${rule('m24')}`;
const doublingLists = `- list: l0\n  items: [A, B]\n${levels(24, (i) => `- list: l${i}\n  items: [l${i - 1}, l${i - 1}]\n`)}${rule('ct.name in (l24)')}`;

describe('nesting in one condition', () => {
  it.each([
    ['3,000 nested parentheses', `"${'('.repeat(3000)}ct.name=A${')'.repeat(3000)}"`, 'f.yaml:3:115'],
    ['5,000 nested "not"', `"${'not '.repeat(5000)}ct.name=A"`, 'f.yaml:3:415'],
  ])('%s: an error at the 101st level', (_what, condition, place) => {
    expect(loadError(rule(condition))).toBe(
      `${place}: rule "R": syntax error in condition: parentheses and "not" nest more than 100 levels deep`,
    );
  });

  it('100 levels load and evaluate', () => {
    const loaded = loadRulesFromSources([
      { file: 'f.yaml', text: rule(`"${'not ('.repeat(50)}ct.name=PutBucketPolicy${')'.repeat(50)}"`) },
    ]);
    expect(firedRules(compileMatcher(loaded), fixture('put-bucket-policy-public'))).toEqual(['R']);
  });

  it('a long flat "and" chain is not nesting: 5,000 comparisons load and evaluate', () => {
    const condition = `"ct.name=PutBucketPolicy${levels(5000, (i) => ` and ct.src!=x${i}`)}"`;
    const loaded = loadRulesFromSources([{ file: 'f.yaml', text: rule(condition) }]);
    expect(firedRules(compileMatcher(loaded), fixture('put-bucket-policy-public'))).toEqual(['R']);
  });
});

describe('expansion of macros and lists', () => {
  it('macros that double at every level: an error where the 100,001st term would be pasted in', () => {
    expect(loadError(doublingMacros)).toBe(
      'f.yaml:12:20: rule "R": the condition expands to more than 100000 terms once macros and lists are pasted in (through macros m24 -> m23 -> m22 -> … -> m6 -> m5)',
    );
  });

  it('lists that double at every level: an error at the list being expanded', () => {
    expect(loadError(doublingLists)).toBe(
      'f.yaml:7:3: rule "R": the condition expands to more than 100000 terms once macros and lists are pasted in (through lists l24 -> l23 -> l22 -> … -> l4 -> l3)',
    );
  });

  it('empty lists that double at every level cost time, not room: bounded too', () => {
    const text = `- list: l0\n  items: []\n${levels(40, (i) => `- list: l${i}\n  items: [l${i - 1}, l${i - 1}]\n`)}${rule('ct.name in (l40)')}`;
    expect(loadError(text)).toBe(
      'f.yaml:9:3: rule "R": the condition expands to more than 100000 terms once macros and lists are pasted in (through lists l40 -> l39 -> l38 -> … -> l5 -> l4)',
    );
  });

  it('a chain of 5,000 macros each naming the next: an error at the 201st level', () => {
    const text = `- macro: m0\n  condition: ct.name="A"\n${levels(5000, (i) => `- macro: m${i}\n  condition: m${i - 1}\n`)}${rule('m5000')}`;
    expect(loadError(text)).toMatch(
      /^f\.yaml:9602:14: rule "R": the condition nests more than 200 levels deep once macros are pasted in \(through macros m5000 -> /,
    );
  });

  it('a chain of 5,000 lists each naming the next: an error at the list 100 levels down', () => {
    const text = `- list: l0\n  items: [A]\n${levels(5000, (i) => `- list: l${i}\n  items: [l${i - 1}]\n`)}${rule('ct.name in (l5000)')}`;
    expect(loadError(text)).toBe(
      'f.yaml:9801:3: rule "R": lists name lists more than 100 levels deep (l5000 -> l4999 -> l4998 -> … -> l4901 -> l4900)',
    );
  });

  it('a list of 20,000 items pasted in once loads', () => {
    const text = `- list: big\n  items: [${levels(20_000, (i) => `x${i}, `)}PutBucketPolicy]\n${rule('ct.name in (big)')}`;
    const loaded = loadRulesFromSources([{ file: 'f.yaml', text }]);
    expect(firedRules(compileMatcher(loaded), fixture('put-bucket-policy-public'))).toEqual(['R']);
  });
});

describe('through the CLI: exit 2 with the place, never out of memory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cloudwarden-rule-bounds-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // a heap far below what the unbounded expansion needed, so that the old behaviour fails fast instead of eating the machine
  const env = { NODE_OPTIONS: '--max-old-space-size=384' };

  it.each([
    ['doubling macros', doublingMacros, 'rule "R": the condition expands to more than 100000 terms'],
    ['doubling lists', doublingLists, 'rule "R": the condition expands to more than 100000 terms'],
    [
      'deep parentheses',
      rule(`"${'('.repeat(3000)}ct.name=A${')'.repeat(3000)}"`),
      'rule "R": syntax error in condition: parentheses and "not" nest more than 100 levels deep',
    ],
  ])(
    '%s: rules validate and detect --rules',
    async (name, text, message) => {
      const file = join(dir, `${name.replaceAll(' ', '-')}.yaml`);
      writeFileSync(file, text);
      const validate = await runCli(['rules', 'validate', file], env);
      expect(validate.code, validate.stderr).toBe(2);
      expect(validate.stdout).toContain(`${file}:`);
      expect(validate.stdout).toContain(message);
      const detect = await runCli(['detect', '--no-builtin', '--rules', file, '--source', file, '--workers', '0'], env);
      expect(detect.code).toBe(2);
      expect(detect.stderr.trim().split('\n')).toHaveLength(1);
      expect(detect.stderr).toContain(message);
    },
    120_000,
  );
});
