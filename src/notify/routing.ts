/**
 * Which notices a sink gets: by kind, lowest severity, lowest Falco priority (alerts only), account and tag. Every
 * condition given must hold; a list holds when any of its entries matches. Tags are glob patterns (`mitre_*`),
 * matched with picomatch.
 */
import picomatch from 'picomatch';
import type { Priority } from '../detect/engine/types.ts';
import { atLeastPriority } from '../detect/rules/definitions.ts';
import { atLeast, type Severity } from '../findings/severity.ts';
import type { Notice, NoticeKind } from './notice.ts';

export interface Route {
  kinds?: NoticeKind[];
  minSeverity?: Severity;
  /** alerts below this priority are not sent; findings and verdicts have no priority and are not held back by it */
  minPriority?: Priority;
  accounts?: string[];
  tags?: string[];
}

export type RouteTest = (notice: Notice) => boolean;

export function routeTest(route: Route): RouteTest {
  const tagMatchers = route.tags?.map((pattern) => picomatch(pattern, { nocase: true }));
  return (notice) => {
    if (route.kinds && !route.kinds.includes(notice.kind)) return false;
    if (route.minSeverity && !atLeast(notice.severity, route.minSeverity)) return false;
    const origin = notice.origin;
    if (route.minPriority && origin.kind === 'alert' && !atLeastPriority(origin.alert.priority, route.minPriority))
      return false;
    if (route.accounts && (notice.account === null || !route.accounts.includes(notice.account))) return false;
    if (tagMatchers && !notice.tags.some((tag) => tagMatchers.some((match) => match(tag)))) return false;
    return true;
  };
}
