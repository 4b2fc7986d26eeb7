import { z } from 'zod';
import { responseOr } from '../../model/response-schema.ts';

/** AWS Account Management operations (a global service, answered once per account). */
export const ACCOUNT_OPERATIONS = {
  /** the SECURITY alternate contact; `ResourceNotFoundException` when none is registered */
  GetAlternateContact: z.looseObject({
    AlternateContact: z.looseObject({
      AlternateContactType: z.string().optional(),
      EmailAddress: z.string().optional(),
      Name: z.string().optional(),
      PhoneNumber: z.string().optional(),
      Title: z.string().optional(),
    }),
  }),
} as const;

/** GetAlternateContact's answer when the account has no contact of the asked type. */
export const NO_ALTERNATE_CONTACT = ['ResourceNotFoundException'] as const;

/** The snapshot section (`snapshot.account`), in the generated snapshot schema. */
export const section = z.strictObject({
  GetAlternateContact: responseOr(ACCOUNT_OPERATIONS.GetAlternateContact).optional(),
});
export type AccountSection = z.infer<typeof section>;
