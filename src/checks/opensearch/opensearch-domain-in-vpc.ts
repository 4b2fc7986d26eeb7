import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'opensearch-domain-in-vpc',
  aliases: ['Opensearch.2'],
  service: 'opensearch',
  resource: 'opensearch-domain',
  severity: 'critical',
  title: 'OpenSearch domains are in a VPC',
  description:
    "A domain outside a VPC has an endpoint on the internet, guarded only by its access policy; one in a VPC is reachable only through the VPC's routes and security groups. The check reads `VPCOptions` from DescribeDomain and fails when the domain has none. A domain cannot be moved into a VPC: it has to be recreated (snapshot and restore). Security Hub Opensearch.2.",
  remediation: {
    terraform: `resource "aws_opensearch_domain" "this" {
  # ... (changing this replaces the domain: restore its data from a snapshot)
  vpc_options {
    subnet_ids         = var.private_subnet_ids
    security_group_ids = [aws_security_group.opensearch.id]
  }
}`,
    cli: 'aws opensearch create-domain --domain-name DOMAIN --vpc-options SubnetIds=SUBNET_ID,SecurityGroupIds=SG_ID --region REGION\n# then restore a manual snapshot of the old domain into it and delete the old domain',
    console:
      "Amazon OpenSearch Service console (in the region) > Create domain > Network: VPC access > subnets and security groups; restore the old domain's snapshot into it, then delete the old domain.",
  },
  references: [
    'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/vpc.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-2',
  ],
  needs: ['opensearch:DescribeDomain'],
  triggers: ['CreateDomain', 'DeleteDomain'],
  evaluate(domain) {
    const vpc = known(domain.config)?.vpcId;
    if (vpc !== undefined) return pass(`${domain.name} is in ${vpc}`);
    return fail(`${domain.name} has a public endpoint (not in a VPC)`);
  },
});
