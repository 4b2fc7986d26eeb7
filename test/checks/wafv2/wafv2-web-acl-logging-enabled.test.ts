import check from '../../../src/checks/wafv2/wafv2-web-acl-logging-enabled.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ACCOUNT_ID, awsError } from '../../support/snapshot-builders.ts';
import {
  LIST_DENIED,
  LIST_DENIED_ARN,
  NO_LOGGING,
  REGION,
  managedRule,
  wafSnapshot,
  webAcl,
} from './wafv2-builders.ts';

const acl = webAcl([managedRule('aws-common')]);

testCheck(check, {
  pass: [
    {
      name: 'logs to a CloudWatch Logs group',
      snapshot: wafSnapshot(acl),
      message: `api logs to arn:aws:logs:${REGION}:${ACCOUNT_ID}:log-group:aws-waf-logs-api`,
    },
  ],
  fail: [
    {
      name: 'no logging configuration (WAFNonexistentItemException)',
      snapshot: wafSnapshot(acl, NO_LOGGING),
      message: 'api does not log the requests it inspects',
    },
  ],
  unknown: [
    {
      name: 'GetLoggingConfiguration denied',
      snapshot: wafSnapshot(
        acl,
        awsError('AccessDeniedException', 'not authorized to perform: wafv2:GetLoggingConfiguration'),
      ),
      message: 'AccessDeniedException on wafv2:GetLoggingConfiguration',
    },
    {
      name: "ListWebACLs denied: the region's web ACLs are hidden",
      snapshot: LIST_DENIED,
      arn: LIST_DENIED_ARN,
      message: 'AccessDeniedException on wafv2:ListWebACLs',
    },
  ],
});
