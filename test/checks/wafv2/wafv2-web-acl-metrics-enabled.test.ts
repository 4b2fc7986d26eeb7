import check from '../../../src/checks/wafv2/wafv2-web-acl-metrics-enabled.ts';
import { testCheck } from '../../support/check-tester.ts';
import { DENIED_FOLLOW_UP, LIST_DENIED, LIST_DENIED_ARN, managedRule, wafSnapshot, webAcl } from './wafv2-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'every rule and the default action',
      snapshot: wafSnapshot(webAcl([managedRule('aws-common')])),
      message: 'api sends CloudWatch metrics for every rule and its default action',
    },
  ],
  fail: [
    {
      name: 'one rule without metrics',
      snapshot: wafSnapshot(webAcl([managedRule('aws-common'), managedRule('rate-limit', false)])),
      message: 'api sends no CloudWatch metrics for rate-limit',
    },
    {
      name: 'the default action without metrics',
      snapshot: wafSnapshot(webAcl([managedRule('aws-common')], false)),
      message: 'api sends no CloudWatch metrics for the default action',
    },
  ],
  unknown: [
    {
      name: 'GetWebACL denied',
      snapshot: wafSnapshot(DENIED_FOLLOW_UP),
      message: 'AccessDeniedException on wafv2:GetWebACL',
    },
    {
      name: "ListWebACLs denied: the region's web ACLs are hidden",
      snapshot: LIST_DENIED,
      arn: LIST_DENIED_ARN,
      message: 'AccessDeniedException on wafv2:ListWebACLs',
    },
  ],
});
