import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'eks-cluster-endpoint-not-public',
  aliases: ['EKS.1', 'AVD-AWS-0040', 'eks_cluster_not_publicly_accessible'],
  service: 'eks',
  resource: 'eks-cluster',
  severity: 'high',
  title: 'EKS cluster API endpoints are not publicly accessible',
  description:
    "A public Kubernetes API endpoint can be reached from the internet: every stolen kubeconfig, leaked token or API server vulnerability is then one request away. The check reads `resourcesVpcConfig.endpointPublicAccess` from DescribeCluster and fails when it is true (EKS's default), naming the allowed CIDRs; restricting them narrows the exposure but the endpoint is still public. Security Hub EKS.1.",
  remediation: {
    terraform: `resource "aws_eks_cluster" "this" {
  # ...
  vpc_config {
    subnet_ids              = var.private_subnet_ids
    endpoint_private_access = true
    endpoint_public_access  = false
  }
}`,
    cli: 'aws eks update-cluster-config --name CLUSTER --resources-vpc-config endpointPrivateAccess=true,endpointPublicAccess=false --region REGION',
    console:
      'Amazon EKS console (in the region) > Clusters > CLUSTER > Networking > Manage endpoint access > Private > Save changes (reach the API through the VPC, a VPN or a bastion).',
  },
  references: [
    'https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/eks-controls.html#eks-1',
  ],
  needs: ['eks:DescribeCluster'],
  triggers: ['CreateCluster', 'UpdateClusterConfig'],
  evaluate(cluster) {
    const details = known(cluster.details);
    if (details?.endpointPublicAccess)
      return fail(
        `${cluster.name} has a public API endpoint (allowed from ${details.publicAccessCidrs.length > 0 ? details.publicAccessCidrs.join(', ') : '0.0.0.0/0'})`,
      );
    return pass(`${cluster.name} has a private API endpoint only`);
  },
});
