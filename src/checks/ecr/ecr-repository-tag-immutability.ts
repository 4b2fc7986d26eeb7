import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'ecr-repository-tag-immutability',
  aliases: ['ECR.2', 'AVD-AWS-0031', 'ecr_repositories_tag_immutability'],
  service: 'ecr',
  resource: 'ecr-repository',
  severity: 'medium',
  title: 'ECR repositories make image tags immutable',
  description:
    'With mutable tags anyone allowed to push can replace the image behind `v1.4.2` or `prod`, and every deployment that pulls the tag runs the new image without a change on its side. With IMMUTABLE a pushed tag cannot be overwritten (Security Hub ECR.2). IMMUTABLE_WITH_EXCLUSION passes (tags matching its exclusion filters stay mutable, by choice); MUTABLE and MUTABLE_WITH_EXCLUSION fail.',
  remediation: {
    terraform: `resource "aws_ecr_repository" "this" {
  name                 = "web"
  image_tag_mutability = "IMMUTABLE"
}`,
    cli: 'aws ecr put-image-tag-mutability --repository-name REPOSITORY --image-tag-mutability IMMUTABLE --region REGION',
    console:
      'ECR console (in the region) > Private repositories > REPOSITORY > Actions > Edit > Tag immutability: Immutable > Save.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ecr-controls.html#ecr-2',
  ],
  needs: ['ecr:DescribeRepositories'],
  triggers: ['CreateRepository', 'PutImageTagMutability'],
  evaluate(repo) {
    if (repo.tagMutability.startsWith('IMMUTABLE'))
      return pass(
        `${repo.name} has immutable tags${repo.tagMutability === 'IMMUTABLE' ? '' : ' (except the tags its exclusion filters name)'}`,
      );
    return fail(`${repo.name} has ${repo.tagMutability} tags: a push can replace the image behind an existing tag`);
  },
});
