/**
 * Accept and un-accept, as plain forms (they work without the script): a POST with the CSRF token that returns to
 * the page it came from. Used by the findings table and the resource page.
 */
import type { StoredAcceptance } from '../../store/acceptances.ts';
import { UI_ORIGIN } from '../../store/acceptances.ts';
import type { StoredFinding } from '../../store/queries.ts';
import { csrfInput, h, type PageContext } from './layout.ts';

function returnInput(ctx: PageContext): string {
  return `<input type="hidden" name="return" value="${h(ctx.here)}">`;
}

export function acceptForm(ctx: PageContext, finding: Pick<StoredFinding, 'fingerprint' | 'checkId'>): string {
  return `<details class="accept"><summary>accept</summary><form method="post" action="/accept">
${csrfInput(ctx)}${returnInput(ctx)}<input type="hidden" name="fingerprint" value="${h(finding.fingerprint)}">
<label>who <input name="by" required maxlength="200" autocomplete="name"></label>
<label>why <input name="reason" required maxlength="2000"></label>
<label>until (optional) <input name="until" type="date"></label>
<button type="submit">Accept ${h(finding.checkId)}</button></form></details>`;
}

export function unacceptForm(ctx: PageContext, fingerprint: string): string {
  return `<form class="inline" method="post" action="/unaccept">${csrfInput(ctx)}${returnInput(ctx)}<input type="hidden" name="fingerprint" value="${h(fingerprint)}"><button type="submit">un-accept</button></form>`;
}

/** Who accepted it, why and until when; an accept-file acceptance says where it is written (only the file ends it). */
export function acceptanceText(a: StoredAcceptance): string {
  const where = a.origin === UI_ORIGIN ? 'in the dashboard' : `in ${h(a.origin)}`;
  return `<span class="${a.state === 'live' ? 'accepted' : a.state}">accepted ${where}${a.acceptedBy ? ` by ${h(a.acceptedBy)}` : ''}${a.expires ? ` until ${h(a.expires)}` : ''}${a.state === 'expiring' || a.state === 'expired' ? ` (${a.state})` : ''}: ${h(a.reason)}</span>`;
}

/** The action a finding's row offers: accept an open one, un-accept a dashboard acceptance. */
export function acceptAction(
  ctx: PageContext,
  finding: StoredFinding,
  acceptances: readonly StoredAcceptance[],
): string {
  if (finding.status === 'resolved') return '';
  const ui = acceptances.find((a) => a.origin === UI_ORIGIN && a.state !== 'expired' && a.state !== 'revoked');
  const described = acceptances
    .filter((a) => a.state !== 'revoked')
    .map(acceptanceText)
    .join('<br>');
  if (ui) return `${described} ${unacceptForm(ctx, finding.fingerprint)}`;
  if (finding.status === 'accepted') return described;
  return `${described ? `${described}<br>` : ''}${acceptForm(ctx, finding)}`;
}
