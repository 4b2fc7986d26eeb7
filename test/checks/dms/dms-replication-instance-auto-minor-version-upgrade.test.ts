import check from '../../../src/checks/dms/dms-replication-instance-auto-minor-version-upgrade.ts';
import { testCheck } from '../../support/check-tester.ts';
import { INSTANCES_DENIED, dms, replicationInstance } from './dms-builders.ts';

const one = (fields: Record<string, unknown>) =>
  dms({ instances: [replicationInstance('migrate', fields)], endpoints: [] });

testCheck(check, {
  pass: [{ name: 'on', snapshot: one({}), message: 'migrate applies minor version upgrades automatically' }],
  fail: [
    {
      name: 'off',
      snapshot: one({ AutoMinorVersionUpgrade: false }),
      message: 'migrate does not apply minor version upgrades automatically',
    },
  ],
  unknown: [INSTANCES_DENIED],
});
