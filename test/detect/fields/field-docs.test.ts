import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../../src/detect/engine/index.ts';
import { replacePacksTable } from '../../../src/detect/engine/pack-docs.ts';
import { replaceFieldsTable } from '../../../src/detect/fields/field-docs.ts';

const docs = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');

describe('docs/rules.md', () => {
  // to update: node --import tsx -e "import('./src/detect/fields/field-docs.ts').then(async (m) => { const fs = await import('node:fs'); fs.writeFileSync('docs/rules.md', m.replaceFieldsTable(fs.readFileSync('docs/rules.md', 'utf8'))); })"
  it('holds the fields table as the field table renders it', () => {
    expect(replaceFieldsTable(docs)).toBe(docs);
  });

  // to update: node --import tsx -e "import('./src/detect/engine/index.ts').then(async (e) => { const m = await import('./src/detect/engine/pack-docs.ts'); const fs = await import('node:fs'); const r = await e.loadRules({ builtin: true, files: [] }); fs.writeFileSync('docs/rules.md', m.replacePacksTable(fs.readFileSync('docs/rules.md', 'utf8'), r)); })"
  it('holds the built-in rules table (priority, rationale, Stratus techniques) as the packs render it', async () => {
    const packs = await loadRules({ builtin: true, files: [] });
    expect(replacePacksTable(docs, packs)).toBe(docs);
  });

  it('names every built-in rule', async () => {
    const packs = await loadRules({ builtin: true, files: [] });
    expect(packs.rules.filter((r) => !docs.includes(r.name)).map((r) => r.name)).toEqual([]);
  });
});
