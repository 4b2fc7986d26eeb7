import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'redshift-cluster-enhanced-vpc-routing',
  aliases: ['Redshift.7', 'redshift_cluster_enhanced_vpc_routing'],
  service: 'redshift',
  resource: 'redshift-cluster',
  severity: 'high',
  title: 'Redshift clusters use enhanced VPC routing',
  description:
    "Without enhanced VPC routing, COPY and UNLOAD traffic to S3 and other services leaves through the internet, outside the VPC's security groups, network ACLs, endpoint policies and flow logs. The check reads `EnhancedVpcRouting` from DescribeClusters and fails when it is false. The VPC then needs a route to S3 (a gateway endpoint or a NAT). Security Hub Redshift.7.",
  remediation: {
    terraform: `resource "aws_redshift_cluster" "this" {
  # ... (the VPC needs an S3 gateway endpoint or a NAT route)
  enhanced_vpc_routing = true
}`,
    cli: 'aws redshift modify-cluster --cluster-identifier CLUSTER --enhanced-vpc-routing --region REGION',
    console:
      'Amazon Redshift console (in the region) > Clusters > CLUSTER > Properties > Network and security settings > Edit > Enhanced VPC routing: Turn on > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/redshift/latest/mgmt/enhanced-vpc-routing.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-7',
  ],
  needs: ['redshift:DescribeClusters'],
  triggers: ['CreateCluster', 'ModifyCluster', 'RestoreFromClusterSnapshot'],
  evaluate(cluster) {
    if (cluster.enhancedVpcRouting) return pass(`${cluster.id} routes COPY and UNLOAD traffic through its VPC`);
    return fail(`${cluster.id} does not use enhanced VPC routing`);
  },
});
