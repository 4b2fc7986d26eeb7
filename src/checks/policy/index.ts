/**
 * The public module of the policy analysis. Checks and the detection engine import only this
 * file (enforced by dependency-cruiser for detect/); everything here is pure and synchronous.
 */
export {
  analyseBucketPolicy,
  analyseDenyInsecureTransport,
  isPolicyPublic,
  type PolicyAnalysis,
  type PolicyAnalysisOptions,
} from './analysis.ts';
export { bucketPolicyAnalysis } from './bucket-policy.ts';
export { ANY_ACCOUNT, CROSS_ACCOUNT_BLOCKED_ACTIONS, describeAccounts } from './cross-account.ts';
export type { CrossAccountAnalysis, CrossAccountGrant } from './cross-account.ts';
export type { SecureTransportAnalysis } from './secure-transport.ts';
export type { StatementVerdict } from './public.ts';
export { isNarrowCidr, RESTRICTING_KEYS } from './conditions.ts';
export { actionMatcher, isWriteAction, summariseActions } from './actions.ts';
export { readPolicy, type PolicyDocument, type Statement } from './document.ts';
export { asList, describePolicy, identityStatements, type IdentityStatement } from './identity-policy.ts';
export {
  compileWildcard,
  type StepMeter,
  wildcardMatches,
  type WildcardMatcher,
  type WildcardSyntax,
} from './wildcard.ts';
export { describeInForce, flagInForce, type FlagInForce } from './block-public-access.ts';
