/**
 * Who a request shares an image or snapshot with: the accounts (or `all`) that ModifyImageAttribute
 * (launchPermission), ModifySnapshotAttribute (createVolumePermission) and ModifyDB[Cluster]SnapshotAttribute
 * (the `restore` attribute) add. Removals are not grants and are left out.
 */
import { asList, type FieldEvent, isRecord, ownAccount, pathOf, stringAt } from './event.ts';

/** the value EC2 and RDS use for "everyone" */
const EVERYONE = 'all';

/** EC2's `{add: {items: [{userId} | {group: "all"} | {organizationArn} | {organizationalUnitArn}]}}` */
function ec2Grantees(permission: unknown): string[] {
  const out: string[] = [];
  for (const item of asList(pathOf(permission, 'add', 'items'))) {
    if (!isRecord(item)) continue;
    for (const key of ['userId', 'group', 'organizationArn', 'organizationalUnitArn']) {
      const value = item[key];
      if (typeof value === 'string') out.push(value);
    }
  }
  return out;
}

/** The grantees the request adds, in request order; undefined when the request shares nothing this way. */
function grantees(ev: FieldEvent): string[] | undefined {
  const params = ev.record.requestParameters;
  if (!isRecord(params)) return undefined;
  if (isRecord(params.launchPermission)) return ec2Grantees(params.launchPermission);
  if (isRecord(params.createVolumePermission)) return ec2Grantees(params.createVolumePermission);
  if (stringAt(params, 'attributeName') === 'restore') {
    return asList(params.valuesToAdd).filter((v): v is string => typeof v === 'string');
  }
  return undefined;
}

export function shareGrantees(ev: FieldEvent): string | undefined {
  const found = grantees(ev);
  return found === undefined || found.length === 0 ? undefined : found.join(',');
}

export function sharedPublicly(ev: FieldEvent): boolean | undefined {
  return grantees(ev)?.some((g) => g.toLowerCase() === EVERYONE);
}

/**
 * Everyone, or an account ID other than the event's own. An organization or OU ARN is not counted: AWS lets an
 * image be shared only with the owner's own organization and its OUs.
 */
export function sharedExternally(ev: FieldEvent): boolean | undefined {
  const found = grantees(ev);
  if (found === undefined) return undefined;
  const own = ownAccount(ev);
  return found.some((g) => g.toLowerCase() === EVERYONE || (/^\d{12}$/.test(g) && g !== own));
}
