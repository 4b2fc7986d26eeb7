import { isTlsProtocol } from '../../services/elb/model.ts';
import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import { known } from '../read.ts';

/** The predefined policy Security Hub ELB.8 asks for: TLS 1.2 only, forward-secret and AES-GCM ciphers first. */
const REFERENCE_POLICY = 'ELBSecurityPolicy-TLS-1-2-2017-01';

export default defineCheck({
  id: 'elb-ssl-security-policy',
  aliases: ['ELB.8'],
  service: 'elb',
  resource: 'elb-load-balancer',
  severity: 'medium',
  title: `Classic Load Balancer HTTPS/SSL listeners use the predefined security policy ${REFERENCE_POLICY}`,
  description: `The SSL negotiation policy of a Classic Load Balancer listener decides which TLS versions and ciphers clients may use; the old defaults still allow TLS 1.0 and 1.1 and CBC ciphers. The check reads the policies of each load balancer with an HTTPS or SSL listener (DescribeLoadBalancerPolicies) and fails when a listener's SSLNegotiationPolicyType policy is not based on the predefined \`${REFERENCE_POLICY}\` (its \`Reference-Security-Policy\` attribute), or when the listener has no such policy. A load balancer without HTTPS/SSL listeners passes. Security Hub ELB.8.`,
  remediation: {
    terraform: `resource "aws_load_balancer_policy" "tls12" {
  load_balancer_name = aws_elb.this.name
  policy_name        = "tls-1-2-2017-01"
  policy_type_name   = "SSLNegotiationPolicyType"
  policy_attribute {
    name  = "Reference-Security-Policy"
    value = "${REFERENCE_POLICY}"
  }
}

resource "aws_load_balancer_listener_policy" "https" {
  load_balancer_name = aws_elb.this.name
  load_balancer_port = 443
  policy_names       = [aws_load_balancer_policy.tls12.policy_name]
}`,
    cli: `aws elb create-load-balancer-policy --load-balancer-name NAME --policy-name tls-1-2-2017-01 --policy-type-name SSLNegotiationPolicyType --policy-attributes AttributeName=Reference-Security-Policy,AttributeValue=${REFERENCE_POLICY} --region REGION
aws elb set-load-balancer-policies-of-listener --load-balancer-name NAME --load-balancer-port 443 --policy-names tls-1-2-2017-01 --region REGION`,
    console: `EC2 console (in the region) > Load Balancers > the Classic Load Balancer > Listeners > Manage listeners > the HTTPS/SSL listener > Security policy: Predefined policy ${REFERENCE_POLICY} > Save changes.`,
  },
  references: [
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-security-policy-table.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-8',
  ],
  needs: ['elb:DescribeLoadBalancerPolicies'],
  triggers: [
    'SetLoadBalancerPoliciesOfListener',
    'CreateLoadBalancerPolicy',
    'CreateLoadBalancerListeners',
    'CreateLoadBalancer',
  ],
  evaluate(lb) {
    const answer = known(lb.policies);
    if (answer === null)
      return inconclusive('cannot decide: no policy answer', 'DescribeLoadBalancerPolicies gave no answer');
    if (!answer.applicable) return pass(`${lb.name}: ${answer.why}`);
    const negotiation = new Map(
      answer.policies.filter((p) => p.type === 'SSLNegotiationPolicyType').map((p) => [p.name, p] as const),
    );
    const weak: string[] = [];
    for (const listener of lb.listeners.filter((l) => isTlsProtocol(l.protocol))) {
      const policy = listener.policyNames.map((n) => negotiation.get(n)).find((p) => p !== undefined);
      const reference = policy?.attributes['Reference-Security-Policy'];
      if (reference !== REFERENCE_POLICY) {
        weak.push(
          `${listener.protocol} ${listener.port ?? '?'} (${policy ? `${policy.name}, based on ${reference ?? 'custom settings'}` : 'no SSL negotiation policy'})`,
        );
      }
    }
    if (weak.length > 0) return fail(`${lb.name} does not use ${REFERENCE_POLICY} on ${weak.join(', ')}`);
    return pass(`every HTTPS/SSL listener of ${lb.name} uses ${REFERENCE_POLICY}`);
  },
});
