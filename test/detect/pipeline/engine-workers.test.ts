import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileMatcher, loadRules, serializeRuleSources } from '../../../src/detect/engine/index.ts';
import type { Alert } from '../../../src/detect/engine/types.ts';
import { engineRecipe } from '../../../src/detect/pipeline/matcher-recipe.ts';
import { runDetection, type DetectionUnit } from '../../../src/detect/pipeline/run-detection.ts';

const stratusDir = new URL('../../fixtures/third-party/stratus-red-team/', import.meta.url).pathname;
const falcoRules = new URL('../../fixtures/third-party/falco/aws_cloudtrail_rules.yaml', import.meta.url).pathname;

async function* files(): AsyncGenerator<DetectionUnit> {
  for (const name of readdirSync(stratusDir).sort())
    yield { label: name, task: { kind: 'file', path: `${stratusDir}${name}` } };
}

describe('the real rule engine on worker threads', () => {
  it('gives exactly the alerts of the main thread, in the same order (built-in packs + Falco rules)', async () => {
    const rules = await loadRules({ builtin: true, files: [falcoRules] });
    const run = async (workers: number) => {
      const alerts: Alert[] = [];
      const stats = await runDetection(files(), {
        matcher: compileMatcher(rules),
        recipe: engineRecipe(serializeRuleSources(rules)),
        workers,
        workerThresholdBytes: 0,
        strict: false,
        onAlert: (a) => void alerts.push(a),
        onProblem: (line) => {
          throw new Error(line);
        },
      });
      return { alerts, stats };
    };
    const inline = await run(0);
    const pooled = await run(2);
    expect(inline.alerts.length).toBeGreaterThan(10);
    expect(pooled.alerts).toEqual(inline.alerts);
    expect(pooled.stats.events).toBe(310);
    expect(inline.alerts.map((a) => a.rule)).toContain('CloudTrail Logging Disabled');
  });
});
