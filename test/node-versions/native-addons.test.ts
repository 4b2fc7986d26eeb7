import { readdirSync, realpathSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { describeError, EXIT, exitCodeFor } from '../../src/errors.ts';

const NODE_MODULES = fileURLToPath(new URL('../../node_modules/', import.meta.url));

/**
 * The native code installed with cloudwarden and its toolchain, each proven by real work on the Node.js running
 * this file (`.ci/run` runs it on 20, 22 and 24 after `npm rebuild` against each one's headers). A new addon
 * (better-sqlite3 with the store) makes the last test fail until it has its line here.
 */
const NATIVE_CODE: ReadonlyArray<{ package: string; use: string; prove: () => Promise<void> }> = [
  {
    package: 'esbuild',
    use: 'a native executable: tsx compiles the CLI and the scripts with it',
    prove: async () => {
      const { transformSync } = await import('esbuild');
      expect(transformSync('const a: number = 1', { loader: 'ts' }).code).toBe('const a = 1;\n');
    },
  },
  {
    package: '@swc/core',
    use: 'N-API addon (@swc/core-<platform>), a devDependency',
    prove: async () => {
      const { transformSync } = await import('@swc/core');
      expect(
        transformSync('const a: number = 1', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }).code,
      ).toBe('const a = 1;\n');
    },
  },
  {
    package: 'rolldown',
    use: "N-API addon (@rolldown/binding-<platform>): vitest's bundler (through vite)",
    prove: async () => {
      const { parseAst } = await import('rolldown/parseAst');
      expect(parseAst('const a = 1').body).toHaveLength(1);
    },
  },
  {
    package: 'lightningcss',
    use: 'N-API addon (lightningcss-<platform>): loaded by vite when vitest starts',
    prove: async () => {
      const { transform } = await import('lightningcss');
      expect(
        transform({ filename: 'a.css', code: Buffer.from('a { color: #ff0000 }'), minify: true }).code.toString(),
      ).toBe('a{color:red}');
    },
  },
  {
    package: 'better-sqlite3',
    use: 'node-gyp addon built from source at install: the SQLite store (--db sqlite:PATH); its test extension too',
    prove: async () => {
      const { default: Database } = await import('better-sqlite3');
      // left open: closing the connection unloads the extension, and the next test looks for it among the loaded
      const db = new Database(':memory:');
      db.pragma('journal_mode = WAL');
      expect(db.prepare('select sqlite_version() as v').get()).toEqual({ v: expect.stringMatching(/^3\./) });
      // test_extension.node ships with the package: loaded, so that no addon under node_modules goes unproven
      db.loadExtension(
        path.join(realpathSync(NODE_MODULES), 'better-sqlite3', 'build', 'Release', 'test_extension.node'),
      );
      expect(db.prepare('select testExtensionFunction(1, 2) as n').get()).toEqual({ n: 2 });
    },
  },
];

/** Native bindings a package ships that cloudwarden never loads: it reads the Terraform grammar from the WASM file. */
const UNUSED_BINDINGS = [path.join('@tree-sitter-grammars', 'tree-sitter-hcl', 'prebuilds')];

/**
 * Every `*.node` file under node_modules (nested installs included), but node-gyp's `obj.target/` intermediates: the
 * linker's output before node-gyp copies it to `build/Release/`, which nothing loads; and UNUSED_BINDINGS.
 */
function addonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'obj.target' || UNUSED_BINDINGS.some((unused) => full.endsWith(unused))
        ? []
        : addonFiles(full);
    return entry.isFile() && entry.name.endsWith('.node') ? [full] : [];
  });
}

describe(`native code on Node.js ${process.version} (NODE_MODULE_VERSION ${process.versions.modules})`, () => {
  it.each(NATIVE_CODE)('$package loads and works ($use)', async ({ prove }) => {
    await prove();
  });

  it('every native addon under node_modules is one of them, loaded into this process by its proof', async () => {
    for (const { prove } of NATIVE_CODE) await prove();
    const loaded = new Set((process.report.getReport() as { sharedObjects: string[] }).sharedObjects);
    const files = addonFiles(realpathSync(NODE_MODULES));
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((file) => !loaded.has(file))).toEqual([]);
  });
});

describe('an addon that cannot load on this Node.js: one line naming the fix, exit 2', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('a real dlopen failure (a file that is no shared object) names the package and the rebuild command', async () => {
    const project = await mkdtemp(path.join(tmpdir(), 'cloudwarden-addon-'));
    dirs.push(project);
    const addon = path.join(project, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    await mkdir(path.dirname(addon), { recursive: true });
    await writeFile(addon, 'not a shared object');
    let failure: unknown;
    try {
      createRequire(import.meta.url)(addon);
    } catch (error) {
      failure = error;
    }
    expect(describeError(failure)).toBe(
      `error: better-sqlite3 cannot load its native addon on Node.js ${process.version} (file too short): run \`npm rebuild better-sqlite3 --prefix ${project}\` with this Node.js`,
    );
    expect(exitCodeFor(failure)).toBe(EXIT.usage);
  });

  // Node's exact messages (v20.20.2 loading an addon built for 22; v24.22.3 the same addon), with its error code
  it.each([
    ['v20.20.2', 127, 115],
    ['v24.22.3', 127, 137],
  ])('on %s, an addon built with NODE_MODULE_VERSION %i (needs %i)', (version, built, needed) => {
    const file = '/home/ana/.npm/_npx/5f3e1a/node_modules/@scope/db/build/Release/db.node';
    const failure = Object.assign(
      new Error(
        `The module '${file}'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION ${built}. This version of Node.js requires\nNODE_MODULE_VERSION ${needed}. Please try re-compiling or re-installing\nthe module (for instance, using \`npm rebuild\` or \`npm install\`).`,
      ),
      { code: 'ERR_DLOPEN_FAILED' },
    );
    const line = describeError(failure);
    expect(line).toBe(
      `error: @scope/db was built for another Node.js (NODE_MODULE_VERSION ${built}; Node.js ${process.version} needs ${needed}): run \`npm rebuild @scope/db --prefix /home/ana/.npm/_npx/5f3e1a\` with this Node.js`,
    );
    expect(line).not.toContain('\n');
    expect(exitCodeFor(failure)).toBe(EXIT.usage);
  });

  it('other errors keep their description', () => {
    expect(describeError(Object.assign(new Error('boom'), { code: 'ENOENT' }))).toBe(
      'internal error: boom (please report this bug)',
    );
    expect(exitCodeFor(new Error('boom'))).toBe(EXIT.internal);
  });
});
