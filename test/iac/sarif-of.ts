import { readFileSync } from 'node:fs';
import ajvDraft04 from 'ajv-draft-04';
import { expect } from 'vitest';
import { runCliInProcess } from '../support/run-cli-in-process.ts';

interface SarifLog {
  runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: unknown }> }> }>;
}

/** `scan iac PATH -f sarif`, asserted valid against the SARIF 2.1.0 schema; the physical location of a rule's first result. */
export async function sarifLocationOf(path: string, ruleId: string): Promise<unknown> {
  const run = await runCliInProcess(['scan', 'iac', path, '-f', 'sarif', '-q']);
  const sarif = JSON.parse(run.stdout) as SarifLog;
  const schema = JSON.parse(readFileSync('test/fixtures/third-party/sarif/sarif-schema-2.1.0.json', 'utf8')) as object;
  const validate = new ajvDraft04.default({ strict: false, validateFormats: false }).compile(schema);
  expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
  return sarif.runs[0]?.results.find((r) => r.ruleId === ruleId)?.locations[0]?.physicalLocation;
}
