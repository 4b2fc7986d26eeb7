import { parseLocatedYaml, readLocatedYaml, type LocatedYaml } from '../config/located-yaml.ts';
import { CHECKS } from './catalogue.ts';
import type { Check } from './define-check.ts';
import { describeOptions, type CheckOptions } from './options.ts';

/** The sections a config file may have. */
const SECTIONS = ['checks'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function unknownCheckMessage(id: string, checks: readonly Check[]): string {
  const wanted = id.toLowerCase();
  const named = checks.filter(
    (c) => c.aliases.some((a) => a.toLowerCase() === wanted) || c.id.toLowerCase() === wanted,
  );
  if (named.length > 0) return `unknown check id: options are set by check id (${named.map((c) => c.id).join(', ')})`;
  return 'unknown check id (see `cloudwarden checks list`)';
}

function optionNames(check: Check): string {
  return describeOptions(check)
    .map((o) => o.name)
    .join(', ');
}

/**
 * Reads a config file (`--config`): YAML with a `checks:` mapping of check id to that check's options.
 * Every problem is one `UserError` naming `file:line:column` and the field path, so a typo never
 * silently scans with the defaults.
 */
export function parseCheckConfig(text: string, file: string, checks: readonly Check[] = CHECKS): CheckOptions {
  return checkConfigOf(parseLocatedYaml(text, file), checks);
}

function checkConfigOf({ data, problem }: LocatedYaml, checks: readonly Check[]): CheckOptions {
  const configured = new Map<string, object>();
  if (data === null) return configured;
  if (!isRecord(data)) throw problem('a config file is a YAML mapping with a "checks:" section', []);
  for (const key of Object.keys(data)) {
    if (!SECTIONS.includes(key)) throw problem(`unknown section (known: ${SECTIONS.join(', ')})`, [key], true);
  }
  const section = data.checks ?? {};
  if (!isRecord(section)) throw problem('expected a mapping of check ids to their options', ['checks']);
  for (const [id, raw] of Object.entries(section)) {
    const check = checks.find((c) => c.id === id);
    if (!check) throw problem(unknownCheckMessage(id, checks), ['checks', id], true);
    if (!check.options) {
      const configurable = checks.filter((c) => c.options).map((c) => c.id);
      throw problem(
        `this check has no options (checks with options: ${configurable.join(', ')})`,
        ['checks', id],
        true,
      );
    }
    // `id:` alone keeps the defaults
    const parsed = check.options.safeParse(raw ?? {});
    if (!parsed.success) {
      const [issue] = parsed.error.issues;
      const path = ['checks', id, ...(issue?.path ?? [])];
      if (issue?.code === 'unrecognized_keys') {
        throw problem(`unknown option (${id} has: ${optionNames(check)})`, [...path, issue.keys[0] ?? ''], true);
      }
      if (issue?.path.length === 0)
        throw problem(`expected a mapping of option names to values (${id} has: ${optionNames(check)})`, path);
      throw problem(issue?.message ?? 'invalid value', path);
    }
    configured.set(id, parsed.data);
  }
  return configured;
}

export async function loadCheckConfig(file: string, checks: readonly Check[] = CHECKS): Promise<CheckOptions> {
  return checkConfigOf(await readLocatedYaml(file), checks);
}
