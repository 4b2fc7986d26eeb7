/**
 * `watch --config watch.yaml`: the same settings as the flags, plus routed sinks. A flag given on the command line
 * wins over the file. Every mistake is one error at its `file:line:column`.
 *
 *   queue: sqs://https://sqs.us-east-1.amazonaws.com/111122223333/cloudtrail-events
 *   region: us-east-1
 *   db: sqlite:/var/lib/cloudwarden/cloudwarden.db
 *   state: /var/lib/cloudwarden/detect-state.json
 *   spool: /var/lib/cloudwarden/spool
 *   rules: [/etc/cloudwarden/rules]
 *   sinks: [...]            # src/notify/sink-config.ts
 *   schedules:              # full scans (schedule.ts)
 *     - name: nightly
 *       cron: '0 2 * * *'
 *       timezone: Europe/Berlin
 *   malware:                # uploads scanned by clamd, as `malware watch` (src/malware/watch-run.ts)
 *     queue: sqs://https://sqs.us-east-1.amazonaws.com/111122223333/uploads-scan
 *     clamd: tcp://127.0.0.1:3310
 *     tag: true
 *     quarantine: s3://quarantine-bucket/infected/
 */
import { z } from 'zod';
import { checkedValue, readLocatedYaml, type LocatedYaml } from '../config/located-yaml.ts';
import { UserError } from '../errors.ts';
import { parseClamdAddress } from '../malware/clamd-address.ts';
import { parseS3Prefix } from '../malware/s3-target.ts';
import { parseSize } from '../malware/size.ts';
import type { MalwareWatchSettings } from '../malware/watch-run.ts';
import type { SinkFlags } from '../notify/open.ts';
import { SERVICES } from '../services/registry.ts';
import { checkCron, checkTimezone, scheduleFromFlag, type ScheduleSpec } from './schedule.ts';

export interface WatchOptions extends SinkFlags {
  /** watch.yaml; the flags win over it */
  config?: string;
  queue?: string;
  rules?: string[];
  builtin?: boolean;
  state?: string;
  db?: string | true;
  drain?: boolean;
  region?: string;
  profile?: string;
  endpointUrl?: string;
  quiet?: boolean;
  /** `--schedule 'CRON [TIME_ZONE]'`: a full scan of the credentials' account at those times */
  schedule?: string;
  /** `--metrics-port PORT|HOST:PORT`: /healthz and /metrics */
  metricsPort?: string;
  /** `--log-format text|json` */
  logFormat?: string;
}

const SCHEDULE = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, { error: 'expected a name of letters, digits, _ . -' }),
    cron: z.string().min(1),
    timezone: z.string().min(1).optional(),
    services: z.array(z.string().min(1)).min(1).optional(),
    regions: z.array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { error: 'expected a region' })).optional(),
    accounts: z.string().min(1).optional(),
    org: z.boolean().optional(),
    'role-name': z.string().min(1).optional(),
    'external-id': z.string().min(1).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    let zone: string;
    try {
      zone = checkTimezone(value.timezone ?? 'UTC');
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message, path: ['timezone'] });
      return;
    }
    try {
      checkCron(value.cron, zone);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message, path: ['cron'] });
    }
    for (const [i, name] of (value.services ?? []).entries()) {
      if (!SERVICES.some((s) => s.name === name))
        ctx.addIssue({
          code: 'custom',
          message: `no service "${name}" (there are ${SERVICES.map((s) => s.name).join(', ')})`,
          path: ['services', i],
        });
    }
    if (value.org && value.accounts)
      ctx.addIssue({ code: 'custom', message: 'org and accounts exclude each other', path: ['org'] });
  });

/** A value a parser of `malware watch`'s flags accepts; its UserError's message becomes the issue at the field. */
function parsedBy(parse: (text: string) => unknown) {
  return z.string().superRefine((text, ctx) => {
    try {
      parse(text);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message });
    }
  });
}

const COUNT = z.number().int().min(1).max(1000, { error: 'expected a number from 1 to 1000' });

/** `cloudwarden malware watch`'s flags, as a section: the same names without the dashes' `--`. */
const MALWARE = z
  .object(
    {
      queue: z
        .string({ error: 'expected sqs://QUEUE_URL' })
        .startsWith('sqs://', { error: 'expected sqs://QUEUE_URL' }),
      clamd: parsedBy(parseClamdAddress).optional(),
      'clamd-config': z.string().min(1).optional(),
      tag: z.boolean().optional(),
      quarantine: parsedBy((text) => parseS3Prefix(text, 'quarantine')).optional(),
      'max-size': parsedBy((text) => parseSize(text, 'max-size')).optional(),
      concurrency: COUNT.optional(),
      'max-attempts': COUNT.optional(),
      output: z.string().min(1).optional(),
      store: z.boolean().optional(),
    },
    { error: 'expected a mapping (queue:, clamd:, tag:, quarantine:, …)' },
  )
  .strict();

