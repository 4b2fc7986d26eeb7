import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/**
 * The pins of DESIGN.md ("the last majors that support 20") checked against the lock file: a dependency bumped to a
 * release that needs Node 22 fails here, on every Node.js the suite runs on, before a user on 20 meets it.
 */

interface LockEntry {
  version?: string;
  dev?: boolean;
  engines?: { node?: string };
}
interface Manifest {
  engines: { node: string };
  devEngines: { runtime: { name: string; version: string } };
}

const root = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as Manifest;
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  packages: Record<string, LockEntry>;
};

const installed = Object.entries(lock.packages)
  .filter(([where]) => where !== '')
  .map(([where, entry]) => ({
    id: `${where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length)}@${entry.version ?? '?'}`,
    dev: entry.dev === true,
    node: entry.engines?.node,
  }));

/** The packages whose `engines.node` leaves out some Node.js that `ours` admits, as `name@version: range`. */
function narrowerThan(ours: string, packages: typeof installed): string[] {
  return packages
    .filter(({ node }) => node !== undefined && !semver.subset(ours, node))
    .map(({ id, node }) => `${id}: ${node}`);
}

describe('dependency engines (package-lock.json)', () => {
  it('the lock has entries with engines to check', () => {
    expect(installed.filter(({ node }) => node !== undefined).length).toBeGreaterThan(100);
  });

  it(`every runtime dependency runs on every Node.js cloudwarden's engines admit (${manifest.engines.node})`, () => {
    expect(
      narrowerThan(
        manifest.engines.node,
        installed.filter(({ dev }) => !dev),
      ),
    ).toEqual([]);
  });

  it(`every dependency, dev ones included, installs on every Node.js the toolchain admits (devEngines ${manifest.devEngines.runtime.version})`, () => {
    expect(narrowerThan(manifest.devEngines.runtime.version, installed)).toEqual([]);
  });

  it('both claims cover Node 20, 22 and 24, and the Node.js running this suite', () => {
    expect(manifest.devEngines.runtime.name).toBe('node');
    for (const range of [manifest.engines.node, manifest.devEngines.runtime.version]) {
      for (const major of ['20', '22', '24'])
        expect(semver.intersects(range, `^${major}`), `${range} admits Node ${major}`).toBe(true);
      expect(semver.satisfies(process.versions.node, range), `${range} admits ${process.version}`).toBe(true);
    }
  });
});
