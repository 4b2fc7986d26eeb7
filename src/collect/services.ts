import { cloudtrailCollector } from './cloudtrail-collector.ts';
import { ec2Collector } from './ec2-collector.ts';
import { iamCollector } from './iam-collector.ts';
import { guarddutyCollector } from './guardduty-collector.ts';
import { securityhubCollector } from './securityhub-collector.ts';
import { configCollector } from './config-collector.ts';
import { accessanalyzerCollector } from './accessanalyzer-collector.ts';
import { inspector2Collector } from './inspector2-collector.ts';
import { macie2Collector } from './macie2-collector.ts';
import { kmsCollector } from './kms-collector.ts';
import { ecrCollector } from './ecr-collector.ts';
import { elbv2Collector } from './elbv2-collector.ts';
import { ssmCollector } from './ssm-collector.ts';
import { cloudfrontCollector } from './cloudfront-collector.ts';
import type { RegionalServiceCollector } from './regional-collector.ts';

/**
 * Every service `scan aws` collects besides S3 (whose collector predates this registry and runs on its own).
 * A new service adds one entry here; `--service` names select among them.
 */
export const SERVICE_COLLECTORS: readonly RegionalServiceCollector[] = [
  ec2Collector,
  cloudtrailCollector,
  iamCollector,
  guarddutyCollector,
  securityhubCollector,
  configCollector,
  accessanalyzerCollector,
  inspector2Collector,
  macie2Collector,
  kmsCollector,
  ecrCollector,
  elbv2Collector,
  ssmCollector,
  cloudfrontCollector,
];
