/**
 * Flags that mean the same thing on every command, declared once (docs/cli.md lists which command has which;
 * test/cli/flags.test.ts holds the commands to that table).
 */
import { Option, type Command } from 'commander';
import { UserError } from '../errors.ts';
import { regionName } from '../model/regional-schema.ts';

/** A flag given several times: `--rules a --rules b` → [a, b]. */
export function repeatable(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** A repeatable flag that also takes comma-separated lists: `--region a --region b,c` → [a, b, c]. */
export function list(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== ''),
  ];
}

/** `-o, --output <file>`: where the command's report goes instead of stdout. */
export function addOutputOption(
  command: Command,
  description = 'write the report to a file instead of stdout',
): Command {
  return command.option('-o, --output <file>', description);
}

/** `-f, --format <format>`, listing the formats the command has. */
export function addFormatOption(
  command: Command,
  formats: readonly string[],
  defaultFormat: string,
  detail = '',
): Command {
  return command.option('-f, --format <format>', `output format: ${formats.join(', ')}${detail}`, defaultFormat);
}

/** `-q, --quiet`: nothing on stderr but warnings and errors (no progress, summaries or hints). */
export function addQuietOption(command: Command, description = 'no progress, summaries or hints on stderr'): Command {
  return command.option('-q, --quiet', description);
}

/** `--show-passed`: the table summary also lists the resources where every check passed (it counts them otherwise). */
export function addShowPassedOption(command: Command): Command {
  return command.option(
    '--show-passed',
    'the table summary also lists resources where every check passed (otherwise one line counts them)',
  );
}

/** `-s, --severity <list>`: keep only these severities (the command names its own scale). */
export function addSeverityOption(
  command: Command,
  scale: string,
  parse?: (value: string, previous: string[]) => string[],
): Command {
  const option = new Option('-s, --severity <list>', `only these severities, comma-separated or repeated (${scale})`);
  return command.addOption(parse ? option.argParser(parse) : option);
}

/** `--service <names>`: only these services' checks, comma-separated or repeated. */
export function addServiceOption(command: Command, services: readonly string[]): Command {
  return command.option(
    '--service <names>',
    `only these services, comma-separated or repeated (${services.join(', ')}); default: all`,
    list,
  );
}

export interface AwsFlags {
  profile?: string;
  endpointUrl?: string;
}

/**
 * `--profile`, `--region`, `--endpoint-url`: the same credentials, region and endpoint handling on every command
 * that calls AWS (through src/aws/clients.ts). `region` says what the region means for this command.
 */
export function addAwsOptions(command: Command, region: { description: string; repeatable?: boolean }): Command {
  command.option(
    '--profile <name>',
    'AWS profile from ~/.aws/config (default: AWS_PROFILE or the default credential chain)',
  );
  if (region.repeatable) command.option('--region <region>', region.description, list, []);
  else command.option('--region <region>', region.description);
  return command.option(
    '--endpoint-url <url>',
    'send every AWS call to this URL (an emulator such as LocalStack, or a VPC endpoint); S3 uses path-style addressing',
  );
}

/**
 * `--db [url]`: the results store (docs/store.md). Commands that produce results store them only when it (or
 * CLOUDWARDEN_DB) is given; `--db` alone means `sqlite:~/.cloudwarden/cloudwarden.db`. The reading commands
 * (`findings`, `history`, `diff`, `db`) use that same default without it.
 */
export function dbOption(description = 'also store the results (see docs/store.md)'): Option {
  return new Option(
    '--db [url]',
    `${description}: sqlite:PATH or postgres://USER@HOST/DB; alone: sqlite:~/.cloudwarden/cloudwarden.db (default: CLOUDWARDEN_DB)`,
  );
}

/**
 * `--sink KIND:TARGET` (repeatable) and `--spool DIR`: where alerts, findings and verdicts are also sent
 * (src/notify; docs/notify.md).
 */
export function addSinkOptions(command: Command): Command {
  return command
    .option(
      '--sink <kind:target>',
      'also send to slack:URL, webhook:URL, sns:TOPIC_ARN, eventbridge:BUS, cloudwatch-logs:GROUP/STREAM or securityhub:[REGION] (repeatable; docs/notify.md)',
      repeatable,
    )
    .option(
      '--sink-config <file>',
      'YAML file whose "sinks:" list names sinks and the notices each gets (kinds, min-severity, min-priority, accounts, tags; docs/notify.md)',
    )
    .option(
      '--spool <dir>',
      'keep what the sinks have not yet delivered in this directory, and send it again at the next start',
    );
}

/** Values of `--region` must be region names: a typo is a usage error, not an empty scan or a made-up region. */
export function requireRegionNames(regions: readonly string[]): void {
  for (const region of regions) {
    if (!regionName.safeParse(region).success)
      throw new UserError(`"${region}" is not an AWS region name (e.g. ap-northeast-1)`, { field: '--region' });
  }
}
