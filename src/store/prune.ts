/**
 * `cloudwarden db prune --older-than 400d`: retention. Open findings stay whatever their age (they are still
 * true) with their whole history; what goes is scans, findings resolved before the cut-off with their history and
 * acceptances, and alerts, malware verdicts and vulnerability findings older than it.
 */
import type { StoreDb } from './open.ts';
import { chunks } from './batches.ts';
import { refreshSummaries } from './summary.ts';

export interface PruneCounts {
  scans: number;
  findings: number;
  alerts: number;
  malwareVerdicts: number;
  vulnFindings: number;
}

export async function pruneStore(store: StoreDb, cutoff: string): Promise<PruneCounts> {
  return store.db.transaction().execute(async (trx) => {
    const gone = await trx
      .selectFrom('findings')
      .select('fingerprint')
      .where('state', '=', 'resolved')
      .where('resolved_at', '<', cutoff)
      .execute();
    for (const part of chunks(
      gone.map((g) => g.fingerprint),
      5_000,
    )) {
      await trx.deleteFrom('finding_events').where('fingerprint', 'in', part).execute();
      await trx.deleteFrom('acceptances').where('fingerprint', 'in', part).execute();
      await trx.deleteFrom('findings').where('fingerprint', 'in', part).execute();
    }
    const old = trx.selectFrom('scans').select('id').where('started_at', '<', cutoff);
    await trx.deleteFrom('scan_checks').where('scan_id', 'in', old).execute();
    const scans = await trx.deleteFrom('scans').where('started_at', '<', cutoff).executeTakeFirst();
    const alerts = await trx.deleteFrom('alerts').where('event_time', '<', cutoff).executeTakeFirst();
    const malware = await trx.deleteFrom('malware_verdicts').where('scanned_at', '<', cutoff).executeTakeFirst();
    const vulns = await trx.deleteFrom('vuln_findings').where('last_stored_at', '<', cutoff).executeTakeFirst();
    // only resolved findings went, but the summaries are recounted whole: a prune is rare and must leave them exact
    await refreshSummaries(trx, store.engine);
    return {
      scans: Number(scans.numDeletedRows),
      findings: gone.length,
      alerts: Number(alerts.numDeletedRows),
      malwareVerdicts: Number(malware.numDeletedRows),
      vulnFindings: Number(vulns.numDeletedRows),
    };
  });
}
