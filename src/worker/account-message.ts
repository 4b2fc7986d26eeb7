/**
 * The work item of an organization scan fanned out over SQS: one JSON message per member account. It is validated
 * when received (a queue is shared infrastructure: anything may be on it), and versioned so that a newer
 * cloudwarden can tell an older worker's messages apart.
 */
import { z } from 'zod';
import { UserError } from '../errors.ts';

export const ACCOUNT_MESSAGE_KIND = 'cloudwarden.org-scan.account';

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export const accountMessageSchema = z
  .object({
    kind: z.literal(ACCOUNT_MESSAGE_KIND),
    version: z.literal(1),
    /** the run the account belongs to (recorded in the store with every account it expects) */
    runId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    accountId: z.string().regex(/^\d{12}$/),
    /** the role assumed in the account */
    roleName: z.string().regex(/^[\w+=,.@/-]{1,512}$/),
    externalId: z
      .string()
      .regex(/^[\w+=,.@:/-]{2,1224}$/)
      .optional(),
    partition: z.enum(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc']),
    /** empty: every region enabled for the account */
    regions: z.array(z.string().regex(REGION)).max(64),
    /** service names (`--service`) */
    services: z
      .array(z.string().regex(/^[a-z0-9-]{1,32}$/))
      .min(1)
      .max(64),
  })
  .strict();

export type AccountMessage = z.infer<typeof accountMessageSchema>;

/** The message body, or a UserError naming the first field that is wrong. */
export function parseAccountMessage(body: string): AccountMessage {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    throw new UserError(`not JSON (${(error as Error).message})`, { field: 'message' });
  }
  const parsed = accountMessageSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? issue.path.join('.') : 'message';
    throw new UserError(`not a cloudwarden account scan message: ${issue?.message ?? 'invalid'}`, { field });
  }
  return parsed.data;
}

export function accountMessageBody(message: AccountMessage): string {
  return JSON.stringify(message);
}
