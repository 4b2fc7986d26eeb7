/**
 * `detect --state FILE`: the stateful rules' windows, first-seen history and open sequences between runs.
 * JSON, versioned, written whole to a temporary file and renamed over the old one, so that a crash leaves the
 * previous state. A file that is not a state file of this version is an error (exit 2) unless --reset-state.
 */
import { readFile } from 'node:fs/promises';
import { UserError } from '../../errors.ts';
import { writeOutputFile } from '../../report/write-file.ts';
import type { SavedRuleState, StatefulStage } from './stage.ts';

export const STATE_FORMAT = 'cloudwarden-detect-state';
export const STATE_VERSION = 1;

interface StateFileData {
  format: typeof STATE_FORMAT;
  version: typeof STATE_VERSION;
  savedAt: string;
  rules: Record<string, SavedRuleState>;
}

function notState(path: string, why: string): UserError {
  return new UserError(
    `not a cloudwarden detect state file of version ${STATE_VERSION} (${why}); check --state, or pass --reset-state to start afresh`,
    {
      file: path,
      field: '--state',
    },
  );
}

/** Loads `path` into the stage; a missing file is a first run. `note` gets one line per rule that starts afresh. */
export async function loadState(path: string, stage: StatefulStage, note: (line: string) => void): Promise<void> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new UserError(`cannot read the state file: ${(error as Error).message}`, { file: path, field: '--state' });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw notState(path, `invalid JSON: ${(error as Error).message}`);
  }
  const file = data as Partial<StateFileData> | null;
  if (file === null || typeof file !== 'object' || file.format !== STATE_FORMAT)
    throw notState(path, `no "format": "${STATE_FORMAT}"`);
  if (file.version !== STATE_VERSION) throw notState(path, `version ${JSON.stringify(file.version)}`);
  const rules = file.rules;
  if (rules === null || typeof rules !== 'object' || Array.isArray(rules))
    throw notState(path, '"rules" is not an object');
  for (const [name, entry] of Object.entries(rules)) {
    if (entry === null || typeof entry !== 'object' || typeof entry.fingerprint !== 'string')
      throw notState(path, `rules.${name} has no fingerprint`);
  }
  try {
    stage.restore(rules, note);
  } catch (error) {
    throw notState(path, (error as Error).message);
  }
}

export async function saveState(path: string, stage: StatefulStage, now = new Date()): Promise<void> {
  const data: StateFileData = {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    savedAt: now.toISOString(),
    rules: stage.save(),
  };
  await writeOutputFile(path, `${JSON.stringify(data)}\n`, '--state');
}
