import check from '../../../src/checks/dms/dms-replication-instance-not-public.ts';
import { testCheck } from '../../support/check-tester.ts';
import { INSTANCES_DENIED, dms, replicationInstance } from './dms-builders.ts';

const one = (fields: Record<string, unknown>) =>
  dms({ instances: [replicationInstance('migrate', fields)], endpoints: [] });

testCheck(check, {
  pass: [{ name: 'private', snapshot: one({}), message: 'migrate is private' }],
  fail: [
    {
      name: 'public, with a public address',
      snapshot: one({
        PubliclyAccessible: true,
        ReplicationInstancePublicIpAddress: '52.18.44.7',
        ReplicationInstancePublicIpAddresses: ['52.18.44.7'],
      }),
      message: 'migrate is publicly accessible at 52.18.44.7',
    },
  ],
  unknown: [INSTANCES_DENIED],
});
