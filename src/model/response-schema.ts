import { z } from 'zod';

const ERROR_RECORD = '{"error": {"name": "AccessDenied", "message": "Access Denied"}}';

/** A failed call as a snapshot records it: the real AWS error name and its message. */
export const awsErrorSchema = z.strictObject({
  error: z.strictObject(
    {
      name: z
        .string({ error: `must be the AWS error code, as in ${ERROR_RECORD}` })
        .regex(/\S/, 'must be the AWS error code (AccessDenied, NoSuchBucketPolicy, …), not empty'),
      message: z.string({
        error: `must be the error message AWS returned, "" when it gave none, as in ${ERROR_RECORD}`,
      }),
    },
    { error: `an error record is ${ERROR_RECORD}` },
  ),
});

function hasErrorKey(value: unknown): boolean {
  return value !== null && typeof value === 'object' && 'error' in value;
}

/**
 * A response of the given shape, or a recorded error. Response shapes are loose (AWS adds fields), so without the
 * refinement `{"error": "AccessDenied"}` would load as an answer with one extra field and be read as evidence.
 */
export function responseOr<T extends z.ZodType>(shape: T) {
  return z.union([
    awsErrorSchema,
    shape.refine((value) => !hasErrorKey(value), { error: `an error record is ${ERROR_RECORD}`, abort: true }),
  ]);
}

/**
 * A call made once per resource: resource id or ARN → response or error. A single error record in place of the
 * map would otherwise read as the answer for a resource named "error", and every real resource as not collected.
 */
export function perResourceResponses<T extends z.ZodType>(shape: T) {
  return z
    .unknown()
    .refine((value) => !(hasErrorKey(value) && Object.keys(value as object).length === 1), {
      error: `a call made per resource holds one entry per resource id or ARN; record a failure under the resource's key: {"<id>": ${ERROR_RECORD}}`,
      abort: true,
    })
    .pipe(z.record(z.string().min(1), responseOr(shape)));
}
