/** Inspector findings into the store: one row per finding ARN, its latest state, first and last stored. */
import type { InspectorFinding } from '../vulns/finding.ts';
import { primaryResource } from '../vulns/finding.ts';
import type { StoreDb } from './open.ts';
import type { VulnFindingsTable } from './schema.ts';

function rowOf(finding: InspectorFinding, storedAt: string): VulnFindingsTable {
  const resource = primaryResource(finding);
  const details = finding.packageVulnerabilityDetails;
  const packages = details?.vulnerablePackages ?? [];
  return {
    finding_arn: finding.findingArn,
    account_id: finding.awsAccountId,
    severity: finding.severity,
    status: finding.status,
    title: finding.title ?? '',
    resource_id: resource?.id ?? '',
    resource_type: resource?.type ?? '',
    vulnerability_id: details?.vulnerabilityId ?? '',
    package: packages.map((p) => p.name ?? '').join(','),
    fixed_in: packages.map((p) => p.fixedInVersion ?? '').join(','),
    first_observed_at: finding.firstObservedAt.toISOString(),
    last_observed_at: finding.lastObservedAt.toISOString(),
    first_stored_at: storedAt,
    last_stored_at: storedAt,
  };
}

/** Rows per statement: 14 columns, well under SQLite's 32,766 bound parameters. */
const ROWS_PER_INSERT = 500;

/** Stores (or updates) these findings; a finding seen before keeps its first_stored_at. */
export async function storeVulnFindings(
  store: StoreDb,
  findings: readonly InspectorFinding[],
  storedAt: string,
): Promise<void> {
  for (let i = 0; i < findings.length; i += ROWS_PER_INSERT) {
    await store.db
      .insertInto('vuln_findings')
      .values(findings.slice(i, i + ROWS_PER_INSERT).map((f) => rowOf(f, storedAt)))
      .onConflict((oc) =>
        oc.column('finding_arn').doUpdateSet((eb) => ({
          account_id: eb.ref('excluded.account_id'),
          severity: eb.ref('excluded.severity'),
          status: eb.ref('excluded.status'),
          title: eb.ref('excluded.title'),
          resource_id: eb.ref('excluded.resource_id'),
          resource_type: eb.ref('excluded.resource_type'),
          vulnerability_id: eb.ref('excluded.vulnerability_id'),
          package: eb.ref('excluded.package'),
          fixed_in: eb.ref('excluded.fixed_in'),
          first_observed_at: eb.ref('excluded.first_observed_at'),
          last_observed_at: eb.ref('excluded.last_observed_at'),
          last_stored_at: eb.ref('excluded.last_stored_at'),
        })),
      )
      .execute();
  }
}
