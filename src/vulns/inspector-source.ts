import { paginateListFindings, type Inspector2Client } from '@aws-sdk/client-inspector2';
import { accessErrorFor } from '../aws/aws-errors.ts';
import { UserError } from '../errors.ts';
import type { InspectorFinding } from './finding.ts';
import type { FilterCriteria } from './filters.ts';
import { asFinding } from './validate.ts';

/** ListFindings returns at most 100 findings a page. */
export const MAX_RESULTS = 100;

/**
 * Every finding Inspector has for the filter, a page at a time (nextToken), region after region.
 * The filter goes to the API as `filterCriteria`, so only matching findings cross the network.
 */
export async function* listFindingsPages(
  clients: readonly Inspector2Client[],
  criteria: FilterCriteria,
  pageSize = MAX_RESULTS,
): AsyncGenerator<InspectorFinding[]> {
  for (const client of clients) {
    const region = await regionOf(client);
    const pages = paginateListFindings({ client, pageSize }, { filterCriteria: criteria, maxResults: pageSize });
    let index = 0;
    try {
      for await (const page of pages) {
        const findings: InspectorFinding[] = (page.findings ?? []).map((finding) =>
          asFinding(finding, `ListFindings(${region}).findings[${index++}]`),
        );
        yield findings;
      }
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw accessErrorFor(error, `inspector2:ListFindings in ${region}`);
    }
  }
}

async function regionOf(client: Inspector2Client): Promise<string> {
  try {
    return await client.config.region();
  } catch {
    throw new UserError('no AWS region: pass --region (repeat it for several regions) or set AWS_REGION', {
      field: '--region',
    });
  }
}
