import { z } from 'zod';
import { perResourceResponses, responseOr } from './response-schema.ts';

/** Region names as AWS spells them (`ap-northeast-1`, `us-gov-west-1`, `eusc-de-east-1` in the European Sovereign Cloud). */
export const regionName = z
  .string()
  .regex(/^[a-z]{2,4}(-[a-z]+)+-\d+$/, 'must be an AWS region name (e.g. ap-northeast-1)');

type Shapes = Record<string, z.ZodType>;

/**
 * A regional service section: `{ "<region>": { "<Operation>": response | error, … } }`.
 * `listings` are answered once per region; `perResource` calls are keyed by the resource's id or ARN.
 * Operation keys are strict (a typo is reported), response bodies loose (AWS adds fields).
 */
export function regionalSection<L extends Shapes, P extends Shapes>(listings: L, perResource: P) {
  const fields: Record<string, z.ZodType> = {};
  for (const [op, shape] of Object.entries(listings)) fields[op] = responseOr(shape).optional();
  for (const [op, shape] of Object.entries(perResource)) fields[op] = perResourceResponses(shape).optional();
  const region = z.strictObject(fields) as unknown as z.ZodType<RegionEntry<L, P>>;
  return z.record(regionName, region);
}

type ErrorEntry = { error: { name: string; message: string } };

export type RegionEntry<L extends Shapes, P extends Shapes> = {
  [K in keyof L]?: z.infer<L[K]> | ErrorEntry;
} & {
  [K in keyof P]?: Record<string, z.infer<P[K]> | ErrorEntry>;
};
