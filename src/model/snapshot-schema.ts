import { z } from 'zod';
import { awsErrorSchema, responseOr } from './response-schema.ts';
import { regionName } from './regional-schema.ts';
import { SECTIONS } from '../services/sections.ts';

/** Every service's section is optional: a snapshot holds the services that were collected. */
function optionalSections<S extends Record<string, z.ZodType>>(sections: S): { [K in keyof S]: z.ZodOptional<S[K]> } {
  return Object.fromEntries(Object.entries(sections).map(([name, section]) => [name, section.optional()])) as {
    [K in keyof S]: z.ZodOptional<S[K]>;
  };
}

/**
 * Snapshot format v1: raw AWS API responses (SDK v3 output shapes without `$metadata`),
 * keyed by operation name, or `{ "error": { "name", "message" } }`. A missing key means
 * "not collected". Documented in docs/snapshot.md.
 *
 * Response bodies are loose objects: AWS adds fields over time and a snapshot taken with a newer
 * SDK must still load. The keys that hold operations are strict, so a typo is reported.
 */
export const SNAPSHOT_FORMAT = 'snapshot/v1';

export { awsErrorSchema, responseOr };

/**
 * The partitions AWS has (the SDK's endpoint table, `partitions.json`, lists the same ids). ARNs are built with the
 * partition, so an unknown one would put ARNs no AWS API or Security Hub accepts into every finding.
 */
export const PARTITIONS = [
  'aws',
  'aws-cn',
  'aws-us-gov',
  'aws-iso',
  'aws-iso-b',
  'aws-iso-e',
  'aws-iso-f',
  'aws-eusc',
] as const;

const ACCOUNT_ID_MESSAGE = 'must be a 12-digit AWS account id';
const PARTITION_MESSAGE = `must be an AWS partition: ${PARTITIONS.join(', ')}`;

export const snapshotSchema = z.strictObject({
  cloudwarden: z.literal(SNAPSHOT_FORMAT),
  // a JSON number would lose an account id's leading zeros: only the string form is evidence of which account it is
  accountId: z
    .string({ error: `${ACCOUNT_ID_MESSAGE}, as a string ("012345678901")` })
    .regex(/^\d{12}$/, ACCOUNT_ID_MESSAGE),
  partition: z
    .string({ error: PARTITION_MESSAGE })
    .refine((partition) => (PARTITIONS as readonly string[]).includes(partition), { error: PARTITION_MESSAGE })
    .default('aws'),
  // checks measure credential ages from it: a time that does not parse would make every age NaN
  collectedAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 time, e.g. 2026-11-22T00:00:00Z' }),
  /** true when collection was interrupted: what is here is real, what is missing was not collected */
  partial: z.boolean().optional(),
  /** regions whose regional services were collected (opted-in regions, or those asked for with --region) */
  regions: z
    .array(regionName)
    .refine((regions) => new Set(regions).size === regions.length, { error: 'lists a region twice' })
    .optional(),
  ...optionalSections(SECTIONS),
});

export type Snapshot = z.infer<typeof snapshotSchema>;
export type AwsErrorEntry = z.infer<typeof awsErrorSchema>;
