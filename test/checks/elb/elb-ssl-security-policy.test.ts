import check from '../../../src/checks/elb/elb-ssl-security-policy.ts';
import { testCheck } from '../../support/check-tester.ts';
import { awsError } from '../../support/snapshot-builders.ts';
import { ACM_CERT, clb, denied, http, https, LISTING_DENIED, negotiationPolicy, oneClb } from './elb-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'the HTTPS listener uses a policy based on ELBSecurityPolicy-TLS-1-2-2017-01',
      snapshot: oneClb(clb('web'), { policies: negotiationPolicy() }),
      message: 'every HTTPS/SSL listener of web uses ELBSecurityPolicy-TLS-1-2-2017-01',
    },
    {
      name: 'no HTTPS/SSL listener (DescribeLoadBalancerPolicies not asked)',
      snapshot: oneClb(clb('web', [http()])),
      message: 'web: it has no HTTPS or SSL listener',
    },
  ],
  fail: [
    {
      name: 'the 2016-08 default policy (TLS 1.0 and 1.1 allowed)',
      snapshot: oneClb(clb('web', [https(ACM_CERT, 'ELBSecurityPolicy-2016-08')]), {
        policies: negotiationPolicy('ELBSecurityPolicy-2016-08', 'ELBSecurityPolicy-2016-08'),
      }),
      message:
        'web does not use ELBSecurityPolicy-TLS-1-2-2017-01 on HTTPS 443 (ELBSecurityPolicy-2016-08, based on ELBSecurityPolicy-2016-08)',
    },
    {
      name: 'a custom policy (no reference policy)',
      snapshot: oneClb(clb('web', [https(ACM_CERT, 'custom-tls')]), {
        policies: negotiationPolicy('custom-tls', null),
      }),
      message: 'custom-tls, based on custom settings',
    },
  ],
  unknown: [
    {
      name: 'DescribeLoadBalancerPolicies denied',
      snapshot: oneClb(clb('web'), { policies: denied('DescribeLoadBalancerPolicies') }),
      message: 'AccessDenied on elb:DescribeLoadBalancerPolicies',
    },
    {
      name: 'deleted meanwhile (LoadBalancerNotFound)',
      snapshot: oneClb(clb('web'), {
        policies: awsError('LoadBalancerNotFound', "There is no ACTIVE Load Balancer named 'web'"),
      }),
      message: 'LoadBalancerNotFound on elb:DescribeLoadBalancerPolicies',
    },
    {
      name: 'policies not collected',
      snapshot: oneClb(clb('web')),
      message: 'elb:DescribeLoadBalancerPolicies was not collected',
    },
    LISTING_DENIED,
  ],
});
