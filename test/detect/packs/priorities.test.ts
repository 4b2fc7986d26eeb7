// Every built-in rule, in every pack (including packs added later), says why it has its priority, is tagged with
// what it detects, and the packs use Falco's scale rather than calling everything CRITICAL.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinRules } from './pack-cases.ts';

const PACKS_DIR = fileURLToPath(new URL('../../../src/detect/packs/', import.meta.url));
const packFiles = readdirSync(PACKS_DIR)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();

/** each `- rule:` item of a pack as [pack, rule name, its priority line] (undefined when the item has none) */
function priorityLines(): [string, string, string | undefined][] {
  const out: [string, string, string | undefined][] = [];
  for (const pack of packFiles) {
    const items = readFileSync(PACKS_DIR + pack, 'utf8').split(/^(?=- )/m);
    for (const item of items) {
      const name = /^- rule:\s*(.+)$/m.exec(item)?.[1]?.trim();
      if (name === undefined) continue;
      out.push([pack, name, /^\s+priority:.*$/m.exec(item)?.[0]]);
    }
  }
  return out;
}

describe('built-in rule priorities', () => {
  const lines = priorityLines();

  it('every built-in rule is read from the packs with its priority line', () => {
    expect(lines.map(([, name]) => name).sort()).toEqual(builtinRules.rules.map((r) => r.name).sort());
  });

  it.each(lines)('%s: %s gives a one-line rationale after its priority', (_pack, _name, line) => {
    expect(line).toMatch(/^\s+priority:\s*[A-Za-z]+\s+#\s*\S.{10,}$/);
  });

  it("uses Falco's scale: at least four levels, CRITICAL for under a third of the rules", () => {
    const counts = new Map<string, number>();
    for (const rule of builtinRules.rules) counts.set(rule.priority, (counts.get(rule.priority) ?? 0) + 1);
    expect(counts.size).toBeGreaterThanOrEqual(4);
    expect((counts.get('CRITICAL') ?? 0) * 3).toBeLessThan(builtinRules.rules.length);
  });
});

describe('built-in rule tags', () => {
  // inventory rules (INFORMATIONAL: a bucket created) record what changed, they detect no technique
  const detecting = builtinRules.rules.filter((r) => r.priority !== 'INFORMATIONAL');
  it.each(detecting.map((r) => [r.name, r.tags] as const))(
    '%s names its MITRE ATT&CK technique and tactic',
    (_name, tags) => {
      expect(tags.some((t) => /^T\d{4}(\.\d{3})?$/.test(t))).toBe(true);
      expect(tags.some((t) => /^mitre_[a-z_]+$/.test(t))).toBe(true);
    },
  );
});
