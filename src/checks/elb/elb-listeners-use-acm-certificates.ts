import { isTlsProtocol } from '../../services/elb/model.ts';
import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'elb-listeners-use-acm-certificates',
  aliases: ['ELB.2', 'elb_ssl_listeners_use_acm_certificate'],
  service: 'elb',
  resource: 'elb-load-balancer',
  severity: 'medium',
  title: 'Classic Load Balancer HTTPS/SSL listeners use certificates from AWS Certificate Manager',
  description:
    "A certificate uploaded to IAM is renewed by hand: when someone forgets, the listener serves an expired certificate and clients refuse to connect (or learn to click through warnings). ACM certificates renew on their own and are tracked by ACM.1. The check reads each HTTPS or SSL listener's `SSLCertificateId` (DescribeLoadBalancers) and fails when it is not an ACM certificate ARN. A load balancer without HTTPS/SSL listeners passes. Security Hub ELB.2.",
  remediation: {
    terraform: `resource "aws_elb" "this" {
  # ...
  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 80
    instance_protocol  = "http"
    ssl_certificate_id = aws_acm_certificate.this.arn
  }
}`,
    cli: 'aws elb set-load-balancer-listener-ssl-certificate --load-balancer-name NAME --load-balancer-port 443 --ssl-certificate-id ACM_CERTIFICATE_ARN --region REGION',
    console:
      'EC2 console (in the region) > Load Balancers > the Classic Load Balancer > Listeners > Manage listeners > the HTTPS/SSL listener > Change certificate > From ACM > the certificate > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-update-ssl-cert.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-2',
  ],
  needs: ['elb:DescribeLoadBalancers'],
  triggers: ['CreateLoadBalancerListeners', 'SetLoadBalancerListenerSSLCertificate', 'CreateLoadBalancer'],
  evaluate(lb) {
    const tls = lb.listeners.filter((l) => isTlsProtocol(l.protocol));
    if (tls.length === 0) return pass(`${lb.name} has no HTTPS or SSL listener`);
    const other = tls.filter((l) => !/^arn:[^:]+:acm:/.test(l.certificateId ?? ''));
    if (other.length > 0) {
      return fail(
        `${lb.name} serves a certificate not from ACM on port ${other.map((l) => `${l.port ?? '?'} (${l.certificateId ?? 'no certificate'})`).join(', ')}`,
      );
    }
    return pass(`every HTTPS/SSL listener of ${lb.name} uses an ACM certificate`);
  },
});
