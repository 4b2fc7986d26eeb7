/**
 * Terraform for an AWS WAF web ACL with the AWS managed common rule set (the protection seed 004 sets up),
 * shared by the remediation of every check that asks for a web ACL. `scope` is `REGIONAL` (ALB, API Gateway)
 * or `CLOUDFRONT` (created in us-east-1, hence `provider`).
 */
export function wafWebAclTerraform(options: {
  resource: string;
  name: string;
  scope: 'REGIONAL' | 'CLOUDFRONT';
  provider?: string;
}): string {
  // terraform fmt aligns the `=` of consecutive attributes
  const width = options.provider ? 'provider'.length : 'scope'.length;
  const provider = options.provider ? `\n  provider = ${options.provider}` : '';
  return `resource "aws_wafv2_web_acl" "${options.resource}" {${provider}
  ${'name'.padEnd(width)} = "${options.name}"
  ${'scope'.padEnd(width)} = "${options.scope}"
  default_action {
    allow {}
  }
  rule {
    name     = "aws-common"
    priority = 1
    override_action {
      none {}
    }
    statement {
      managed_rule_group_statement {
        vendor_name = "AWS"
        name        = "AWSManagedRulesCommonRuleSet"
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "aws-common"
      sampled_requests_enabled   = true
    }
  }
  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "${options.name}"
    sampled_requests_enabled   = true
  }
}`;
}
