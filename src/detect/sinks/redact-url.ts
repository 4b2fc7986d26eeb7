/**
 * A URL as it may be printed (errors, summaries, logs). Webhook URLs carry their secret in the URL itself:
 * `user:password@`, a `?token=` query, or a path token (Slack `/services/T…/B…/SECRET`, Discord
 * `/api/webhooks/ID/TOKEN`). So only the scheme, `***@` when there were credentials, the host and the first
 * path segment are shown (and that one only when it is short enough not to be a token); the rest is `…`.
 */
const MAX_SHOWN_SEGMENT = 20;

export function redactUrl(text: string | URL, options: { keepPath?: boolean } = {}): string {
  let url: URL;
  try {
    url = new URL(String(text));
  } catch {
    return '(not a URL)';
  }
  const auth = url.username || url.password ? '***@' : '';
  const query = url.search || url.hash ? '?…' : '';
  return `${url.protocol}//${auth}${url.host}${options.keepPath ? url.pathname : shownPath(url.pathname)}${query}`;
}

function shownPath(pathname: string): string {
  const segments = pathname.split('/').filter(Boolean);
  const first = segments[0];
  if (first === undefined) return pathname === '' ? '' : '/';
  if (first.length > MAX_SHOWN_SEGMENT) return '/…';
  return segments.length > 1 || pathname.endsWith(`${first}/`) ? `/${first}/…` : `/${first}`;
}
