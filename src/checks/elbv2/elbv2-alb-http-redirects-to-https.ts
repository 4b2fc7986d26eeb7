import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'elbv2-alb-http-redirects-to-https',
  aliases: ['ELB.1', 'AVD-AWS-0054', 'elbv2_ssl_listeners'],
  service: 'elbv2',
  resource: 'elbv2-load-balancer',
  severity: 'medium',
  title: 'Application Load Balancers redirect every HTTP listener to HTTPS',
  description:
    "An HTTP listener that forwards requests serves the application in clear text: passwords, session cookies and data can be read or altered on the way. The check reads each ALB's listeners (DescribeListeners) and fails when an HTTP listener's default action is anything other than a redirect to HTTPS. An ALB with only HTTPS listeners passes; Network and Gateway Load Balancers are out of scope. Security Hub ELB.1.",
  remediation: {
    terraform: `resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"
    redirect {
      protocol    = "HTTPS"
      port        = "443"
      status_code = "HTTP_301"
    }
  }
}`,
    cli: "aws elbv2 modify-listener --listener-arn HTTP_LISTENER_ARN --default-actions 'Type=redirect,RedirectConfig={Protocol=HTTPS,Port=443,StatusCode=HTTP_301}' --region REGION",
    console:
      'EC2 console (in the region) > Load Balancers > the ALB > Listeners and rules > the HTTP listener > Actions > Edit listener > Default action: Redirect to URL, protocol HTTPS, port 443, status code 301 > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-update-rules.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-1',
  ],
  needs: ['elbv2:DescribeListeners'],
  triggers: ['CreateListener', 'ModifyListener', 'CreateLoadBalancer'],
  evaluate(lb) {
    const answer = known(lb.listeners);
    if (answer === null) return inconclusive('cannot decide: no listener answer', 'DescribeListeners gave no answer');
    if (!answer.applicable) return pass(`${lb.name} is an ${answer.why}: it has no HTTP listeners`);
    const http = answer.listeners.filter((l) => l.protocol === 'HTTP');
    const forwarding = http.filter(
      (l) => !l.defaultActions.some((a) => a.type === 'redirect' && a.redirectProtocol === 'HTTPS'),
    );
    if (forwarding.length > 0) {
      const ports = forwarding.map(
        (l) => `${l.port ?? '?'} (${l.defaultActions.map((a) => a.type).join(', ') || 'no action'})`,
      );
      return fail(`ALB ${lb.name} serves plain HTTP without redirecting to HTTPS on port ${ports.join(', ')}`);
    }
    if (http.length === 0) return pass(`ALB ${lb.name} has no HTTP listener`);
    return pass(
      `every HTTP listener of ALB ${lb.name} redirects to HTTPS (port ${http.map((l) => l.port ?? '?').join(', ')})`,
    );
  },
});
