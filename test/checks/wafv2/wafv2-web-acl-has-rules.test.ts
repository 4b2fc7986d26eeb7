import check from '../../../src/checks/wafv2/wafv2-web-acl-has-rules.ts';
import { testCheck } from '../../support/check-tester.ts';
import {
  ACL_ARN,
  DENIED_FOLLOW_UP,
  LIST_DENIED,
  LIST_DENIED_ARN,
  managedRule,
  wafSnapshot,
  webAcl,
} from './wafv2-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'a managed rule group',
      snapshot: wafSnapshot(webAcl([managedRule('aws-common')])),
      arn: ACL_ARN,
      message: 'api has 1 rule(s): aws-common',
    },
  ],
  fail: [{ name: 'no rules', snapshot: wafSnapshot(webAcl([])), message: 'api has no rules' }],
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
