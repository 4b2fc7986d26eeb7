import { DescribeRepositoriesCommand, ECRClient, GetRegistryScanningConfigurationCommand } from '@aws-sdk/client-ecr';
import { ECR_LISTINGS } from '../model/ecr-schema.ts';
import type { RegionContext, RegionalServiceCollector } from './regional-collector.ts';
import { collectPages, NEXT_TOKEN } from './token-pages.ts';

/** Amazon ECR evidence of one region: the private repositories and the registry's scanning configuration. */
export const ecrCollector: RegionalServiceCollector = {
  service: 'ecr',
  async collectRegion(context: RegionContext) {
    const ecr = context.clients.client(ECRClient, context.region);
    const [DescribeRepositories, GetRegistryScanningConfiguration] = await Promise.all([
      collectPages(context, 'DescribeRepositories', ECR_LISTINGS.DescribeRepositories, 'repositories', NEXT_TOKEN, (nextToken, abortSignal) =>
        ecr.send(new DescribeRepositoriesCommand({ nextToken, maxResults: 1000 }), { abortSignal }),
      ),
      context.call('GetRegistryScanningConfiguration', ECR_LISTINGS.GetRegistryScanningConfiguration, (abortSignal) =>
        ecr.send(new GetRegistryScanningConfigurationCommand({}), { abortSignal }),
      ),
    ]);
    return { DescribeRepositories, GetRegistryScanningConfiguration };
  },
};
