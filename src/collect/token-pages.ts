import type { z } from 'zod';
import type { RegionContext } from './regional-collector.ts';

/** How a paginated API names its continuation: the response field, and whether more pages follow. */
export interface PageToken {
  /** the token of the next page, or undefined on the last page */
  next: (page: Record<string, unknown>) => string | undefined;
  /** response fields that only steer pagination, dropped from the stored response */
  fields: readonly string[];
}

/** IAM's `IsTruncated` + `Marker`. */
export const IAM_MARKER: PageToken = {
  next: (page) => (page.IsTruncated === true && typeof page.Marker === 'string' ? page.Marker : undefined),
  fields: ['IsTruncated', 'Marker'],
};

/** KMS's `Truncated` + `NextMarker`. */
export const KMS_MARKER: PageToken = {
  next: (page) => (page.Truncated === true && typeof page.NextMarker === 'string' ? page.NextMarker : undefined),
  fields: ['Truncated', 'NextMarker'],
};

/** Elastic Load Balancing's `NextMarker` (present only when more pages follow). */
export const ELB_MARKER: PageToken = {
  next: (page) => (typeof page.NextMarker === 'string' && page.NextMarker !== '' ? page.NextMarker : undefined),
  fields: ['NextMarker'],
};

/** camelCase `nextToken` (Access Analyzer, Inspector, Macie). */
export const NEXT_TOKEN: PageToken = {
  next: (page) => (typeof page.nextToken === 'string' && page.nextToken !== '' ? page.nextToken : undefined),
  fields: ['nextToken'],
};

/**
 * A listing whose API does not use `NextToken` (the regional context's `paginate` does), as ONE response with
 * every page's `itemsKey` items (each of them, for an API that lists several kinds at once) and no token. Each page is one `context.call` (limit, counts, error record);
 * a failed page records its error for the whole listing, since a listing with pages missing would hide resources.
 */
export async function collectPages(
  context: RegionContext,
  operation: string,
  shape: z.ZodType,
  itemsKey: string | readonly string[],
  token: PageToken,
  send: (marker: string | undefined, signal: AbortSignal) => Promise<object>,
): Promise<unknown> {
  const keys = typeof itemsKey === 'string' ? [itemsKey] : itemsKey;
  const items = new Map(keys.map((key) => [key, [] as unknown[]]));
  let marker: string | undefined;
  let last: Record<string, unknown>;
  do {
    const page = (await context.call(operation, shape, (signal) => send(marker, signal))) as Record<string, unknown> | undefined;
    if (page === undefined || 'error' in page) return page;
    for (const key of keys) items.get(key)?.push(...((page[key] as unknown[] | undefined) ?? []));
    marker = token.next(page);
    last = page;
  } while (marker);
  const rest = Object.fromEntries(Object.entries(last).filter(([key]) => !token.fields.includes(key)));
  return { ...rest, ...Object.fromEntries(items) };
}

/** A per-resource call for each id, as the `{ "<id>": response }` map the snapshot keeps; ids beyond `max` are not collected. */
export async function perResource(
  ids: readonly string[],
  max: number,
  call: (id: string) => Promise<unknown>,
): Promise<Record<string, unknown> | undefined> {
  if (ids.length === 0) return undefined;
  const answers = await Promise.all(ids.slice(0, max).map(async (id) => [id, await call(id)] as const));
  return Object.fromEntries(answers.filter(([, answer]) => answer !== undefined));
}
