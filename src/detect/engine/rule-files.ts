/** Finding and reading rule files: a file, or every *.yaml / *.yml below a directory, sorted. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../errors.ts';
import type { RuleSource } from './types.ts';

const PACKS_DIR = fileURLToPath(new URL('../packs/', import.meta.url));
/** how built-in pack files are named in messages and `rules list` */
const BUILTIN_PREFIX = 'builtin:';

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (/\.ya?ml$/i.test(entry.name)) out.push(path);
  }
  return out;
}

export async function expandRuleFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if (path.startsWith('s3://'))
      throw new UserError(
        'rules in S3 are read by `detect --rules s3://...` only: copy them here to use them with this command (aws s3 sync)',
        { file: path },
      );
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new UserError('rules file or directory not found', { file: path });
    }
    if (info.isDirectory()) {
      const found = await walk(path);
      if (found.length === 0) throw new UserError('no .yaml or .yml rules files in this directory', { file: path });
      files.push(...found);
    } else files.push(path);
  }
  return files;
}

export async function readRuleSources(paths: readonly string[]): Promise<RuleSource[]> {
  const files = await expandRuleFiles(paths);
  const sources: RuleSource[] = [];
  for (const file of files) {
    try {
      sources.push({ file, text: await readFile(file, 'utf8') });
    } catch (error) {
      throw new UserError(`cannot read rules file: ${(error as Error).message}`, { file });
    }
  }
  return sources;
}

export async function builtinSources(): Promise<RuleSource[]> {
  const files = await walk(PACKS_DIR);
  return Promise.all(
    files.map(async (path) => ({
      file: `${BUILTIN_PREFIX}${path.slice(PACKS_DIR.length)}`,
      text: await readFile(path, 'utf8'),
    })),
  );
}
