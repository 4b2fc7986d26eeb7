import { DescribeRepositoriesCommand, ECRClient, GetRegistryScanningConfigurationCommand } from '@aws-sdk/client-ecr';
import { ECR_LISTINGS } from './schema.ts';
import { defineService } from '../define-service.ts';
import { camelNextTokenPages } from '../pagination.ts';

/** Amazon ECR evidence of one region: the private repositories and the registry's scanning configuration. */
export default defineService({
  name: 'ecr',
  title: 'Amazon ECR',
  scope: 'regional',
  client: ECRClient,
  operations: {
    DescribeRepositories: {
      command: DescribeRepositoriesCommand,
      input: () => ({ maxResults: 1000 }),
      pages: camelNextTokenPages('repositories'),
      response: ECR_LISTINGS.DescribeRepositories,
      iam: ['ecr:DescribeRepositories'],
    },
    GetRegistryScanningConfiguration: {
      command: GetRegistryScanningConfigurationCommand,
      response: ECR_LISTINGS.GetRegistryScanningConfiguration,
      iam: ['ecr:GetRegistryScanningConfiguration'],
    },
  },
});
