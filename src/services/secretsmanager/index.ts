import { ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { defineService } from '../define-service.ts';
import { nextTokenPages } from '../pagination.ts';
import { SECRETSMANAGER_LISTINGS } from './schema.ts';

/**
 * AWS Secrets Manager evidence of one region: ListSecrets alone, whose entries carry rotation and access dates,
 * so no per-secret call (and no `GetSecretValue`: the scan never reads a secret's value).
 */
export default defineService({
  name: 'secretsmanager',
  title: 'AWS Secrets Manager',
  scope: 'regional',
  client: SecretsManagerClient,
  operations: {
    ListSecrets: {
      command: ListSecretsCommand,
      input: () => ({ MaxResults: 100 }),
      pages: nextTokenPages('SecretList'),
      response: SECRETSMANAGER_LISTINGS.ListSecrets,
      iam: ['secretsmanager:ListSecrets'],
    },
  },
});
