/**
 * The `sinks:` section of a config file (watch.yaml, or `--sink-config FILE` for detect and malware): each entry a
 * sink and the route that decides which notices it gets.
 *
 *   sinks:
 *     - sink: slack:https://hooks.slack.com/services/T000/B000/XXXX
 *       kinds: [alert, finding-new]
 *       min-severity: high
 *     - sink: webhook:https://siem.example.com/in
 *       min-priority: warning
 *       accounts: ['111122223333']
 *       tags: ['mitre_*']
 */
import { z } from 'zod';
import { checkedValue, type LocatedYaml, type Path } from '../config/located-yaml.ts';
import { parsePriority, PRIORITIES } from '../detect/rules/definitions.ts';
import { UserError } from '../errors.ts';
import { SEVERITIES } from '../findings/severity.ts';
import { NOTICE_KINDS } from './notice.ts';
import type { SinkSetup } from './notifier.ts';
import type { Route } from './routing.ts';
import type { SinkFactory } from './sinks.ts';

const priorityNames = PRIORITIES.map((p) => p.toLowerCase()).join(', ');

const SINK_ENTRY = z
  .object({
    sink: z.string({ error: 'expected KIND:TARGET (slack:URL, webhook:URL, sns:TOPIC_ARN, …)' }),
    kinds: z
      .array(z.enum(NOTICE_KINDS, { error: `expected one of ${NOTICE_KINDS.join(', ')}` }))
      .min(1)
      .optional(),
    'min-severity': z.enum(SEVERITIES, { error: `expected one of ${SEVERITIES.join(', ')}` }).optional(),
    'min-priority': z
      .string()
      .refine((text) => parsePriority(text) !== undefined, { error: `expected one of ${priorityNames}` })
      .optional(),
    accounts: z
      .array(z.string().regex(/^\d{12}$/, { error: 'expected a 12-digit account id (quote it in YAML)' }))
      .min(1)
      .optional(),
    tags: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict();

const SINK_LIST = z.array(z.unknown(), { error: 'expected a list of sinks (- sink: KIND:TARGET)' });

export interface SinkEntry {
  spec: string;
  route: Route;
  /** where the entry is in the file, for errors found when the sink is set up */
  path: Path;
}

export function routeOf(entry: z.infer<typeof SINK_ENTRY>): Route {
  return {
    ...(entry.kinds ? { kinds: entry.kinds } : {}),
    ...(entry['min-severity'] ? { minSeverity: entry['min-severity'] } : {}),
    ...(entry['min-priority'] ? { minPriority: parsePriority(entry['min-priority'])! } : {}),
    ...(entry.accounts ? { accounts: entry.accounts } : {}),
    ...(entry.tags ? { tags: entry.tags } : {}),
  };
}

/** The entries of the section at `path` (absent: none). */
export function sinkEntries(yaml: LocatedYaml, value: unknown, path: Path = ['sinks']): SinkEntry[] {
  if (value === undefined || value === null) return [];
  const list = checkedValue(yaml, SINK_LIST, value, path);
  return list.map((raw, i) => {
    const entry = checkedValue(yaml, SINK_ENTRY, raw, [...path, i]);
    return { spec: entry.sink, route: routeOf(entry), path: [...path, i] };
  });
}

/** Sets each sink up (its target checked now); a bad target is reported at its line. */
export async function setupEntries(
  yaml: LocatedYaml,
  entries: readonly SinkEntry[],
  factory: SinkFactory,
): Promise<SinkSetup[]> {
  const setups: SinkSetup[] = [];
  for (const entry of entries) {
    try {
      setups.push(await factory.setup(entry.spec, 'sink', entry.route));
    } catch (error) {
      if (error instanceof UserError) throw yaml.problem(error.message, [...entry.path, 'sink']);
      throw error;
    }
  }
  return setups;
}
