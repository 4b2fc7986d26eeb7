import { appendAll, listing, regionsOf } from '../../model/normalise-regional.ts';
import { present } from '../../model/observed.ts';
import type { Gap } from '../../model/resource.ts';
import { defineServiceState, type NormaliseContext } from '../define-state.ts';
import type { SecretsmanagerSection } from './schema.ts';

/** A secret, ARN `arn:<partition>:secretsmanager:<region>:<account>:secret:<name>-<6 random characters>`. */
export interface SecretsmanagerSecret {
  kind: 'secretsmanager-secret';
  arn: string;
  region: string;
  accountId: string;
  name: string;
  rotationEnabled: boolean;
  /** the rotation schedule: every N days, or a `rate()`/`cron()` expression */
  rotationSchedule: string | undefined;
  createdDate: string | undefined;
  lastRotatedDate: string | undefined;
  lastAccessedDate: string | undefined;
  /** the service that manages the secret (`rds` for a managed master password), when one does */
  owningService: string | undefined;
}

export interface SecretsmanagerState {
  secrets: SecretsmanagerSecret[];
}

function scheduleOf(rules: { AutomaticallyAfterDays?: number; ScheduleExpression?: string } | undefined) {
  if (rules?.ScheduleExpression) return rules.ScheduleExpression;
  return rules?.AutomaticallyAfterDays === undefined ? undefined : `every ${rules.AutomaticallyAfterDays} days`;
}

/** The secrets of every region; a failed ListSecrets is a gap (its secrets' checks say unknown). */
function normaliseSecretsmanager(
  section: SecretsmanagerSection,
  context: NormaliseContext,
): { state: SecretsmanagerState; gaps: Gap[] } {
  const gaps: Gap[] = [];
  const state: SecretsmanagerState = { secrets: [] };
  for (const region of regionsOf(section, context.regions)) {
    const listed = listing(
      section[region]?.ListSecrets,
      { operation: 'secretsmanager:ListSecrets', region },
      [context.hidden('secretsmanager-secret', region)],
      gaps,
      (r) =>
        r.SecretList.map((secret): SecretsmanagerSecret => ({
          kind: 'secretsmanager-secret',
          arn: secret.ARN,
          region,
          accountId: context.accountId,
          name: secret.Name,
          rotationEnabled: secret.RotationEnabled === true,
          rotationSchedule: scheduleOf(secret.RotationRules),
          createdDate: secret.CreatedDate,
          lastRotatedDate: secret.LastRotatedDate,
          lastAccessedDate: secret.LastAccessedDate,
          owningService: secret.OwningService,
        })),
    );
    appendAll(state.secrets, listed.items);
  }
  return { state, gaps };
}

/** AWS Secrets Manager in the account state: `state.secretsmanager` (secrets of every region). */
export default defineServiceState({
  sections: ['secretsmanager'],
  normalise: (snapshot, context) => normaliseSecretsmanager(snapshot.secretsmanager ?? {}, context),
  resources: {
    'secretsmanager-secret': {
      securityHubType: 'AwsSecretsManagerSecret',
      // `secret:<name>`: the id of a hidden or wildcard secret; real ARNs come from ListSecrets
      arn: ({ partition, region, accountId, id }) =>
        `arn:${partition}:secretsmanager:${region}:${accountId}:secret:${id}`,
      of: (state: SecretsmanagerState) => state.secrets,
    },
  },
  operations: {
    'secretsmanager:ListSecrets': {
      scope: 'secretsmanager-secret',
      read: (_state: SecretsmanagerState, secret: SecretsmanagerSecret) => present(secret),
    },
  },
});
