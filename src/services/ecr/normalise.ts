import type { Gap } from '../../model/resource.ts';
import { resourceArn } from '../define-state.ts';
import type { EcrRepository, EcrState } from './model.ts';
import type { EcrSection } from './schema.ts';
import { appendAll, listing, regionsOf, type RegionalContext } from '../../model/normalise-regional.ts';
import { observe } from '../../model/observed.ts';

/** ECR repositories and registry scanning settings of every region; a failed DescribeRepositories is a gap. */
export function normaliseEcr(section: EcrSection, context: RegionalContext): { ecr: EcrState; gaps: Gap[] } {
  const { accountId, partition } = context;
  const gaps: Gap[] = [];
  const state: EcrState = { repositories: [], registryScanning: {} };
  for (const region of regionsOf(section, context.regions)) {
    const entry = section[region] ?? {};
    const arn = (id: string) => resourceArn('ecr', 'repository')({ partition, region, accountId, id });
    const repositories = listing(
      entry.DescribeRepositories,
      { operation: 'ecr:DescribeRepositories', region },
      [{ kind: 'ecr-repository', arn: arn('*') }],
      gaps,
      (r) =>
        r.repositories.map((repo): EcrRepository => ({
          kind: 'ecr-repository',
          arn: repo.repositoryArn ?? arn(repo.repositoryName),
          region,
          accountId,
          name: repo.repositoryName,
          scanOnPush: repo.imageScanningConfiguration?.scanOnPush === true,
        })),
    );
    appendAll(state.repositories, repositories.items);
    state.registryScanning[region] = observe(
      entry.GetRegistryScanningConfiguration,
      'ecr:GetRegistryScanningConfiguration',
      [],
      (r) => ({
        scanType: r.scanningConfiguration?.scanType ?? 'BASIC',
        rules: (r.scanningConfiguration?.rules ?? []).map((rule) => ({
          frequency: rule.scanFrequency ?? 'MANUAL',
          filters: (rule.repositoryFilters ?? []).map((f) => f.filter),
        })),
      }),
    );
  }
  return { ecr: state, gaps };
}
