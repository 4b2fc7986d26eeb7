/**
 * A notice: what the sink layer delivers, whatever produced it (a detection alert, a posture finding that is new or
 * resolved, a malware verdict). Plain data, so that it can be written to the spool and read back after a restart.
 * `json` is the body webhooks, SNS, EventBridge and CloudWatch Logs carry: for an alert, exactly the Falco-shaped
 * object of `detect --format json`, so Falcosidekick-style consumers keep working.
 */
import { createHash } from 'node:crypto';
import { alertJson } from '../detect/sinks/alert-sink.ts';
import type { Alert, Priority } from '../detect/engine/types.ts';
import { fingerprint } from '../findings/fingerprint.ts';
import type { Result } from '../findings/result.ts';
import type { Severity } from '../findings/severity.ts';
import { resourceOf, resultOf } from '../malware/findings.ts';
import { objectRow } from '../malware/report.ts';
import { describeTarget, type ObjectVerdict } from '../malware/verdict.ts';

export const NOTICE_KINDS = ['alert', 'finding-new', 'finding-resolved', 'malware'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** What a notice came from, kept whole for the sinks that rebuild their own shape (Security Hub's ASFF). */
export type NoticeOrigin =
  | { kind: 'alert'; alert: Alert }
  | { kind: 'finding'; result: Result; collectedAt: string }
  | { kind: 'malware'; verdict: ObjectVerdict };

export interface Notice {
  kind: NoticeKind;
  /** the same thing notified twice has the same fingerprint (de-duplication, idempotent imports) */
  fingerprint: string;
  /** when it happened (the event's time, the scan's collection time, the scan time) */
  time: string;
  severity: Severity;
  /** a short headline: the rule name, the check title, `Malware found` */
  title: string;
  /** one line saying what happened (attacker-controlled text in it: escape for the medium) */
  text: string;
  account: string | null;
  region: string | null;
  /** the ARN (or file path) it is about, when there is one */
  resource: string | null;
  /** routing tags: the rule's tags, a resource's `key=value` tags */
  tags: string[];
  /** labelled facts for readable messages (Slack fields), in display order */
  facts: [string, string][];
  json: Record<string, unknown>;
  origin: NoticeOrigin;
}

/**
 * Falco's priorities on the finding severity scale that routing rules use: emergency, alert and critical are
 * critical; error is high; warning medium; notice low; informational and debug info.
 */
export const PRIORITY_SEVERITY: Record<Priority, Severity> = {
  EMERGENCY: 'critical',
  ALERT: 'critical',
  CRITICAL: 'critical',
  ERROR: 'high',
  WARNING: 'medium',
  NOTICE: 'low',
  INFORMATIONAL: 'info',
  DEBUG: 'info',
};

function hash(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

export function alertNotice(alert: Alert): Notice {
  const json = JSON.parse(alertJson(alert)) as Record<string, unknown>;
  // an alert is one rule on one event: a redelivered input gives the same fingerprint, another event a new one
  const identity = alert.eventID ?? `${alert.time}\u0000${alert.output}`;
  const facts: [string, string][] = [['Priority', alert.priority]];
  if (alert.eventName) facts.push(['Event', alert.eventName]);
  if (alert.recipientAccountId) facts.push(['Account', alert.recipientAccountId]);
  if (alert.awsRegion) facts.push(['Region', alert.awsRegion]);
  facts.push(['Time', alert.time]);
  if (alert.eventID) facts.push(['Event ID', alert.eventID]);
  return {
    kind: 'alert',
    fingerprint: hash('alert', alert.rule, identity),
    time: alert.time,
    severity: PRIORITY_SEVERITY[alert.priority],
    title: alert.rule,
    text: alert.output,
    account: alert.recipientAccountId,
    region: alert.awsRegion,
    resource: null,
    tags: [...alert.tags],
    facts,
    json,
    origin: { kind: 'alert', alert },
  };
}

/** A posture finding that appeared (`new`) or went away (`resolved`) between two scans. */
export function findingNotice(
  result: Result,
  change: 'new' | 'resolved',
  collectedAt: string,
  /** `deleted`: resolved because the resource is gone (`result` is then the finding as last seen, message why) */
  resolution?: 'deleted',
): Notice {
  const id = fingerprint(result.checkId, result.resource.arn);
  const tags = Object.entries(result.tags ?? {}).map(([k, v]) => `${k}=${v}`);
  return {
    kind: change === 'new' ? 'finding-new' : 'finding-resolved',
    fingerprint: hash(id, change),
    time: collectedAt,
    severity: result.severity,
    title: `${change === 'new' ? 'New finding' : resolution === 'deleted' ? 'Resolved (resource deleted)' : 'Resolved'}: ${result.title}`,
    text: result.message,
    account: result.accountId || null,
    region: result.resource.region || null,
    resource: result.resource.arn,
    tags,
    facts: [
      ['Check', result.checkId],
      ['Severity', result.severity],
      ['Account', result.accountId || '-'],
      ['Resource', result.resource.arn],
    ],
    json: {
      kind: change === 'new' ? 'finding-new' : 'finding-resolved',
      fingerprint: id,
      checkId: result.checkId,
      title: result.title,
      severity: result.severity,
      status: result.status,
      message: result.message,
      accountId: result.accountId,
      resource: result.resource,
      collectedAt,
      ...(change === 'resolved' ? { resolution: resolution ?? 'pass' } : {}),
    },
    origin: { kind: 'finding', result, collectedAt },
  };
}

/** Verdicts worth a notice: infected, and objects that could not be scanned (`error`, `unscanned`). */
export function malwareNotice(verdict: ObjectVerdict): Notice {
  const resource = resourceOf(verdict).arn;
  const version = verdict.target.kind === 's3' ? (verdict.target.versionId ?? '') : '';
  const infected = verdict.verdict === 'infected';
  const facts: [string, string][] = [
    ['Verdict', verdict.verdict],
    ['Object', describeTarget(verdict.target)],
  ];
  if (verdict.signature) facts.push(['Signature', verdict.signature]);
  if (verdict.reason) facts.push(['Reason', verdict.reason]);
  facts.push(['Scanned', verdict.scannedAt]);
  return {
    kind: 'malware',
    fingerprint: hash('malware', resource, version, verdict.verdict, verdict.signature ?? ''),
    time: verdict.scannedAt,
    severity: infected ? 'critical' : 'medium',
    title: infected ? 'Malware found' : 'Object not scanned',
    text: resultOf(verdict).message + (verdict.reason && !infected ? `: ${verdict.reason}` : ''),
    account: null,
    region: verdict.target.kind === 's3' ? (verdict.target.region ?? null) : null,
    resource,
    tags: [],
    facts,
    json: { kind: 'malware', ...objectRow(verdict) },
    origin: { kind: 'malware', verdict },
  };
}
