import { defineServiceState } from '../define-state.ts';
import { present } from '../../model/observed.ts';
import type { RdsInstance, RdsState } from './model.ts';
import { normaliseRds } from './normalise.ts';

/** Amazon RDS in the account state: `state.rds` (DB instances of every region). */
export default defineServiceState({
  sections: ['rds'],
  normalise: (snapshot, context) => normaliseRds(snapshot.rds ?? {}, context),
  resources: {
    'rds-instance': {
      securityHubType: 'AwsRdsDbInstance',
      // `db:<identifier>`: a colon where most services put a slash
      arn: ({ partition, region, accountId, id }) => `arn:${partition}:rds:${region}:${accountId}:db:${id}`,
      of: (state: RdsState) => state.instances,
    },
  },
  operations: {
    // the instance is its own evidence: a listing that failed hid it (a gap), one that answered named it
    'rds:DescribeDBInstances': { scope: 'rds-instance', read: (_state: RdsState, db: RdsInstance) => present(db) },
  },
});
