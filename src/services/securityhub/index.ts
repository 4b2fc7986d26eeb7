import { DescribeHubCommand, GetEnabledStandardsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { HUB_NOT_ENABLED, SECURITYHUB_LISTINGS } from './schema.ts';
import { defineService } from '../define-service.ts';
import { nextTokenPages } from '../pagination.ts';

/** Security Hub evidence of one region; a hub that is not enabled answers `InvalidAccessException` (kept as evidence). */
export default defineService({
  name: 'securityhub',
  title: 'AWS Security Hub',
  scope: 'regional',
  client: SecurityHubClient,
  operations: {
    DescribeHub: {
      command: DescribeHubCommand,
      response: SECURITYHUB_LISTINGS.DescribeHub,
      notConfigured: HUB_NOT_ENABLED,
      iam: ['securityhub:DescribeHub'],
    },
    GetEnabledStandards: {
      command: GetEnabledStandardsCommand,
      input: () => ({ MaxResults: 100 }),
      pages: nextTokenPages('StandardsSubscriptions'),
      response: SECURITYHUB_LISTINGS.GetEnabledStandards,
      notConfigured: HUB_NOT_ENABLED,
      iam: ['securityhub:GetEnabledStandards'],
    },
  },
});
