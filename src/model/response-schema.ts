import { z } from 'zod';

/** A failed call as a snapshot records it: the real AWS error name and its message. */
export const awsErrorSchema = z.strictObject({
  error: z.strictObject({ name: z.string().min(1), message: z.string() }),
});

/** A response of the given shape, or a recorded error. */
export function responseOr<T extends z.ZodType>(shape: T) {
  return z.union([awsErrorSchema, shape]);
}
