import { isTlsProtocol } from '../../services/elb/model.ts';
import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'elb-listeners-encrypted',
  aliases: ['ELB.3', 'elb_ssl_listeners'],
  service: 'elb',
  resource: 'elb-load-balancer',
  severity: 'medium',
  title: 'Classic Load Balancer listeners use HTTPS or TLS (SSL) termination',
  description:
    'A Classic Load Balancer listener on HTTP or TCP carries client traffic in clear text from the client to the load balancer. The check reads every listener (DescribeLoadBalancers) and fails when a front-end protocol is neither HTTPS nor SSL. Security Hub ELB.3.',
  remediation: {
    terraform: `resource "aws_elb" "this" {
  # ...
  listener {
    lb_port            = 443
    lb_protocol        = "https" # or "ssl" for TCP services
    instance_port      = 80
    instance_protocol  = "http"
    ssl_certificate_id = aws_acm_certificate.this.arn
  }
  # and remove the "http"/"tcp" listeners
}`,
    cli: 'aws elb create-load-balancer-listeners --load-balancer-name NAME --listeners Protocol=HTTPS,LoadBalancerPort=443,InstanceProtocol=HTTP,InstancePort=80,SSLCertificateId=ACM_CERTIFICATE_ARN --region REGION\naws elb delete-load-balancer-listeners --load-balancer-name NAME --load-balancer-ports 80 --region REGION',
    console:
      'EC2 console (in the region) > Load Balancers > the Classic Load Balancer > Listeners > Manage listeners > change each HTTP/TCP listener to HTTPS/SSL with an ACM certificate (or remove it) > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-listener-config.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-3',
  ],
  needs: ['elb:DescribeLoadBalancers'],
  triggers: ['CreateLoadBalancerListeners', 'DeleteLoadBalancerListeners', 'CreateLoadBalancer'],
  evaluate(lb) {
    const plain = lb.listeners.filter((l) => !isTlsProtocol(l.protocol));
    if (plain.length > 0) {
      return fail(
        `${lb.name} has unencrypted listeners: ${plain.map((l) => `${l.protocol} ${l.port ?? '?'}`).join(', ')}`,
      );
    }
    if (lb.listeners.length === 0) return pass(`${lb.name} has no listener`);
    return pass(
      `every listener of ${lb.name} terminates TLS (${lb.listeners.map((l) => `${l.protocol} ${l.port ?? '?'}`).join(', ')})`,
    );
  },
});
