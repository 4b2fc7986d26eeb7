/**
 * What `npm pack` ships, run the way a user runs it: the tarball (built by `prepare`, so dist/ is fresh) is unpacked
 * into an empty directory as node_modules/cloudwarden, with node_modules/.bin/cloudwarden linked to its bin as npm
 * links it. Its `dependencies` (and only those: a runtime import of a devDependency such as tsx fails here as it
 * would for a user) are linked from this repository's node_modules, so nothing is fetched. One pack for the file.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const STRATUS_STOP_LOGGING = path.join(
  ROOT,
  'test/fixtures/third-party/stratus-red-team/aws.defense-evasion.cloudtrail-stop.json',
);
const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

let dir: string;
let app: string;
let installed: string;
let packedFiles: string[];

function run(file: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(file, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 600_000 });
}

function cloudwarden(...args: string[]): SpawnSyncReturns<string> {
  return run(path.join(app, 'node_modules/.bin/cloudwarden'), args, app);
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cloudwarden-pack-'));
  const pack = run('npm', ['pack', '--json', '--pack-destination', dir], ROOT);
  expect(pack.status, pack.stderr).toBe(0);
  const [packed] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as {
    filename: string;
    files: { path: string }[];
  }[];
  packedFiles = packed!.files.map((f) => f.path).sort();

  app = path.join(dir, 'app');
  installed = path.join(app, 'node_modules/cloudwarden');
  mkdirSync(installed, { recursive: true });
  writeFileSync(
    path.join(app, 'package.json'),
    JSON.stringify({ private: true, dependencies: { cloudwarden: version } }),
  );
  const untar = run('tar', ['-xzf', path.join(dir, packed!.filename), '-C', installed, '--strip-components=1'], dir);
  expect(untar.status, untar.stderr).toBe(0);
  const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    bin: Record<string, string>;
  };
  for (const name of Object.keys(manifest.dependencies)) {
    mkdirSync(path.dirname(path.join(app, 'node_modules', name)), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules', name), path.join(app, 'node_modules', name));
  }
  mkdirSync(path.join(app, 'node_modules/.bin'));
  symlinkSync(
    path.join('..', 'cloudwarden', manifest.bin.cloudwarden!),
    path.join(app, 'node_modules/.bin/cloudwarden'),
  );
}, 900_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the packed npm package', () => {
  it('ships the build, its runtime data and the docs, and no sources, tests, benches or fixtures', () => {
    for (const file of [
      'bin/cloudwarden.js',
      'dist/cli/main.js',
      'dist/detect/pipeline/worker.js',
      'dist/detect/packs/s3.yaml',
      'examples/demo-account.json',
      'LICENSE',
      'README.md',
      'package.json',
    ]) {
      expect(packedFiles).toContain(file);
    }
    const stray = packedFiles.filter(
      (file) => /^(src|test|bench|scripts|coverage|\.ci)\//.test(file) || /\.ts$|\.tgz$|^tsconfig/.test(file),
    );
    expect(stray).toEqual([]);
    // only what `files` names, plus what npm always adds
    expect([...new Set(packedFiles.map((file) => file.split('/')[0]))].sort()).toEqual([
      'LICENSE',
      'README.md',
      'bin',
      'dist',
      'docs',
      'examples',
      'package.json',
      'templates',
    ]);
  });

  it('needs no TypeScript loader at run time: tsx is not a runtime dependency', () => {
    const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies)).not.toContain('tsx');
  });

  it('`cloudwarden --version` prints the package version', () => {
    const result = cloudwarden('--version');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${version}\n`);
  });

  it('`cloudwarden demo` scans the bundled demo account from the installed package', () => {
    const result = cloudwarden('demo');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('demo-public-by-policy');
    expect(result.stdout).toMatch(/\d+ results: \d+ failed, \d+ unknown, \d+ passed/);
    // no colour off a terminal, in the built CLI too
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('`cloudwarden detect` loads the built-in packs from dist/ and alerts on a Stratus Red Team detonation', () => {
    const result = cloudwarden('detect', '--format', 'json', '--source', STRATUS_STOP_LOGGING);
    expect(result.status, result.stderr).toBe(0);
    const alerts = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { rule: string });
    expect(alerts.map((alert) => alert.rule)).toEqual(['CloudTrail Logging Stopped']);
  });

  it('runs detection on worker threads from dist/ (the worker module resolves beside the built file)', () => {
    // The CLI starts workers only for inputs over 64 MiB; this drives the installed modules with the threshold at 0.
    const script = `
      import { compileMatcher, loadRules, serializeRuleSources } from 'cloudwarden/dist/detect/engine/index.js';
      import { engineRecipe } from 'cloudwarden/dist/detect/pipeline/matcher-recipe.js';
      import { runDetection } from 'cloudwarden/dist/detect/pipeline/run-detection.js';
      const rules = await loadRules({ builtin: true, files: [] });
      const count = async (workers) => {
        let alerts = 0;
        async function* units() {
          yield { label: 'stop', task: { kind: 'file', path: ${JSON.stringify(STRATUS_STOP_LOGGING)} } };
        }
        await runDetection(units(), {
          matcher: compileMatcher(rules), recipe: engineRecipe(serializeRuleSources(rules)), workers, workerThresholdBytes: 0,
          strict: false, onAlert: () => void alerts++, onProblem: (line) => { throw new Error(line); },
        });
        return alerts;
      };
      console.log(JSON.stringify({ recipe: engineRecipe([]).module, inline: await count(0), pooled: await count(2) }));`;
    const result = run(process.execPath, ['--input-type=module', '-e', script], app);
    expect(result.status, result.stderr).toBe(0);
    const counts = JSON.parse(result.stdout) as { recipe: string; inline: number; pooled: number };
    expect(counts.recipe).toBe(`file://${installed}/dist/detect/pipeline/engine-matcher.js`);
    expect(counts.inline).toBe(1);
    expect(counts.pooled).toBe(counts.inline);
  });
});
