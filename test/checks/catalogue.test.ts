import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate, loadCheckFiles, ROOT, stalePages, type CheckFile } from '../../scripts/gen.ts';
import { CHECKS } from '../../src/checks/registry.ts';
import { SEVERITIES } from '../../src/findings/severity.ts';
import { OPERATIONS } from '../../src/model/account-state.ts';

const RUN_GEN = 'run `npm run gen` and commit the result';

let checkFiles: CheckFile[];

beforeAll(async () => {
  checkFiles = await loadCheckFiles();
});

function eachCheck(body: (checkFile: CheckFile) => void): void {
  expect(checkFiles.length).toBeGreaterThan(0);
  for (const checkFile of checkFiles) body(checkFile);
}

describe('check catalogue', () => {
  it('finds every check file, and each id equals its file name', () => {
    eachCheck(({ file, check }) => {
      expect(check.id, file).toBe(path.basename(file, '.ts'));
      expect(check.id, `${file}: ids are kebab-case`).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(path.basename(path.dirname(file)), `${file}: the directory is the service`).toBe(check.service);
    });
  });

  it('has unique ids', () => {
    const ids = checkFiles.map((c) => c.check.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('registers every check file, and nothing else', () => {
    const registered = CHECKS.map((c) => c.id).sort();
    const onDisk = checkFiles.map((c) => c.check.id).sort();
    expect(registered, `src/checks/registry.ts is stale: ${RUN_GEN}`).toEqual(onDisk);
  });

  it('has generated registry and docs that are up to date', async () => {
    const generated = await generate();
    const stale: string[] = [];
    for (const [rel, content] of generated) {
      const current = await readFile(path.join(ROOT, rel), 'utf8').catch(() => undefined);
      if (current !== content) stale.push(current === undefined ? `${rel} (missing)` : rel);
    }
    stale.push(...(await stalePages(generated)).map((rel) => `${rel} (no such check any more)`));
    expect(stale, `generated files are stale: ${RUN_GEN}`).toEqual([]);
  });

  it('documents every check', async () => {
    const generated = await generate();
    eachCheck(({ check }) => {
      const page = generated.get(`docs/checks/${check.id}.md`);
      expect(page, check.id).toBeDefined();
      expect(page).toContain(check.title);
      expect(page).toContain(check.remediation.cli.split('\n')[0]);
      expect(generated.get('docs/checks/README.md')).toContain(`[${check.id}](${check.id}.md)`);
    });
  });

  it('has a table test with pass, fail and unknown cases for every check', async () => {
    for (const { check } of checkFiles) {
      const testFile = path.join(ROOT, 'test/checks', check.service, `${check.id}.test.ts`);
      expect(existsSync(testFile), `missing ${path.relative(ROOT, testFile)}`).toBe(true);
      const text = await readFile(testFile, 'utf8');
      expect(text, `${check.id}: the test must import its check`).toContain(
        `src/checks/${check.service}/${check.id}.ts`,
      );
      for (const marker of ['testCheck(', 'pass:', 'fail:', 'unknown:']) {
        expect(text, `${check.id}: the test has no ${marker}`).toContain(marker);
      }
    }
  });

  it('reads only known operations of its own resource (or the account)', () => {
    eachCheck(({ check }) => {
      expect(check.needs.length, `${check.id} reads nothing`).toBeGreaterThan(0);
      for (const op of check.needs) {
        expect(Object.keys(OPERATIONS), `${check.id}: unknown operation ${op}`).toContain(op);
        expect(['account', check.resource], `${check.id}: ${op} belongs to another resource`).toContain(
          OPERATIONS[op].scope,
        );
      }
      expect(new Set(check.needs).size, `${check.id}: duplicate needs`).toBe(check.needs.length);
    });
  });

  it('has valid severities, unique aliases and complete metadata', () => {
    eachCheck(({ check }) => {
      expect(SEVERITIES, check.id).toContain(check.severity);
      expect(new Set(check.aliases).size, `${check.id}: duplicate aliases`).toBe(check.aliases.length);
      expect(
        check.aliases.every((a) => a.trim() === a && a !== ''),
        `${check.id}: blank alias`,
      ).toBe(true);
      expect(check.title.trim(), `${check.id}: title`).not.toBe('');
      expect(check.description.length, `${check.id}: description`).toBeGreaterThan(40);
      for (const part of ['terraform', 'cli', 'console'] as const) {
        expect(check.remediation[part].trim(), `${check.id}: remediation.${part}`).not.toBe('');
      }
      expect(check.references.length, `${check.id}: references`).toBeGreaterThan(0);
      for (const reference of check.references) expect(reference, check.id).toMatch(/^https:\/\/\S+$/);
      expect(check.triggers.length, `${check.id}: triggers (CloudTrail event names)`).toBeGreaterThan(0);
      for (const trigger of check.triggers) expect(trigger, check.id).toMatch(/^[A-Z][A-Za-z0-9]+$/);
    });
  });
});
