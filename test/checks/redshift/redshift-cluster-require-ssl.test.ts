import check from '../../../src/checks/redshift/redshift-cluster-require-ssl.ts';
import { testCheck } from '../../support/check-tester.ts';
import { awsError } from '../../support/snapshot-builders.ts';
import {
  CLUSTERS_DENIED,
  GROUP,
  LOGGING_ON,
  PARAMETERS_DENIED,
  cluster,
  oneCluster,
  parameters,
} from './redshift-builders.ts';

const withParams = (params: unknown, fields: Record<string, unknown> = {}) =>
  oneCluster(cluster('analytics', fields), { logging: LOGGING_ON, params });

testCheck(check, {
  pass: [
    {
      name: 'require_ssl true, in sync',
      snapshot: oneCluster(cluster('warehouse')),
      message: `warehouse requires SSL (require_ssl is true in ${GROUP})`,
    },
  ],
  fail: [
    {
      name: 'the default parameter group (require_ssl false)',
      snapshot: withParams(parameters('false'), {
        ClusterParameterGroups: [{ ParameterGroupName: 'default.redshift-2.0', ParameterApplyStatus: 'in-sync' }],
      }),
      message: 'analytics accepts unencrypted connections (require_ssl is false in default.redshift-2.0)',
    },
    {
      name: 'set to true but waiting for a reboot',
      snapshot: withParams(parameters('true'), {
        ClusterParameterGroups: [{ ParameterGroupName: GROUP, ParameterApplyStatus: 'pending-reboot' }],
      }),
      message: 'not in force yet (pending-reboot',
    },
  ],
  unknown: [
    {
      name: 'DescribeClusterParameters denied',
      snapshot: withParams(PARAMETERS_DENIED),
      message: 'AccessDenied on redshift:DescribeClusterParameters',
    },
    {
      name: 'the group was deleted after the listing',
      snapshot: withParams(awsError('ClusterParameterGroupNotFound', `Could not find parameter group ${GROUP}`)),
      message: 'ClusterParameterGroupNotFound on redshift:DescribeClusterParameters',
    },
    {
      name: 'the group does not list require_ssl',
      snapshot: withParams(parameters(null)),
      message: 'does not list require_ssl',
    },
    {
      name: 'not collected',
      snapshot: oneCluster(cluster('analytics'), { logging: LOGGING_ON }),
      message: 'redshift:DescribeClusterParameters',
    },
    CLUSTERS_DENIED,
  ],
});
