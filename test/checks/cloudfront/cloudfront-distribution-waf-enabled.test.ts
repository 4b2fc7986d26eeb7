import check from '../../../src/checks/cloudfront/cloudfront-distribution-waf-enabled.ts';
import { testCheck } from '../../support/check-tester.ts';
import { cloudfrontSnapshot, distribution, WAF_CLASSIC_ACL_ID } from '../../support/cloudfront-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

function withoutWebAclId(summary: ReturnType<typeof distribution>): ReturnType<typeof distribution> {
  const { WebACLId: _omitted, ...rest } = summary;
  return rest as ReturnType<typeof distribution>;
}

testCheck(check, {
  pass: [
    {
      name: 'a WAFv2 web ACL (WebACLId is its ARN)',
      snapshot: cloudfrontSnapshot([distribution('E2QWRUHAPOMQZL')]),
      message: 'distribution E2QWRUHAPOMQZL (e2qwruhapomqzl.example.com) is protected by web ACL edge-protection',
    },
    {
      name: 'a WAF Classic web ACL (WebACLId is its id)',
      snapshot: cloudfrontSnapshot([distribution('E2QWRUHAPOMQZL', { WebACLId: WAF_CLASSIC_ACL_ID })]),
      message: `WAF Classic web ACL ${WAF_CLASSIC_ACL_ID} (WAF Classic has reached end of support`,
    },
  ],
  fail: [
    {
      name: 'no web ACL (WebACLId is "")',
      snapshot: cloudfrontSnapshot([distribution('E1NOACLEXAMPLE', { WebACLId: '' })]),
      message: 'distribution E1NOACLEXAMPLE (e1noaclexample.example.com) has no WAF web ACL',
    },
    {
      name: 'a disabled distribution without a web ACL says it is disabled',
      snapshot: cloudfrontSnapshot([
        distribution('E1NOACLEXAMPLE', { WebACLId: '', Enabled: false, Aliases: { Quantity: 0 } }),
      ]),
      message: 'disabled distribution E1NOACLEXAMPLE (de1noaclexample.cloudfront.net) has no WAF web ACL',
    },
  ],
  unknown: [
    {
      name: 'a listing without WebACLId (a hand-built snapshot): not read, so not decided',
      snapshot: cloudfrontSnapshot([withoutWebAclId(distribution('E1NOACLEXAMPLE'))]),
      message: 'ListDistributions gave no WebACLId',
    },
    {
      name: 'ListDistributions denied: every distribution is hidden',
      snapshot: cloudfrontSnapshot(
        awsError(
          'AccessDenied',
          'User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: cloudfront:ListDistributions',
        ),
      ),
      arn: 'arn:aws:cloudfront::123456789012:distribution/*',
      message: 'AccessDenied on cloudfront:ListDistributions in global',
    },
    {
      name: 'a cloudfront section without ListDistributions (not collected)',
      snapshot: { ...cloudfrontSnapshot([]), cloudfront: {} },
      arn: 'arn:aws:cloudfront::123456789012:distribution/*',
      message: 'cloudfront:ListDistributions was not collected in global',
    },
  ],
});
