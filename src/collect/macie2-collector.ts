import { GetMacieSessionCommand, Macie2Client } from '@aws-sdk/client-macie2';
import { MACIE2_LISTINGS } from '../model/macie2-schema.ts';
import type { RegionContext, RegionalServiceCollector } from './regional-collector.ts';

/** Amazon Macie evidence of one region; "Macie is not enabled" comes back as an AccessDeniedException (kept as evidence). */
export const macie2Collector: RegionalServiceCollector = {
  service: 'macie2',
  async collectRegion(context: RegionContext) {
    const macie = context.clients.client(Macie2Client, context.region);
    const GetMacieSession = await context.call('GetMacieSession', MACIE2_LISTINGS.GetMacieSession, (abortSignal) =>
      macie.send(new GetMacieSessionCommand({}), { abortSignal }),
    );
    return { GetMacieSession };
  },
};
