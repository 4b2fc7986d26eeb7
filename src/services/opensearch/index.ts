import { DescribeDomainCommand, ListDomainNamesCommand, OpenSearchClient } from '@aws-sdk/client-opensearch';
import { defineService } from '../define-service.ts';
import { OPENSEARCH_LISTINGS, OPENSEARCH_PER_RESOURCE } from './schema.ts';

/** Amazon OpenSearch Service evidence of one region: the domain names, and each domain's configuration. */
export default defineService({
  name: 'opensearch',
  title: 'Amazon OpenSearch Service',
  scope: 'regional',
  client: OpenSearchClient,
  operations: {
    // not paginated: one answer lists every domain of the region
    ListDomainNames: {
      command: ListDomainNamesCommand,
      response: OPENSEARCH_LISTINGS.ListDomainNames,
      iam: ['es:ListDomainNames'],
    },
    DescribeDomain: {
      command: DescribeDomainCommand,
      perResource: {
        after: ['ListDomainNames'],
        targets: (answers) =>
          ((answers.ListDomainNames as { DomainNames?: { DomainName?: string }[] } | undefined)?.DomainNames ?? [])
            .flatMap((d) => (d.DomainName === undefined ? [] : [d.DomainName]))
            .map((name) => ({ key: name, input: { DomainName: name } })),
      },
      response: OPENSEARCH_PER_RESOURCE.DescribeDomain,
      iam: ['es:DescribeDomain'],
    },
  },
});
