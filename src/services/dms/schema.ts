import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

/** AWS DMS operations answered once per region (each listing's pages concatenated). */
export const DMS_LISTINGS = {
  DescribeReplicationInstances: z.looseObject({
    ReplicationInstances: z.array(
      z.looseObject({
        ReplicationInstanceIdentifier: z.string(),
        // `arn:…:dms:<region>:<account>:rep:<generated id>`: the identifier is not in it
        ReplicationInstanceArn: z.string(),
        PubliclyAccessible: z.boolean().optional(),
        AutoMinorVersionUpgrade: z.boolean().optional(),
        EngineVersion: z.string().optional(),
        ReplicationInstancePublicIpAddress: z.string().optional(),
      }),
    ),
  }),
  DescribeEndpoints: z.looseObject({
    Endpoints: z.array(
      z.looseObject({
        EndpointIdentifier: z.string(),
        EndpointArn: z.string(),
        EndpointType: z.string().optional(),
        // `mysql`, `postgres`, `s3`, `kafka`…
        EngineName: z.string().optional(),
        // `none`, `require`, `verify-ca` or `verify-full`
        SslMode: z.string().optional(),
        KafkaSettings: z.looseObject({ SecurityProtocol: z.string().optional() }).optional(),
      }),
    ),
  }),
} as const;

/** The snapshot section (`snapshot.dms`), in the generated snapshot schema. */
export const section = regionalSection(DMS_LISTINGS, {});
export type DmsSection = z.infer<typeof section>;
