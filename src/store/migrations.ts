/**
 * Versioned schema changes, applied in order when a store opens (Kysely's migrator records them in
 * `kysely_migration` and holds a lock while it runs, so two processes starting on one PostgreSQL database apply
 * each migration once). Append new ones; never edit one that has shipped.
 */
import { type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { StoreSchema } from './schema.ts';
import { refreshOpenCounts, refreshTrend } from './summary.ts';

type Engine = 'sqlite' | 'postgres';

/** The auto-numbered scan id is the one column each engine spells its own way. */
function initial(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('scans')
        .addColumn('id', engine === 'postgres' ? 'serial' : 'integer', (c) =>
          engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('started_by', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('collected_at', 'text', (c) => c.notNull())
        .addColumn('accounts', 'text', (c) => c.notNull())
        .addColumn('regions', 'text', (c) => c.notNull())
        .addColumn('services', 'text', (c) => c.notNull())
        .addColumn('checks', 'text', (c) => c.notNull())
        .addColumn('partial', 'integer', (c) => c.notNull())
        .addColumn('snapshot_digest', 'text', (c) => c.notNull())
        .addColumn('result_count', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('scans_started_at').on('scans').column('started_at').execute();

      await db.schema
        .createTable('findings')
        .addColumn('fingerprint', 'text', (c) => c.primaryKey())
        .addColumn('check_id', 'text', (c) => c.notNull())
        .addColumn('resource_arn', 'text', (c) => c.notNull())
        .addColumn('resource_type', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('verdict', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('first_seen', 'text', (c) => c.notNull())
        .addColumn('last_seen', 'text', (c) => c.notNull())
        .addColumn('first_scan', 'integer', (c) => c.notNull())
        .addColumn('last_scan', 'integer', (c) => c.notNull())
        .addColumn('resolved_at', 'text')
        .addColumn('resolved_scan', 'integer')
        .execute();
      await db.schema.createIndex('findings_account_state').on('findings').columns(['account_id', 'state']).execute();
      await db.schema.createIndex('findings_resource').on('findings').column('resource_arn').execute();
      await db.schema.createIndex('findings_check').on('findings').column('check_id').execute();
      await db.schema.createIndex('findings_last_seen').on('findings').column('last_seen').execute();

      await db.schema
        .createTable('finding_events')
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('scan_id', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('verdict', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('finding_events_pk', ['fingerprint', 'scan_id'])
        .execute();
      await db.schema.createIndex('finding_events_scan').on('finding_events').column('scan_id').execute();

      await db.schema
        .createTable('acceptances')
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('accepted_by', 'text')
        .addColumn('expires', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_applied_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addPrimaryKeyConstraint('acceptances_pk', ['fingerprint', 'origin'])
        .execute();

      await db.schema
        .createTable('alerts')
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('priority', 'text', (c) => c.notNull())
        .addColumn('event_time', 'text', (c) => c.notNull())
        .addColumn('event_name', 'text', (c) => c.notNull())
        .addColumn('principal', 'text', (c) => c.notNull())
        .addColumn('resource', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('output', 'text', (c) => c.notNull())
        .addColumn('stored_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('alerts_pk', ['event_id', 'rule'])
        .execute();
      await db.schema.createIndex('alerts_event_time').on('alerts').column('event_time').execute();

      await db.schema
        .createTable('vuln_findings')
        .addColumn('finding_arn', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('resource_id', 'text', (c) => c.notNull())
        .addColumn('resource_type', 'text', (c) => c.notNull())
        .addColumn('vulnerability_id', 'text', (c) => c.notNull())
        .addColumn('package', 'text', (c) => c.notNull())
        .addColumn('fixed_in', 'text', (c) => c.notNull())
        .addColumn('first_observed_at', 'text', (c) => c.notNull())
        .addColumn('last_observed_at', 'text', (c) => c.notNull())
        .addColumn('first_stored_at', 'text', (c) => c.notNull())
        .addColumn('last_stored_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('malware_verdicts')
        .addColumn('bucket', 'text', (c) => c.notNull())
        .addColumn('object_key', 'text', (c) => c.notNull())
        .addColumn('version_id', 'text', (c) => c.notNull())
        .addColumn('verdict', 'text', (c) => c.notNull())
        .addColumn('signature', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('scanned_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('malware_verdicts_pk', ['bucket', 'object_key', 'version_id', 'scanned_at'])
        .execute();
    },
  };
}

/**
 * The resource's tags on each finding (JSON text, keys sorted), so that the dashboard and `findings --tag` select
 * a zone the way accept files do; and the dashboard's acceptance list read by expiry.
 */
const findingTags: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('findings')
      .addColumn('tags', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
    await db.schema.createIndex('acceptances_expires').on('acceptances').column('expires').execute();
  },
};

/** Each scan's results per check and verdict (see ScanChecksTable). */
const scanChecks: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('scan_checks')
      .addColumn('scan_id', 'integer', (c) => c.notNull())
      .addColumn('check_id', 'text', (c) => c.notNull())
      .addColumn('passed', 'integer', (c) => c.notNull())
      .addColumn('failed', 'integer', (c) => c.notNull())
      .addColumn('unknown', 'integer', (c) => c.notNull())
      .addColumn('accepted', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('scan_checks_pk', ['scan_id', 'check_id'])
      .execute();
  },
};

/**
 * Scheduled scans of `watch`: one row per schedule and planned time, claimed by the process that runs it, so that
 * a slot runs once however many watch processes share the store (src/watch/schedule-lock.ts).
 */
const scheduleRuns: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('schedule_runs')
      .addColumn('schedule', 'text', (c) => c.notNull())
      .addColumn('slot', 'text', (c) => c.notNull())
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('outcome', 'text')
      .addPrimaryKeyConstraint('schedule_runs_pk', ['schedule', 'slot'])
      .execute();
  },
};

/** Organization scans fanned out over SQS: the run with its expected accounts, and each account's claim and outcome. */
const orgRuns: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('org_runs')
      .addColumn('run_id', 'text', (c) => c.primaryKey())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('queue_url', 'text', (c) => c.notNull())
      .addColumn('role_name', 'text', (c) => c.notNull())
      .addColumn('regions', 'text', (c) => c.notNull())
      .addColumn('services', 'text', (c) => c.notNull())
      .addColumn('accounts', 'text', (c) => c.notNull())
      .addColumn('account_count', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('org_run_accounts')
      .addColumn('run_id', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('worker', 'text', (c) => c.notNull())
      .addColumn('lease_until', 'text', (c) => c.notNull())
      .addColumn('scan_id', 'integer')
      .addColumn('detail', 'text', (c) => c.notNull())
      .addColumn('done_at', 'text')
      .addPrimaryKeyConstraint('org_run_accounts_pk', ['run_id', 'account_id'])
      .execute();
  },
};

/**
 * The dashboard's summaries (summary.ts), filled from the findings and verdict history already stored, and the
 * indexes its remaining queries need: the findings table's default order (newest last seen, then resource and
 * check) so that its first page stops after 50 rows, one severity in resource order, the week's new and resolved
 * findings, and the live dashboard acceptances.
 */
const dashboardSummary: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('open_finding_counts')
      .addColumn('check_id', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('region', 'text', (c) => c.notNull())
      .addColumn('verdict', 'text', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('open_finding_counts_pk', ['account_id', 'check_id', 'severity', 'region', 'verdict'])
      .execute();
    await db.schema
      .createTable('trend_days')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('failing', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('trend_days_pk', ['day', 'severity'])
      .execute();
    await db.schema
      .createIndex('findings_default_order')
      .on('findings')
      .columns(['last_seen desc', 'resource_arn', 'check_id'])
      .execute();
    // findings_default_order serves every `last seen since` range findings_last_seen did
    await db.schema.dropIndex('findings_last_seen').execute();
    // the findings page filtered to one severity (and account), in resource and check order: read in order, no sort
    await db.schema
      .createIndex('findings_severity_order')
      .on('findings')
      .columns(['severity', 'account_id', 'resource_arn', 'check_id'])
      .execute();
    await db.schema.createIndex('findings_first_seen').on('findings').column('first_seen').execute();
    // resolved_at alone: an index led by state would look selective to a planner without statistics, which then
    // sorts every open finding instead of walking findings_default_order
    await db.schema.createIndex('findings_resolved_at').on('findings').column('resolved_at').execute();
    await db.schema.createIndex('acceptances_origin').on('acceptances').columns(['origin', 'revoked_at']).execute();
    const store = db as unknown as Kysely<StoreSchema>;
    await refreshOpenCounts(store);
    await refreshTrend(store);
  },
};

/** Every migration, by name (the names sort in the order they apply). */
export function migrationProvider(engine: Engine): MigrationProvider {
  return {
    getMigrations: () =>
      Promise.resolve({
        '0001-initial': initial(engine),
        '0002-finding-tags': findingTags,
        '0003-scan-checks': scanChecks,
        '0004-schedule-runs': scheduleRuns,
        '0005-org-runs': orgRuns,
        '0006-dashboard-summary': dashboardSummary,
      }),
  };
}
