import { AccessAnalyzerClient, ListAnalyzersCommand } from '@aws-sdk/client-accessanalyzer';
import { ACCESSANALYZER_LISTINGS } from '../model/accessanalyzer-schema.ts';
import type { RegionContext, RegionalServiceCollector } from './regional-collector.ts';
import { collectPages, NEXT_TOKEN } from './token-pages.ts';

/** IAM Access Analyzer evidence of one region: its analyzers of every type. */
export const accessanalyzerCollector: RegionalServiceCollector = {
  service: 'accessanalyzer',
  async collectRegion(context: RegionContext) {
    const analyzer = context.clients.client(AccessAnalyzerClient, context.region);
    const ListAnalyzers = await collectPages(context, 'ListAnalyzers', ACCESSANALYZER_LISTINGS.ListAnalyzers, 'analyzers', NEXT_TOKEN, (nextToken, abortSignal) =>
      analyzer.send(new ListAnalyzersCommand({ nextToken }), { abortSignal }),
    );
    return { ListAnalyzers };
  },
};
