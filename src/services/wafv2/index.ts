import {
  GetLoggingConfigurationCommand,
  GetWebACLCommand,
  ListWebACLsCommand,
  WAFV2Client,
} from '@aws-sdk/client-wafv2';
import { defineService } from '../define-service.ts';
import { WAFV2_LISTINGS, WAFV2_PER_RESOURCE } from './schema.ts';

type Listed = { WebACLs?: { Name?: string; Id?: string; ARN?: string }[] } | undefined;

/** The regional web ACLs ListWebACLs named, each with what identifies it to the follow-up calls. */
function webAcls(answers: Readonly<Record<string, unknown>>) {
  return ((answers.ListWebACLs as Listed)?.WebACLs ?? []).flatMap((acl) =>
    acl.ARN && acl.Name && acl.Id ? [{ arn: acl.ARN, name: acl.Name, id: acl.Id }] : [],
  );
}

/**
 * AWS WAF evidence of one region: its regional web ACLs (those protecting load balancers, API Gateway stages,
 * AppSync and Cognito), each one's rules and its logging configuration. CloudFront's web ACLs (scope CLOUDFRONT,
 * listed only in us-east-1) are not collected here.
 */
export default defineService({
  name: 'wafv2',
  title: 'AWS WAF',
  scope: 'regional',
  client: WAFV2Client,
  operations: {
    ListWebACLs: {
      command: ListWebACLsCommand,
      input: () => ({ Scope: 'REGIONAL', Limit: 100 }),
      pages: { input: 'NextMarker', output: 'NextMarker', items: ['WebACLs'] },
      response: WAFV2_LISTINGS.ListWebACLs,
      iam: ['wafv2:ListWebACLs'],
    },
    GetWebACL: {
      command: GetWebACLCommand,
      perResource: {
        after: ['ListWebACLs'],
        targets: (answers) =>
          webAcls(answers).map((acl) => ({ key: acl.arn, input: { Name: acl.name, Id: acl.id, Scope: 'REGIONAL' } })),
      },
      response: WAFV2_PER_RESOURCE.GetWebACL,
      iam: ['wafv2:GetWebACL'],
    },
    GetLoggingConfiguration: {
      command: GetLoggingConfigurationCommand,
      perResource: {
        after: ['ListWebACLs'],
        targets: (answers) => webAcls(answers).map((acl) => ({ key: acl.arn, input: { ResourceArn: acl.arn } })),
      },
      response: WAFV2_PER_RESOURCE.GetLoggingConfiguration,
      // a web ACL that logs nowhere has no logging configuration
      notConfigured: ['WAFNonexistentItemException'],
      iam: ['wafv2:GetLoggingConfiguration'],
    },
  },
});
