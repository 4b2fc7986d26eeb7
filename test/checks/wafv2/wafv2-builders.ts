import type { Snapshot } from '../../../src/model/snapshot-schema.ts';
import { snapshotOf } from '../../support/service-snapshot.ts';
import { ACCOUNT_ID, awsError } from '../../support/snapshot-builders.ts';

export const REGION = 'eu-west-1';
export const ACL_ID = 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';
export const ACL_ARN = `arn:aws:wafv2:${REGION}:${ACCOUNT_ID}:regional/webacl/api/${ACL_ID}`;

const visibility = (name: string, metrics = true) => ({
  SampledRequestsEnabled: true,
  CloudWatchMetricsEnabled: metrics,
  MetricName: name,
});

/** A rule that references the AWS core rule set, as GetWebACL returns it. */
export function managedRule(name: string, metrics = true) {
  return {
    Name: name,
    Priority: 1,
    Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' } },
    OverrideAction: { None: {} },
    VisibilityConfig: visibility(name, metrics),
  };
}

/** A GetWebACL answer for the `api` web ACL with `rules`. */
export function webAcl(rules: object[], defaultMetrics = true) {
  return {
    WebACL: {
      Name: 'api',
      Id: ACL_ID,
      ARN: ACL_ARN,
      DefaultAction: { Allow: {} },
      Description: '',
      Rules: rules,
      VisibilityConfig: visibility('api', defaultMetrics),
      Capacity: 700,
      ManagedByFirewallManager: false,
      LabelNamespace: `awswaf:${ACCOUNT_ID}:webacl:api:`,
    },
    LockToken: '2a8d7e1c-6b3f-4a5e-9c0d-1e2f3a4b5c6d',
    ApplicationIntegrationURL: `https://${ACL_ID}.${REGION}.sdk.awswaf.com/${ACL_ID}/`,
  };
}

export const LOGGING = {
  LoggingConfiguration: {
    ResourceArn: ACL_ARN,
    LogDestinationConfigs: [`arn:aws:logs:${REGION}:${ACCOUNT_ID}:log-group:aws-waf-logs-api`],
    ManagedByFirewallManager: false,
  },
};
export const NO_LOGGING = awsError(
  'WAFNonexistentItemException',
  "AWS WAF couldn't perform the operation because your resource doesn't exist.",
);
export const DENIED_FOLLOW_UP = awsError(
  'AccessDeniedException',
  `User: arn:aws:iam::${ACCOUNT_ID}:user/auditor is not authorized to perform: wafv2:GetWebACL`,
);

/** A region with the `api` web ACL, its GetWebACL and GetLoggingConfiguration answers as given. */
export function wafSnapshot(definition: unknown, logging: unknown = LOGGING): Snapshot {
  return snapshotOf({
    wafv2: {
      [REGION]: {
        ListWebACLs: {
          WebACLs: [
            {
              Name: 'api',
              Id: ACL_ID,
              Description: '',
              LockToken: '2a8d7e1c-6b3f-4a5e-9c0d-1e2f3a4b5c6d',
              ARN: ACL_ARN,
            },
          ],
        },
        GetWebACL: { [ACL_ARN]: definition },
        GetLoggingConfiguration: { [ACL_ARN]: logging },
      },
    },
  } as Parameters<typeof snapshotOf>[0]);
}

export const LIST_DENIED = snapshotOf({
  wafv2: {
    [REGION]: {
      ListWebACLs: awsError(
        'AccessDeniedException',
        `User: arn:aws:iam::${ACCOUNT_ID}:user/auditor is not authorized to perform: wafv2:ListWebACLs on resource: arn:aws:wafv2:${REGION}:${ACCOUNT_ID}:regional/webacl/*/*`,
      ),
    },
  },
});
export const LIST_DENIED_ARN = `arn:aws:wafv2:${REGION}:${ACCOUNT_ID}:regional/webacl/*`;
