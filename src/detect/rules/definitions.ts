import type { Priority } from '../engine/types.ts';
import type { StatefulDef } from '../stateful/definition.ts';
import type { LocatedText, Pos } from './located.ts';
import type { Located } from './yaml-items.ts';

export interface ListDef {
  name: string;
  items: Located<string>[];
  pos: Pos;
}

export interface MacroDef {
  name: string;
  condition: LocatedText;
  pos: Pos;
}

/** One value of an exception tuple: a single value, or a list of values (for in/intersects/pmatch). */
export type ExceptionPart = Located<string> | { list: Located<string>[]; pos: Pos };

export interface ExceptionDef {
  name: string;
  pos: Pos;
  fields: Located<string>[];
  comps: Located<string>[];
  /** each entry is one tuple with one part per field */
  values: { parts: ExceptionPart[]; pos: Pos }[];
}

export interface RuleDef {
  name: string;
  pos: Pos;
  file: string;
  desc: string;
  condition: LocatedText;
  output: LocatedText;
  priority: Priority;
  source: string;
  tags: string[];
  enabled: boolean;
  exceptions: ExceptionDef[];
  skipIfUnknownFilter: boolean;
  /** the cloudwarden-only `cloudwarden:` key: threshold, first_seen or sequence */
  stateful?: StatefulDef;
}

export const PRIORITIES: readonly Priority[] = [
  'EMERGENCY',
  'ALERT',
  'CRITICAL',
  'ERROR',
  'WARNING',
  'NOTICE',
  'INFORMATIONAL',
  'DEBUG',
];

/** Falco reads priorities ignoring case and takes INFO for INFORMATIONAL. */
export function parsePriority(text: string): Priority | undefined {
  const upper = text.trim().toUpperCase();
  if (upper === 'INFO') return 'INFORMATIONAL';
  return PRIORITIES.find((p) => p === upper);
}

/** `priority` is `min` or more severe (Falco's `priority` setting and `-o priority=...`: lower ones are dropped). */
export function atLeastPriority(priority: Priority, min: Priority): boolean {
  return PRIORITIES.indexOf(priority) <= PRIORITIES.indexOf(min);
}
