/**
 * `slack:https://hooks.slack.com/services/…`: a Block Kit message per notice (a header, the one-line text, the facts
 * as fields, a dashboard button when a dashboard URL is configured), and a plain `text` fallback for notifications.
 * Everything that came from an event, a bucket, a key or a tag is escaped for mrkdwn (`&`, `<`, `>`), so an
 * attacker-chosen name can neither make a link nor a mention (`<!channel>`, `<@U…>`), and control characters are
 * shown escaped.
 */
import { escapeControl } from '../report/escape.ts';
import { HttpEndpoint, type HttpSinkOptions } from './http-post.ts';
import type { Notice } from './notice.ts';
import type { Outcome, Transport } from './transport.ts';

/** Slack's limits: header text 150 characters, section text 3000, a field 2000, at most 10 fields. */
const HEADER_MAX = 150;
const SECTION_MAX = 3000;
const FIELD_MAX = 2000;
const FIELDS_MAX = 10;

/** Text for a mrkdwn object: Slack's three control characters escaped, no control characters left raw. */
export function escapeMrkdwn(text: string): string {
  return escapeControl(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const SEVERITY_MARK: Record<string, string> = {
  critical: ':red_circle:',
  high: ':large_orange_circle:',
  medium: ':large_yellow_circle:',
  low: ':large_blue_circle:',
  info: ':white_circle:',
};

const KIND_NAME: Record<Notice['kind'], string> = {
  alert: 'Detection alert',
  'finding-new': 'New finding',
  'finding-resolved': 'Resolved finding',
  malware: 'Malware scan',
};

/** Where a notice is shown on the dashboard: alerts under /alerts, findings and verdicts under /findings. */
export function dashboardLink(base: string, notice: Notice): string {
  const root = base.replace(/\/+$/, '');
  const section = notice.kind === 'alert' ? 'alerts' : 'findings';
  return `${root}/${section}/${notice.fingerprint}`;
}

/** `Detection alert: RULE`; a finding's title already says `New finding:` / `Resolved:` and is not prefixed twice. */
function previewTitle(notice: Notice): string {
  const title = escapeMrkdwn(notice.title);
  return notice.kind === 'finding-new' || notice.kind === 'finding-resolved'
    ? title
    : `${KIND_NAME[notice.kind]}: ${title}`;
}

export function slackMessage(notice: Notice, dashboardUrl?: string): Record<string, unknown> {
  const blocks: Record<string, unknown>[] = [
    // plain_text is never parsed for links or mentions: the title needs no mrkdwn escaping
    { type: 'header', text: { type: 'plain_text', text: clip(escapeControl(notice.title), HEADER_MAX), emoji: false } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: clip(
          `${SEVERITY_MARK[notice.severity] ?? ''} *${KIND_NAME[notice.kind]}* (${notice.severity})\n${escapeMrkdwn(notice.text)}`,
          SECTION_MAX,
        ),
      },
    },
  ];
  const fields = notice.facts
    .slice(0, FIELDS_MAX)
    .map(([label, value]) => ({ type: 'mrkdwn', text: clip(`*${label}*\n${escapeMrkdwn(value)}`, FIELD_MAX) }));
  if (fields.length > 0) blocks.push({ type: 'section', fields });
  if (notice.tags.length > 0)
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: clip(`tags: ${escapeMrkdwn(notice.tags.join(', '))}`, SECTION_MAX) }],
    });
  if (dashboardUrl)
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Open in cloudwarden' },
          url: dashboardLink(dashboardUrl, notice),
        },
      ],
    });
  return {
    // the notification preview: escaped like any mrkdwn text
    text: clip(`${previewTitle(notice)}: ${escapeMrkdwn(notice.text)}`, SECTION_MAX),
    blocks,
  };
}

export class SlackTransport implements Transport {
  readonly label = 'slack';
  readonly shown: string;
  readonly maxBatch = 1;
  /** Slack's incoming webhooks allow about one message a second: one at a time, in order */
  readonly concurrency = 1;
  private readonly endpoint: HttpEndpoint;

  constructor(
    url: string,
    private readonly dashboardUrl: string | undefined,
    options: HttpSinkOptions = {},
    field = '--sink',
  ) {
    this.endpoint = new HttpEndpoint(url, options, field);
    this.shown = this.endpoint.shown;
  }

  async send(notices: readonly Notice[]): Promise<Outcome[]> {
    return [await this.endpoint.post(JSON.stringify(slackMessage(notices[0]!, this.dashboardUrl)))];
  }
}
