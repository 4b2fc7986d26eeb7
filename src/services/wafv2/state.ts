import { appendAll, listing, regionsOf } from '../../model/normalise-regional.ts';
import { observe, present, type Observed } from '../../model/observed.ts';
import type { Gap } from '../../model/resource.ts';
import { defineServiceState, type NormaliseContext } from '../define-state.ts';
import type { Wafv2Section } from './schema.ts';

/** One rule of a web ACL (an inline rule or a reference to a rule group). */
export interface Wafv2Rule {
  name: string;
  cloudWatchMetrics: boolean;
}

/** A regional web ACL, ARN `arn:<partition>:wafv2:<region>:<account>:regional/webacl/<name>/<id>`. */
export interface Wafv2WebAcl {
  kind: 'wafv2-web-acl';
  arn: string;
  region: string;
  accountId: string;
  name: string;
  /** its rules and the default action's metrics, from GetWebACL */
  definition: Observed<{ rules: Wafv2Rule[]; defaultActionMetrics: boolean }>;
  /** where it logs (Firehose, S3 or CloudWatch Logs ARNs); absent when it logs nowhere */
  logDestinations: Observed<string[]>;
}

export interface Wafv2State {
  webAcls: Wafv2WebAcl[];
}

/** The regional web ACLs of every region; a failed ListWebACLs is a gap (their checks say unknown). */
function normaliseWafv2(section: Wafv2Section, context: NormaliseContext): { state: Wafv2State; gaps: Gap[] } {
  const gaps: Gap[] = [];
  const state: Wafv2State = { webAcls: [] };
  for (const region of regionsOf(section, context.regions)) {
    const entry = section[region] ?? {};
    const definitions = entry.GetWebACL ?? {};
    const logging = entry.GetLoggingConfiguration ?? {};
    const listed = listing(
      entry.ListWebACLs,
      { operation: 'wafv2:ListWebACLs', region },
      [context.hidden('wafv2-web-acl', region)],
      gaps,
      (r) =>
        r.WebACLs.flatMap((acl): Wafv2WebAcl[] => {
          if (!acl.ARN) return [];
          const arn = acl.ARN;
          return [
            {
              kind: 'wafv2-web-acl',
              arn,
              region,
              accountId: context.accountId,
              name: acl.Name ?? arn,
              definition: observe(definitions[arn], 'wafv2:GetWebACL', [], (d) => ({
                rules: (d.WebACL.Rules ?? []).map((rule) => ({
                  name: rule.Name,
                  cloudWatchMetrics: rule.VisibilityConfig?.CloudWatchMetricsEnabled === true,
                })),
                defaultActionMetrics: d.WebACL.VisibilityConfig?.CloudWatchMetricsEnabled === true,
              })),
              logDestinations: observe(
                logging[arn],
                'wafv2:GetLoggingConfiguration',
                ['WAFNonexistentItemException'],
                (l) => l.LoggingConfiguration.LogDestinationConfigs ?? [],
              ),
            },
          ];
        }),
    );
    appendAll(state.webAcls, listed.items);
  }
  return { state, gaps };
}

/** AWS WAF in the account state: `state.wafv2` (regional web ACLs with their rules and logging). */
export default defineServiceState({
  sections: ['wafv2'],
  normalise: (snapshot, context) => normaliseWafv2(snapshot.wafv2 ?? {}, context),
  resources: {
    'wafv2-web-acl': {
      securityHubType: 'AwsWafv2WebAcl',
      // the id is `<name>/<id>`: WAF names a web ACL by both
      arn: ({ partition, region, accountId, id }) =>
        `arn:${partition}:wafv2:${region}:${accountId}:regional/webacl/${id}`,
      of: (state: Wafv2State) => state.webAcls,
    },
  },
  operations: {
    'wafv2:ListWebACLs': { scope: 'wafv2-web-acl', read: (_state: Wafv2State, acl: Wafv2WebAcl) => present(acl) },
    'wafv2:GetWebACL': { scope: 'wafv2-web-acl', read: (_state: Wafv2State, acl: Wafv2WebAcl) => acl.definition },
    'wafv2:GetLoggingConfiguration': {
      scope: 'wafv2-web-acl',
      read: (_state: Wafv2State, acl: Wafv2WebAcl) => acl.logDestinations,
    },
  },
});
