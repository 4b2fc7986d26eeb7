import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import { known } from '../read.ts';

const SAFE = ['defensive', 'strictest'];

export default defineCheck({
  id: 'elb-desync-mitigation',
  aliases: ['ELB.14', 'elb_desync_mitigation_mode'],
  service: 'elb',
  resource: 'elb-load-balancer',
  severity: 'medium',
  title: 'Classic Load Balancers use the defensive or strictest desync mitigation mode',
  description:
    "HTTP desync (request smuggling) lets an attacker make the load balancer and an instance disagree where a request ends, and so smuggle data into another user's request. In `monitor` mode a Classic Load Balancer forwards every ambiguous request; `defensive` (the default) and `strictest` block the dangerous ones. The check reads `elb.http.desyncmitigationmode` from the AdditionalAttributes of DescribeLoadBalancerAttributes. Security Hub ELB.14.",
  remediation: {
    terraform: `resource "aws_elb" "this" {
  # ...
  desync_mitigation_mode = "defensive" # or "strictest"
}`,
    cli: 'aws elb modify-load-balancer-attributes --load-balancer-name NAME --load-balancer-attributes \'{"AdditionalAttributes":[{"Key":"elb.http.desyncmitigationmode","Value":"defensive"}]}\' --region REGION',
    console:
      'EC2 console (in the region) > Load Balancers > the Classic Load Balancer > Attributes > Edit > Traffic configuration: Desync mitigation mode Defensive (or Strictest) > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/config-desync-mitigation-mode.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-14',
  ],
  needs: ['elb:DescribeLoadBalancerAttributes'],
  triggers: ['ModifyLoadBalancerAttributes', 'CreateLoadBalancer'],
  evaluate(lb) {
    const mode = known(lb.attributes)?.desyncMode;
    // AWS reports the attribute for every Classic Load Balancer; its absence is no evidence of the mode in force
    if (mode === undefined) {
      return inconclusive(
        `${lb.name}: the desync mitigation mode is not reported`,
        'DescribeLoadBalancerAttributes has no elb.http.desyncmitigationmode',
      );
    }
    if (SAFE.includes(mode)) return pass(`${lb.name} uses the ${mode} desync mitigation mode`);
    return fail(`${lb.name} uses the ${mode} desync mitigation mode (defensive or strictest required)`);
  },
});
