import type { Pagination } from './define-service.ts';

/** `NextToken` in and out (EC2, GuardDuty, Security Hub, Systems Manager). */
export function nextTokenPages(...items: string[]): Pagination {
  return { input: 'NextToken', output: 'NextToken', items };
}

/** camelCase `nextToken` (Access Analyzer, ECR, Inspector, Macie). */
export function camelNextTokenPages(...items: string[]): Pagination {
  return { input: 'nextToken', output: 'nextToken', items };
}

/** IAM's `Marker`, with `IsTruncated` saying more pages follow. */
export function iamMarkerPages(...items: string[]): Pagination {
  return { input: 'Marker', output: 'Marker', more: 'IsTruncated', items };
}
