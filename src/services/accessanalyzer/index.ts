import { AccessAnalyzerClient, ListAnalyzersCommand } from '@aws-sdk/client-accessanalyzer';
import { ACCESSANALYZER_LISTINGS } from './schema.ts';
import { defineService } from '../define-service.ts';
import { camelNextTokenPages } from '../pagination.ts';

/** IAM Access Analyzer evidence of one region: its analyzers of every type. */
export default defineService({
  name: 'accessanalyzer',
  title: 'IAM Access Analyzer',
  scope: 'regional',
  client: AccessAnalyzerClient,
  operations: {
    ListAnalyzers: {
      command: ListAnalyzersCommand,
      pages: camelNextTokenPages('analyzers'),
      response: ACCESSANALYZER_LISTINGS.ListAnalyzers,
      iam: ['access-analyzer:ListAnalyzers'],
    },
  },
});
