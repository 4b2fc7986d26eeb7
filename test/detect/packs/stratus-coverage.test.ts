// Every Stratus Red Team technique recorded in test/fixtures/third-party/stratus-red-team raises, with the built-in
// packs alone, at least one alert that names it (tag stratus_<technique id>).
import { describe, expect, it } from 'vitest';
import { stratusRecords } from '../engine/support.ts';
import { StatefulRun } from '../stateful/support.ts';
import { builtinRules } from './pack-cases.ts';

const stratus = stratusRecords();
const techniques = [...stratus.keys()];

/** the stratus_ tags of every alert the technique's records raise, stateful rules included (as `detect` runs them) */
function namedTechniques(technique: string): Set<string> {
  const records = (stratus.get(technique) ?? []).map((line) => JSON.parse(line) as Record<string, unknown>);
  const tags = new Set<string>();
  for (const alert of new StatefulRun(builtinRules).feed(records))
    for (const tag of alert.tags) if (tag.startsWith('stratus_')) tags.add(tag);
  return tags;
}

describe('Stratus Red Team coverage of the built-in packs', () => {
  it('reads all 35 recorded techniques', () => {
    expect(techniques).toHaveLength(35);
  });

  it.each(techniques)('%s raises an alert tagged with its id', (technique) => {
    expect([...namedTechniques(technique)]).toContain(`stratus_${technique}`);
  });

  it('every stratus_ tag of a built-in rule names a recorded technique', () => {
    const tags = builtinRules.rules.flatMap((r) =>
      r.tags.filter((t) => t.startsWith('stratus_')).map((t) => `${r.name}: ${t}`),
    );
    expect(tags.length).toBeGreaterThan(0);
    expect(tags.filter((t) => !stratus.has(t.slice(t.indexOf(': stratus_') + ': stratus_'.length)))).toEqual([]);
  });
});
