import { BatchGetAccountStatusCommand, Inspector2Client } from '@aws-sdk/client-inspector2';
import { INSPECTOR2_LISTINGS } from './schema.ts';
import { defineService } from '../define-service.ts';

/** Amazon Inspector evidence of one region: the scanned account's status per resource type. */
export default defineService({
  name: 'inspector2',
  title: 'Amazon Inspector',
  scope: 'regional',
  client: Inspector2Client,
  operations: {
    BatchGetAccountStatus: {
      command: BatchGetAccountStatusCommand,
      input: ({ accountId }) => ({ accountIds: [accountId] }),
      response: INSPECTOR2_LISTINGS.BatchGetAccountStatus,
      iam: ['inspector2:BatchGetAccountStatus'],
    },
  },
});
