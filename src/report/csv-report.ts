import { toCsv } from './csv.ts';
import { resourceName } from './report-model.ts';
import type { Formatter } from './scan-report.ts';

const HEADER = [
  'account_id',
  'resource_arn',
  'resource_name',
  'resource_type',
  'region',
  'check_id',
  'aliases',
  'title',
  'severity',
  'status',
  'message',
  'reason',
  'accepted_by',
  'accepted_reason',
  'accepted_until',
  'accepted_in',
  'reference',
  'tags',
] as const;

/** One row per result (RFC 4180, every cell neutralised against formula injection). */
export const formatCsv: Formatter = (report) =>
  toCsv(
    HEADER,
    report.results.map((r) => [
      r.accountId,
      r.resource.arn,
      resourceName(r.resource.arn),
      r.resource.type,
      r.resource.region,
      r.checkId,
      r.aliases.join(' '),
      r.title,
      r.severity,
      r.status,
      r.message,
      r.reason,
      r.acceptance?.acceptedBy,
      r.acceptance?.reason,
      r.acceptance?.expires,
      r.acceptance?.source,
      r.references[0],
      Object.entries(r.tags ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join('; '),
    ]),
  );
