import type { Gap } from '../../model/resource.ts';
import type { NormaliseContext } from '../define-state.ts';
import type { EcrRepository, EcrState } from './model.ts';
import type { EcrSection } from './schema.ts';
import { appendAll, listing, regionsOf } from '../../model/normalise-regional.ts';
import { observe } from '../../model/observed.ts';

/** ECR repositories and registry scanning settings of every region; a failed DescribeRepositories is a gap. */
export function normaliseEcr(section: EcrSection, context: NormaliseContext): { ecr: EcrState; gaps: Gap[] } {
  const { accountId } = context;
  const gaps: Gap[] = [];
  const state: EcrState = { repositories: [], registryScanning: {} };
  for (const region of regionsOf(section, context.regions)) {
    const entry = section[region] ?? {};
    const repositories = listing(
      entry.DescribeRepositories,
      { operation: 'ecr:DescribeRepositories', region },
      [context.hidden('ecr-repository', region)],
      gaps,
      (r) =>
        r.repositories.map((repo): EcrRepository => ({
          kind: 'ecr-repository',
          arn: repo.repositoryArn ?? context.arn('ecr-repository', region, repo.repositoryName),
          region,
          accountId,
          name: repo.repositoryName,
          scanOnPush: repo.imageScanningConfiguration?.scanOnPush === true,
          tagMutability: repo.imageTagMutability ?? 'MUTABLE',
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
