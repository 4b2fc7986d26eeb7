import { appendAll, listing, regionsOf } from '../../model/normalise-regional.ts';
import { observe, present, type Observed } from '../../model/observed.ts';
import type { Gap } from '../../model/resource.ts';
import { defineServiceState, resourceArn, type NormaliseContext } from '../define-state.ts';
import type { OpensearchSection } from './schema.ts';

/** What DescribeDomain says about a domain. */
export interface OpensearchDomainConfig {
  encryptedAtRest: boolean;
  kmsKeyId: string | undefined;
  nodeToNodeEncryption: boolean;
  /** the VPC the domain lives in; undefined for a domain with a public endpoint */
  vpcId: string | undefined;
  enforceHttps: boolean;
  tlsPolicy: string | undefined;
  /** log types published to CloudWatch Logs (`AUDIT_LOGS`, `ES_APPLICATION_LOGS`…) */
  enabledLogs: string[];
  /** data nodes (ClusterConfig.InstanceCount) */
  dataNodes: number;
  zoneAwareness: boolean;
  /** dedicated master (primary) nodes; 0 when the domain has none */
  dedicatedMasters: number;
  fineGrainedAccessControl: boolean;
  /** ServiceSoftwareOptions: the running version and, when one is waiting, the update's */
  software: { current?: string; next?: string; updateAvailable: boolean; updateStatus?: string };
}

/** An OpenSearch domain, ARN `arn:<partition>:es:<region>:<account>:domain/<name>`. */
export interface OpensearchDomain {
  kind: 'opensearch-domain';
  arn: string;
  region: string;
  accountId: string;
  name: string;
  config: Observed<OpensearchDomainConfig>;
}

export interface OpensearchState {
  domains: OpensearchDomain[];
}

/** The domains of every region; a failed ListDomainNames is a gap (its domains' checks say unknown). */
function normaliseOpensearch(
  section: OpensearchSection,
  context: NormaliseContext,
): { state: OpensearchState; gaps: Gap[] } {
  const gaps: Gap[] = [];
  const state: OpensearchState = { domains: [] };
  for (const region of regionsOf(section, context.regions)) {
    const entry = section[region] ?? {};
    const described = entry.DescribeDomain ?? {};
    const listed = listing(
      entry.ListDomainNames,
      { operation: 'opensearch:ListDomainNames', region },
      [context.hidden('opensearch-domain', region)],
      gaps,
      (r) =>
        (r.DomainNames ?? []).flatMap((d): OpensearchDomain[] => {
          const name = d.DomainName;
          if (name === undefined) return [];
          return [
            {
              kind: 'opensearch-domain',
              arn: context.arn('opensearch-domain', region, name),
              region,
              accountId: context.accountId,
              name,
              config: observe(described[name], 'opensearch:DescribeDomain', [], ({ DomainStatus: s }) => ({
                encryptedAtRest: s.EncryptionAtRestOptions?.Enabled === true,
                kmsKeyId: s.EncryptionAtRestOptions?.KmsKeyId,
                nodeToNodeEncryption: s.NodeToNodeEncryptionOptions?.Enabled === true,
                vpcId: s.VPCOptions?.VPCId,
                enforceHttps: s.DomainEndpointOptions?.EnforceHTTPS === true,
                tlsPolicy: s.DomainEndpointOptions?.TLSSecurityPolicy,
                enabledLogs: Object.entries(s.LogPublishingOptions ?? {})
                  .filter(([, o]) => o.Enabled === true)
                  .map(([type]) => type),
                dataNodes: s.ClusterConfig?.InstanceCount ?? 0,
                zoneAwareness: s.ClusterConfig?.ZoneAwarenessEnabled === true,
                dedicatedMasters:
                  s.ClusterConfig?.DedicatedMasterEnabled === true ? (s.ClusterConfig.DedicatedMasterCount ?? 0) : 0,
                fineGrainedAccessControl: s.AdvancedSecurityOptions?.Enabled === true,
                software: {
                  ...(s.ServiceSoftwareOptions?.CurrentVersion
                    ? { current: s.ServiceSoftwareOptions.CurrentVersion }
                    : {}),
                  ...(s.ServiceSoftwareOptions?.NewVersion ? { next: s.ServiceSoftwareOptions.NewVersion } : {}),
                  updateAvailable: s.ServiceSoftwareOptions?.UpdateAvailable === true,
                  ...(s.ServiceSoftwareOptions?.UpdateStatus
                    ? { updateStatus: s.ServiceSoftwareOptions.UpdateStatus }
                    : {}),
                },
              })),
            },
          ];
        }),
    );
    appendAll(state.domains, listed.items);
  }
  return { state, gaps };
}

/** Amazon OpenSearch Service in the account state: `state.opensearch` (domains of every region). */
export default defineServiceState({
  sections: ['opensearch'],
  normalise: (snapshot, context) => normaliseOpensearch(snapshot.opensearch ?? {}, context),
  resources: {
    'opensearch-domain': {
      securityHubType: 'AwsOpenSearchServiceDomain',
      arn: resourceArn('es', 'domain'),
      of: (state: OpensearchState) => state.domains,
    },
  },
  operations: {
    'opensearch:ListDomainNames': {
      scope: 'opensearch-domain',
      read: (_s: OpensearchState, d: OpensearchDomain) => present(d),
    },
    'opensearch:DescribeDomain': {
      scope: 'opensearch-domain',
      read: (_s: OpensearchState, d: OpensearchDomain) => d.config,
    },
  },
});
