import { filledRemediation } from './remediation-values.ts';
import type { Formatter } from './scan-report.ts';

export const formatJson: Formatter = (report) =>
  `${JSON.stringify(
    {
      schemaVersion: report.schemaVersion,
      accountId: report.accountId,
      generatedAt: report.generatedAt,
      collectedAt: report.collectedAt,
      partial: report.partial,
      notCollected: report.notCollected ?? [],
      ...(report.nonDefaultCheckOptions?.length ? { nonDefaultCheckOptions: report.nonDefaultCheckOptions } : {}),
      // a result's remediation names its own resource; `checks show --format json` keeps the placeholders
      results: report.results.map((r) => (r.remediation ? { ...r, remediation: filledRemediation(r) } : r)),
    },
    null,
    2,
  )}\n`;
