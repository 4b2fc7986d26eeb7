import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generate, SCAN_DOC_PATH, SECTIONS_PATH, SERVICE_REGISTRY_PATH } from '../../scripts/gen.ts';
import { snapshotSchema } from '../../src/model/snapshot-schema.ts';
import type { OperationDeclaration } from '../../src/services/define-service.ts';
import { SERVICES } from '../../src/services/registry.ts';
import { SECTIONS } from '../../src/services/sections.ts';
import { COLLECTED_SERVICES } from '../../src/services/service-names.ts';
import { REGIONAL_SECTIONS } from '../support/service-snapshot.ts';

const DENIED = { error: { name: 'AccessDenied', message: 'User is not authorized' } };

function entryOf(operations: Record<string, OperationDeclaration>): Record<string, unknown> {
  const entry: Record<string, unknown> = {};
  for (const [name, op] of Object.entries(operations)) {
    if (op.stored === false) continue;
    entry[name] = op.perResource ? { 'arn:aws:example:us-east-1:123456789012:thing/one': DENIED } : DENIED;
  }
  return entry;
}

describe('service declarations', () => {
  it('offers --service the names of the declared services, read without loading them', () => {
    expect(COLLECTED_SERVICES).toEqual(SERVICES.map((service) => service.name));
  });

  it("keep a regional service's section keyed by region, a global one's not (what test snapshots are built from)", () => {
    const regional = SERVICES.filter((s) => s.scope === 'regional').map((s) => s.name);
    expect([...REGIONAL_SECTIONS].sort()).toEqual(regional.sort());
  });

  it('are one folder each under src/services, with index.ts (the declaration) and schema.ts (the snapshot section)', async () => {
    // detection/ holds only the state the six detection services share (no collection of its own)
    const folders = (await readdir(new URL('../../src/services/', import.meta.url), { withFileTypes: true }))
      .filter((d) => d.isDirectory() && d.name !== 'detection')
      .map((d) => d.name)
      .sort();
    expect(SERVICES.map((s) => s.name)).toEqual(folders);
    expect(Object.keys(SECTIONS).sort()).toEqual(folders);
  });

  it('generated registry and sections are up to date (npm run gen)', async () => {
    const generated = await generate();
    for (const rel of [SERVICE_REGISTRY_PATH, SECTIONS_PATH, SCAN_DOC_PATH]) {
      expect(await readFile(new URL(`../../${rel}`, import.meta.url), 'utf8'), `${rel} is stale: run npm run gen`).toBe(
        generated.get(rel),
      );
    }
  });

  it('name, for every operation, its SDK command, response shape, IAM action and (follow-ups) what they wait for', () => {
    for (const service of SERVICES) {
      expect(['global', 'regional'], service.name).toContain(service.scope);
      const operations = [
        ...Object.entries(service.operations),
        ...Object.values(service.groupedResources ?? {}).flatMap((g) => Object.entries(g.operations)),
      ];
      for (const [name, op] of operations) {
        const where = `${service.name}:${name}`;
        expect(typeof op.command, where).toBe('function');
        // the key is the API operation; a second request of the same call (EC2's DescribeSnapshots with
        // RestorableByUserIds: all) keys it with a suffix: `DescribeSnapshotsRestorableByAll`
        expect(`${name}Command`.startsWith(op.command.name.replace(/Command$/, '')), where).toBe(true);
        expect(typeof op.response.safeParse, where).toBe('function');
        expect(op.iam.length, where).toBeGreaterThan(0);
        for (const action of op.iam) expect(action, where).toMatch(/^[a-z0-9-]+:[A-Za-z0-9]+$/);
        if (op.perResource)
          expect(
            op.perResource.after.every((dep) => dep in service.operations),
            where,
          ).toBe(true);
      }
    }
  });

  it('each stored operation has its key in the snapshot schema: regional ones per region, follow-ups keyed by ARN or id', () => {
    for (const service of SERVICES) {
      const entry = entryOf(service.operations);
      for (const [key, group] of Object.entries(service.groupedResources ?? {}))
        entry[key] = { 'example-bucket': { Region: 'us-east-1', ...entryOf(group.operations) } };
      const section = service.scope === 'regional' ? { 'us-east-1': entry } : entry;
      const parsed = snapshotSchema.safeParse({
        cloudwarden: 'snapshot/v1',
        accountId: '123456789012',
        collectedAt: '2026-11-22T00:00:00Z',
        regions: ['us-east-1'],
        [service.name]: section,
      });
      expect(
        parsed.success ? 'valid' : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        service.name,
      ).toBe('valid');
    }
  });

  it('a follow-up stored as one error instead of one entry per resource is refused', () => {
    const parsed = snapshotSchema.safeParse({
      cloudwarden: 'snapshot/v1',
      accountId: '123456789012',
      collectedAt: '2026-11-22T00:00:00Z',
      regions: ['us-east-1'],
      kms: { 'us-east-1': { DescribeKey: DENIED } },
    });
    expect(parsed.success).toBe(false);
  });
});
