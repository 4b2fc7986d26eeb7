import check from '../../../src/checks/elbv2/elbv2-alb-http-redirects-to-https.ts';
import { testCheck } from '../../support/check-tester.ts';
import { awsError } from '../../support/snapshot-builders.ts';
import { denied, httpForward, httpRedirect, httpsForward, lb, LISTING_DENIED, oneLb } from './elbv2-builders.ts';

const web = lb('web');
const listeners = (...l: unknown[]) => ({ listeners: { Listeners: l } });

testCheck(check, {
  pass: [
    {
      name: 'HTTP redirects to HTTPS, HTTPS forwards',
      snapshot: oneLb(web, listeners(httpRedirect(web.LoadBalancerArn), httpsForward(web.LoadBalancerArn))),
      message: 'every HTTP listener of ALB web redirects to HTTPS (port 80)',
    },
    {
      name: 'HTTPS only',
      snapshot: oneLb(web, listeners(httpsForward(web.LoadBalancerArn))),
      message: 'ALB web has no HTTP listener',
    },
    {
      name: 'an NLB (DescribeListeners is not asked)',
      snapshot: oneLb(lb('tcp', 'network')),
      message: 'tcp is an internet-facing network load balancer: it has no HTTP listeners',
    },
  ],
  fail: [
    {
      name: 'an HTTP listener forwarding to the targets',
      snapshot: oneLb(web, listeners(httpForward(web.LoadBalancerArn), httpsForward(web.LoadBalancerArn))),
      message: 'ALB web serves plain HTTP without redirecting to HTTPS on port 80 (forward)',
    },
  ],
  unknown: [
    {
      name: 'DescribeListeners denied',
      snapshot: oneLb(web, { listeners: denied('DescribeListeners') }),
      message: 'AccessDenied on elbv2:DescribeListeners',
    },
    {
      name: 'the load balancer was deleted meanwhile (LoadBalancerNotFound)',
      snapshot: oneLb(web, { listeners: awsError('LoadBalancerNotFound', 'One or more load balancers not found') }),
      message: 'LoadBalancerNotFound on elbv2:DescribeListeners',
    },
    {
      name: 'DescribeListeners not collected for an ALB',
      snapshot: oneLb(web),
      message: 'elbv2:DescribeListeners was not collected',
    },
    LISTING_DENIED,
  ],
});
