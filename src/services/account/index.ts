import { AccountClient, GetAlternateContactCommand } from '@aws-sdk/client-account';
import { defineService } from '../define-service.ts';
import { ACCOUNT_OPERATIONS, NO_ALTERNATE_CONTACT } from './schema.ts';

/** AWS Account Management evidence (a global service, collected once): the security alternate contact. */
export default defineService({
  name: 'account',
  title: 'AWS Account Management',
  scope: 'global',
  client: AccountClient,
  operations: {
    GetAlternateContact: {
      command: GetAlternateContactCommand,
      // without AccountId the call is about the calling account itself (a member account's own contact)
      input: () => ({ AlternateContactType: 'SECURITY' }),
      response: ACCOUNT_OPERATIONS.GetAlternateContact,
      notConfigured: NO_ALTERNATE_CONTACT,
      iam: ['account:GetAlternateContact'],
    },
  },
});
