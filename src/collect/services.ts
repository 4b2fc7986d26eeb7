import { ec2Collector } from './ec2-collector.ts';
import type { RegionalServiceCollector } from './regional-collector.ts';

/**
 * Every service `scan aws` collects besides S3 (whose collector predates this registry and runs on its own).
 * A new service adds one entry here; `--service` names select among them.
 */
export const SERVICE_COLLECTORS: readonly RegionalServiceCollector[] = [ec2Collector];
