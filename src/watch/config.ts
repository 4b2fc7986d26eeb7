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
 */
import { z } from 'zod';
import { checkedValue, readLocatedYaml, type LocatedYaml } from '../config/located-yaml.ts';
import type { SinkFlags } from '../notify/open.ts';

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
}

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
    },
    { error: 'a watch config is a YAML mapping (queue:, sinks:, …)' },
  )
  .strict();

export interface WatchConfig {
  options: WatchOptions;
  /** the file and its `sinks:` section, for the notifier (routes, errors at their lines) */
  sinks: { yaml: LocatedYaml; section: unknown } | undefined;
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
  };
  const given = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)) as WatchOptions;
  return {
    options: { ...fromFile, ...given },
    sinks: data.sinks === undefined ? undefined : { yaml, section: data.sinks },
  };
}
