import { defineServiceState } from '../define-state.ts';
import { normaliseSsm } from './normalise.ts';

/**
 * AWS Systems Manager in the account state: `state.ssm` (managed nodes per region). Checks read it as extra evidence
 * (an instance reachable through Session Manager), not through `needs`.
 */
export default defineServiceState({
  sections: ['ssm'],
  normalise: (snapshot, context) => ({ state: normaliseSsm(snapshot.ssm ?? {}, context).ssm }),
  resources: {},
  operations: {},
});
