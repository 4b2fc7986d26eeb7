import { appendAll, listing, regionsOf } from '../../model/normalise-regional.ts';
import { observe, present, type Observed } from '../../model/observed.ts';
import type { Gap } from '../../model/resource.ts';
import { defineServiceState, resourceArn, type NormaliseContext } from '../define-state.ts';
import type { AcmSection } from './schema.ts';

/** What DescribeCertificate says about a certificate. */
export interface AcmCertificateDetails {
  type: string | undefined;
  status: string | undefined;
  notAfter: string | undefined;
  keyAlgorithm: string | undefined;
  inUseBy: string[];
}

/** A certificate, ARN `arn:<partition>:acm:<region>:<account>:certificate/<id>`. */
export interface AcmCertificate {
  kind: 'acm-certificate';
  arn: string;
  region: string;
  accountId: string;
  /** the domain name, which says more in a message than the ARN's UUID */
  name: string;
  details: Observed<AcmCertificateDetails>;
}

export interface AcmState {
  certificates: AcmCertificate[];
}

/** The certificates of every region; a failed ListCertificates is a gap (its certificates' checks say unknown). */
function normaliseAcm(section: AcmSection, context: NormaliseContext): { state: AcmState; gaps: Gap[] } {
  const gaps: Gap[] = [];
  const state: AcmState = { certificates: [] };
  for (const region of regionsOf(section, context.regions)) {
    const entry = section[region] ?? {};
    const described = entry.DescribeCertificate ?? {};
    const listed = listing(
      entry.ListCertificates,
      { operation: 'acm:ListCertificates', region },
      [context.hidden('acm-certificate', region)],
      gaps,
      (r) =>
        (r.CertificateSummaryList ?? []).flatMap((summary): AcmCertificate[] => {
          const arn = summary.CertificateArn;
          if (arn === undefined) return [];
          return [
            {
              kind: 'acm-certificate',
              arn,
              region,
              accountId: context.accountId,
              name: summary.DomainName ?? arn,
              details: observe(described[arn], 'acm:DescribeCertificate', [], (d) => ({
                type: d.Certificate.Type,
                status: d.Certificate.Status,
                notAfter: d.Certificate.NotAfter,
                keyAlgorithm: d.Certificate.KeyAlgorithm,
                inUseBy: d.Certificate.InUseBy ?? [],
              })),
            },
          ];
        }),
    );
    appendAll(state.certificates, listed.items);
  }
  return { state, gaps };
}

/** AWS Certificate Manager in the account state: `state.acm` (certificates of every region). */
export default defineServiceState({
  sections: ['acm'],
  normalise: (snapshot, context) => normaliseAcm(snapshot.acm ?? {}, context),
  resources: {
    'acm-certificate': {
      securityHubType: 'AwsCertificateManagerCertificate',
      arn: resourceArn('acm', 'certificate'),
      of: (state: AcmState) => state.certificates,
    },
  },
  operations: {
    'acm:ListCertificates': { scope: 'acm-certificate', read: (_s: AcmState, c: AcmCertificate) => present(c) },
    'acm:DescribeCertificate': { scope: 'acm-certificate', read: (_s: AcmState, c: AcmCertificate) => c.details },
  },
});
