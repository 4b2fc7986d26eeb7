import type { Observed } from '../../model/observed.ts';

/** A private ECR repository (ARN `arn:<partition>:ecr:<region>:<account>:repository/<name>`). */
export interface EcrRepository {
  kind: 'ecr-repository';
  arn: string;
  region: string;
  accountId: string;
  name: string;
  /** the repository's own (basic scanning) setting */
  scanOnPush: boolean;
  /** `MUTABLE` (the default when absent), `IMMUTABLE`, `IMMUTABLE_WITH_EXCLUSION` or `MUTABLE_WITH_EXCLUSION` */
  tagMutability: string;
}

/** A registry scanning rule: repositories whose name matches one of `filters` (`*` wildcards) are scanned. */
export interface RegistryScanRule {
  /** `SCAN_ON_PUSH`, `CONTINUOUS_SCAN` or `MANUAL` */
  frequency: string;
  filters: string[];
}

export interface EcrState {
  repositories: EcrRepository[];
  /** per region: GetRegistryScanningConfiguration (`BASIC` or `ENHANCED`, and its rules) */
  registryScanning: Record<string, Observed<{ scanType: string; rules: RegistryScanRule[] }>>;
}
