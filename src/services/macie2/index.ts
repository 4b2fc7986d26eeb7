import { GetMacieSessionCommand, Macie2Client } from '@aws-sdk/client-macie2';
import { MACIE2_LISTINGS } from './schema.ts';
import { defineService } from '../define-service.ts';

/** Amazon Macie evidence of one region; "Macie is not enabled" comes back as an AccessDeniedException (kept as evidence). */
export default defineService({
  name: 'macie2',
  title: 'Amazon Macie',
  scope: 'regional',
  client: Macie2Client,
  operations: {
    GetMacieSession: {
      command: GetMacieSessionCommand,
      response: MACIE2_LISTINGS.GetMacieSession,
      iam: ['macie2:GetMacieSession'],
    },
  },
});
