/**
 * The contract between the rule engine (rules, fields, matcher) and the detection pipeline
 * (sources, workers, sinks, the `detect` command). Keep these names stable: add, never rename.
 */
import type { FieldValue } from '../fields/event.ts';
import type { TopMembers } from './raw-fields.ts';

export type Priority = 'EMERGENCY' | 'ALERT' | 'CRITICAL' | 'ERROR' | 'WARNING' | 'NOTICE' | 'INFORMATIONAL' | 'DEBUG';

/** One JSON line of `detect --format json`, with exactly these names. */
export interface Alert {
  /** the event's eventTime (ISO) */
  time: string;
  rule: string;
  priority: Priority;
  output: string;
  tags: string[];
  source: 'aws_cloudtrail';
  output_fields: Record<string, string | number | boolean | null>;
  eventID: string | null;
  eventName: string | null;
  awsRegion: string | null;
  recipientAccountId: string | null;
}

/** One step of a stateful rule this event matched, with the key its `by` fields make (a JSON array text). */
export interface StatefulHit {
  /** the sequence step (0 for threshold and first_seen) */
  step: number;
  key: string;
  /** first_seen `given`: the part of the key that must have history */
  given?: string;
  /** threshold `distinct`: the values this event adds (none: it does not count) */
  values?: string[];
}

/**
 * Only between the matcher and the pipeline's stateful stage (src/detect/stateful/): a stateful rule's match with its
 * keys. Most matches only update the state, so it holds the field values the alert would be made of, not the alert:
 * the stage builds one (engine/alert-build.ts) only when the match fires. Plain data: it crosses from a worker.
 */
export interface StatefulMatch {
  rule: string;
  /** the event's eventTime */
  time: string;
  eventID: string | null;
  eventName: string | null;
  awsRegion: string | null;
  recipientAccountId: string | null;
  /** the value of each slot the rule's alert reads, in alertSlots(rule) order */
  values: FieldValue[];
  hits: StatefulHit[];
  /**
   * how many alerts of the same list come before it: an event's alerts, stateful or not, keep the rules' load order
   * (a task's result counts from the start of its list)
   */
  before: number;
}

/** `stateful`: the stateful rules' matches, each placed among `alerts` by its `before` */
export type MatchOutcome =
  { kind: 'ok'; alerts: Alert[]; stateful?: StatefulMatch[]; evaluated: boolean } | { kind: 'bad'; reason: string };

export interface Matcher {
  /**
   * Raw JSON text of ONE CloudTrail record. Returns 'bad' for invalid JSON or a record without eventTime/eventName.
   * Records no rule can match are skipped on the event name read from the raw text, without parsing;
   * the record is parsed at most once and each field extracted at most once per event.
   * `evaluated` says whether any rule condition was evaluated.
   * The outcome of a skipped record is shared and frozen: read it, do not change it.
   * `members`: what the splitter's syntax check found of the record's own members (only for text it found valid);
   * without it the matcher reads them from the text.
   */
  matchRaw(text: string, members?: TopMembers): MatchOutcome;
  /**
   * ONE record already parsed (a whole log file parsed at once, pipeline/whole-file.ts): the same alerts as matchRaw
   * on its text. Without the text no literal is searched first, so more records count as `evaluated`.
   */
  matchRecord?(record: Record<string, unknown>): MatchOutcome;
  /** number of enabled rules compiled into this matcher */
  readonly ruleCount: number;
}

export interface LoadOptions {
  /** load the built-in packs under src/detect/packs */
  builtin: boolean;
  /** rule files or directories (every *.yaml / *.yml inside, sorted), or s3:// prefixes when `remote` is given */
  files: string[];
  /** reads the rule texts under an s3:// URI (detect passes the S3 reader; the engine never talks to AWS) */
  remote?: (uri: string) => Promise<RuleSource[]>;
}

export type DiagnosticSeverity = 'error' | 'warning';

export interface RuleDiagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
  severity: DiagnosticSeverity;
}

/** A rule source as plain data: what crosses a worker-thread boundary. */
export interface RuleSource {
  file: string;
  text: string;
}
