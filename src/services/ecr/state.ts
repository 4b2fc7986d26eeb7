import { present } from '../../model/observed.ts';
import { defineServiceState, notCollected, resourceArn } from '../define-state.ts';
import type { EcrRepository, EcrState } from './model.ts';
import { normaliseEcr } from './normalise.ts';

/** Amazon ECR in the account state: `state.ecr` (repositories, each region's registry scanning). */
export default defineServiceState({
  sections: ['ecr'],
  normalise: (snapshot, context) => {
    const { ecr, gaps } = normaliseEcr(snapshot.ecr ?? {}, context);
    return { state: ecr, gaps };
  },
  resources: {
    'ecr-repository': {
      securityHubType: 'AwsEcrRepository',
      arn: resourceArn('ecr', 'repository'),
      of: (state: EcrState) => state.repositories,
    },
  },
  operations: {
    // the repository is its own evidence: a listing that failed hid it (a gap), one that answered named it
    'ecr:DescribeRepositories': {
      scope: 'ecr-repository',
      read: (_state: EcrState, repository: EcrRepository) => present(repository),
    },
    'ecr:GetRegistryScanningConfiguration': {
      scope: 'ecr-repository',
      read: (state: EcrState, repository: EcrRepository) =>
        state.registryScanning[repository.region] ?? notCollected('ecr:GetRegistryScanningConfiguration'),
    },
  },
});
