import { ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { readFile } from 'node:fs/promises';
import { accessErrorFor, errorRecord, isCredentialError } from '../aws/aws-errors.ts';
import { AwsClients, type AwsClientOptions, type AwsClientSource } from '../aws/clients.ts';
import { AwsAccessError, UserError } from '../errors.ts';

const ACCOUNT_ID = /^\d{12}$/;

/** `--accounts FILE`: account ids one per line (`#` comments allowed) or a JSON array of ids. */
export async function readAccountsFile(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, {
      file,
      field: '--accounts',
    });
  }
  if (text.trimStart().startsWith('[')) {
    let ids: unknown;
    try {
      ids = JSON.parse(text);
    } catch (error) {
      throw new UserError(`invalid JSON: ${(error as Error).message}`, { file, field: '--accounts' });
    }
    if (!Array.isArray(ids)) throw new UserError('must be a JSON array of 12-digit account ids', { file });
    return unique(ids.map((id, index) => requireId(String(id), { file, field: `[${index}]` })));
  }
  const ids: string[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/#.*/, '').trim();
    if (line !== '') ids.push(requireId(line, { file, line: index + 1 }));
  });
  if (ids.length === 0) throw new UserError('lists no account id', { file });
  return unique(ids);
}

function requireId(id: string, where: { file: string; line?: number; field?: string }): string {
  if (!ACCOUNT_ID.test(id)) throw new UserError(`"${id}" is not a 12-digit AWS account id`, where);
  return id;
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

/** The organization's ACTIVE member accounts (ListAccounts, every page), from the management or a delegated admin account. */
export async function listActiveAccounts(clients: AwsClients): Promise<string[]> {
  const client = clients.client(OrganizationsClient, clients.homeRegion);
  const ids: string[] = [];
  let NextToken: string | undefined;
  do {
    let page;
    try {
      page = await client.send(new ListAccountsCommand({ NextToken }));
    } catch (error) {
      throw accessErrorFor(error, 'organizations:ListAccounts');
    }
    for (const account of page.Accounts ?? []) {
      // `State` replaces the deprecated `Status`; either says ACTIVE for a usable account
      const state = account.State ?? account.Status;
      if (account.Id && state === 'ACTIVE') ids.push(account.Id);
    }
    NextToken = page.NextToken || undefined;
  } while (NextToken);
  return ids.sort();
}

export interface AssumeOptions {
  roleName: string;
  externalId?: string;
  partition: string;
  /** `cloudwarden-scan-<timestamp>`: CloudTrail in the member account says who scanned */
  sessionName: string;
}

export function sessionNameFor(now: Date): string {
  return `cloudwarden-scan-${now
    .toISOString()
    .replace(/[^0-9]/g, '')
    .slice(0, 14)}`;
}

/** A role session is renewed this long before it expires (the SDK asks again 5 minutes before expiry). */
const RENEW_BEFORE_MS = 10 * 60_000;

type RoleIdentity = { accessKeyId: string; secretAccessKey: string; sessionToken?: string; expiration?: Date };

/**
 * Clients acting in `accountId` through the role, or the error that made the role unusable. When the error says
 * the caller's own credentials no longer work (expired, unknown key), `fatal` holds it: no other account can be
 * assumed either. The role is assumed again shortly before its session expires, since a long organization scan
 * outlives one session; when that renewal fails because the caller's credentials no longer work,
 * `onCallerCredentialsFailed` is told (the calls of the account fail with the same error).
 */
export async function clientsForAccount(
  base: AwsClientSource,
  accountId: string,
  options: AssumeOptions,
  clientOptions: AwsClientOptions,
  onCallerCredentialsFailed?: (error: AwsAccessError) => void,
): Promise<{ clients: AwsClients } | { error: { name: string; message: string }; fatal?: AwsAccessError }> {
  const assume = async (): Promise<RoleIdentity | undefined> => {
    const output = await base.sts().send(
      new AssumeRoleCommand({
        RoleArn: `arn:${options.partition}:iam::${accountId}:role/${options.roleName}`,
        RoleSessionName: options.sessionName,
        ...(options.externalId ? { ExternalId: options.externalId } : {}),
      }),
    );
    const credentials = output.Credentials;
    if (!credentials?.AccessKeyId || !credentials.SecretAccessKey) return undefined;
    return {
      accessKeyId: credentials.AccessKeyId,
      secretAccessKey: credentials.SecretAccessKey,
      ...(credentials.SessionToken ? { sessionToken: credentials.SessionToken } : {}),
      ...(credentials.Expiration ? { expiration: credentials.Expiration } : {}),
    };
  };
  let first: RoleIdentity | undefined;
  try {
    first = await assume();
  } catch (error) {
    return {
      error: errorRecord(error),
      ...(isCredentialError(error) ? { fatal: accessErrorFor(error, 'sts:AssumeRole') } : {}),
    };
  }
  if (!first) return { error: { name: 'MissingCredentials', message: 'AssumeRole returned no credentials' } };
  let current = first;
  let renewing: Promise<RoleIdentity> | undefined;
  const renew = async (): Promise<RoleIdentity> => {
    try {
      const fresh = await assume();
      if (!fresh)
        throw new AwsAccessError('AssumeRole returned no credentials', 'MissingCredentials', 'sts:AssumeRole');
      current = fresh;
      return fresh;
    } catch (error) {
      if (isCredentialError(error)) onCallerCredentialsFailed?.(accessErrorFor(error, 'sts:AssumeRole'));
      throw error;
    } finally {
      renewing = undefined;
    }
  };
  const credentials = async (): Promise<RoleIdentity> => {
    if (current.expiration === undefined || current.expiration.getTime() - Date.now() > RENEW_BEFORE_MS) return current;
    renewing ??= renew();
    return renewing;
  };
  const clients = await AwsClients.create({ ...clientOptions, homeRegion: base.homeRegion, credentials });
  return { clients };
}