const WATCH_FILE = z
  .object(
    {
      queue: z.string().startsWith('sqs://', { error: 'expected sqs://QUEUE_URL' }).optional(),
      region: z
        .string()
        .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { error: 'expected a region such as us-east-1' })
        .optional(),
      profile: z.string().min(1).optional(),
      'endpoint-url': z.string().url({ error: 'expected an http(s) URL' }).optional(),
      db: z.string().min(1).optional(),
      state: z.string().min(1).optional(),
      spool: z.string().min(1).optional(),
      rules: z.array(z.string().min(1)).optional(),
      builtin: z.boolean().optional(),
      sinks: z.unknown().optional(),
      metrics: z
        .union([z.number().int().min(0).max(65_535), z.string().regex(/^(.+:)?\d{1,5}$/)], {
          error: 'expected a port or HOST:PORT',
        })
        .optional(),
      'log-format': z.enum(['text', 'json'], { error: 'expected text or json' }).optional(),
      schedules: z
        .array(SCHEDULE)
        .refine((list) => new Set(list.map((s) => s.name)).size === list.length, {
          error: 'two schedules have the same name',
        })
        .optional(),
      malware: MALWARE.optional(),
    },
    { error: 'a watch config is a YAML mapping (queue:, sinks:, …)' },
  )
  .strict()
  .superRefine((value, ctx) => {
    // one queue's messages would be taken by two readers that each reject the other's notifications
    if (value.malware && value.queue && value.malware.queue === value.queue)
      ctx.addIssue({
        code: 'custom',
        message: "the uploads' queue must not be the CloudTrail queue (queue:): give each its own",
        path: ['malware', 'queue'],
      });
  });

/** The `malware:` section: settings for src/malware/watch-run.ts, and what watch does with each verdict. */
export interface WatchMalware extends MalwareWatchSettings {
  /** a JSON line per verdict appended (and synced) to this file */
  output?: string;
  /** record verdicts in the watch's store (default true) */
  store: boolean;
}

export interface WatchConfig {
  options: WatchOptions;
  /** the file and its `sinks:` section, for the notifier (routes, errors at their lines) */
  sinks: { yaml: LocatedYaml; section: unknown } | undefined;
  schedules: ScheduleSpec[];
  malware: WatchMalware | undefined;
}

/** The schedules of the file and of `--schedule` (named `schedule`). */
export function schedulesOf(options: WatchOptions, config: WatchConfig | undefined): ScheduleSpec[] {
  const fromFlag = options.schedule ? [scheduleFromFlag(options.schedule)] : [];
  return [...(config?.schedules ?? []).filter((s) => !fromFlag.some((f) => f.name === s.name)), ...fromFlag];
}

/** The file's settings under the flags given (flags win). */
export async function loadWatchConfig(file: string, flags: WatchOptions): Promise<WatchConfig> {
  const yaml = await readLocatedYaml(file, 'watch config file');
  const data = checkedValue(yaml, WATCH_FILE, yaml.data ?? {});
  const fromFile: WatchOptions = {
    ...(data.queue ? { queue: data.queue } : {}),
    ...(data.region ? { region: data.region } : {}),
    ...(data.profile ? { profile: data.profile } : {}),
    ...(data['endpoint-url'] ? { endpointUrl: data['endpoint-url'] } : {}),
    ...(data.db ? { db: data.db } : {}),
    ...(data.state ? { state: data.state } : {}),
    ...(data.spool ? { spool: data.spool } : {}),
    ...(data.rules ? { rules: data.rules } : {}),
    ...(data.builtin !== undefined ? { builtin: data.builtin } : {}),
    ...(data.metrics !== undefined ? { metricsPort: String(data.metrics) } : {}),
    ...(data['log-format'] ? { logFormat: data['log-format'] } : {}),
  };
  const given = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)) as WatchOptions;
  return {
    options: { ...fromFile, ...given },
    sinks: data.sinks === undefined ? undefined : { yaml, section: data.sinks },
    schedules: (data.schedules ?? []).map((s) => ({
      name: s.name,
      cron: s.cron,
      timezone: s.timezone ?? 'UTC',
      ...(s.services ? { services: s.services } : {}),
      ...(s.regions ? { regions: s.regions } : {}),
      ...(s.accounts ? { accounts: s.accounts } : {}),
      ...(s.org ? { org: true } : {}),
      ...(s['role-name'] ? { roleName: s['role-name'] } : {}),
      ...(s['external-id'] ? { externalId: s['external-id'] } : {}),
    })),
    malware: data.malware ? malwareOf(data.malware) : undefined,
  };
}

function malwareOf(m: z.infer<typeof MALWARE>): WatchMalware {
  return {
    queue: m.queue,
    ...(m.clamd ? { clamd: m.clamd } : {}),
    ...(m['clamd-config'] ? { clamdConfig: m['clamd-config'] } : {}),
    ...(m['max-size'] ? { maxSize: parseSize(m['max-size'], 'malware.max-size') } : {}),
    tag: m.tag === true,
    ...(m.quarantine ? { quarantine: parseS3Prefix(m.quarantine, 'malware.quarantine') } : {}),
    concurrency: m.concurrency ?? 8,
    ...(m['max-attempts'] !== undefined ? { maxAttempts: m['max-attempts'] } : {}),
    ...(m.output ? { output: m.output } : {}),
    store: m.store !== false,
    fields: { queue: 'malware.queue', clamd: 'malware.clamd' },
  };
}
