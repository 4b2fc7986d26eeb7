import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import { known } from '../read.ts';

/**
 * End of standard support of each Kubernetes minor version on Amazon EKS (14 months after its EKS release), from
 * the EKS release calendar: https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html
 * (table as of 2026-12; add each new minor version when EKS announces it). After that date a cluster runs on
 * extended support (paid, and auto-upgraded 12 months later) and Security Hub EKS.2 fails it.
 */
export const STANDARD_SUPPORT_ENDS: Readonly<Record<string, string>> = {
  '1.23': '2023-10-11',
  '1.24': '2024-01-31',
  '1.25': '2024-05-01',
  '1.26': '2024-06-11',
  '1.27': '2024-07-24',
  '1.28': '2024-11-26',
  '1.29': '2025-03-23',
  '1.30': '2025-07-23',
  '1.31': '2025-11-26',
  '1.32': '2026-03-23',
  '1.33': '2026-07-29',
  '1.34': '2026-12-02',
  '1.35': '2027-03-27',
};

/** `1.30` → [1, 30]; undefined for anything that is not a minor version. */
function minor(version: string): [number, number] | undefined {
  const m = /^(\d+)\.(\d+)$/.exec(version);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

const order = (a: [number, number], b: [number, number]) => a[0] - b[0] || a[1] - b[1];
const KNOWN = Object.keys(STANDARD_SUPPORT_ENDS)
  .map((v) => minor(v)!)
  .sort(order);

export default defineCheck({
  id: 'eks-cluster-supported-version',
  aliases: ['EKS.2', 'eks_cluster_uses_a_supported_version'],
  service: 'eks',
  resource: 'eks-cluster',
  severity: 'high',
  title: 'EKS clusters run a Kubernetes version under standard support',
  description:
    'Past the end of standard support a Kubernetes minor version gets no new features and only the fixes AWS chooses to backport during paid extended support, after which EKS upgrades the cluster on its own schedule. The check reads `version` from DescribeCluster and fails when the scan date is after the end of standard support of that version in the EKS release calendar (a dated table in the check; a version newer than the table passes). Security Hub EKS.2.',
  remediation: {
    terraform: `resource "aws_eks_cluster" "this" {
  # ...
  version = "1.35" # one minor version at a time; upgrade node groups and add-ons after each step
}`,
    cli: 'aws eks update-cluster-version --name CLUSTER --kubernetes-version NEXT_MINOR_VERSION --region REGION\n# then the node groups: aws eks update-nodegroup-version --cluster-name CLUSTER --nodegroup-name NODEGROUP --region REGION',
    console:
      'Amazon EKS console (in the region) > Clusters > CLUSTER > Upgrade now > the next Kubernetes version > Update; then update each node group and add-on.',
  },
  references: [
    'https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html',
    'https://docs.aws.amazon.com/eks/latest/userguide/update-cluster.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/eks-controls.html#eks-2',
  ],
  needs: ['eks:DescribeCluster'],
  triggers: ['CreateCluster', 'UpdateClusterVersion'],
  evaluate(cluster, { state }) {
    const version = known(cluster.details)?.version;
    const parsed = version === undefined ? undefined : minor(version);
    if (version === undefined || parsed === undefined) {
      return inconclusive(
        `${cluster.name} reports no Kubernetes minor version${version === undefined ? '' : ` (${version})`}`,
        'DescribeCluster gave no version to compare',
      );
    }
    const today = state.collectedAt.slice(0, 10);
    const ends = STANDARD_SUPPORT_ENDS[version];
    if (ends === undefined) {
      if (order(parsed, KNOWN.at(-1)!) > 0)
        return pass(`${cluster.name} runs Kubernetes ${version}, newer than every version in the release calendar`);
      return fail(`${cluster.name} runs Kubernetes ${version}, older than every version EKS still lists`);
    }
    if (today > ends)
      return fail(`${cluster.name} runs Kubernetes ${version}, whose standard support ended on ${ends}`);
    return pass(`${cluster.name} runs Kubernetes ${version}, under standard support until ${ends}`);
  },
});
