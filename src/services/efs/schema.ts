import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

/** Amazon EFS operations answered once per region (DescribeFileSystems pages concatenated). */
export const EFS_LISTINGS = {
  DescribeFileSystems: z.looseObject({
    FileSystems: z.array(
      z.looseObject({
        FileSystemId: z.string(),
        FileSystemArn: z.string().optional(),
        OwnerId: z.string().optional(),
        Name: z.string().optional(),
        LifeCycleState: z.string().optional(),
        Encrypted: z.boolean().optional(),
        KmsKeyId: z.string().optional(),
      }),
    ),
  }),
} as const;

/** The snapshot section (`snapshot.efs`), in the generated snapshot schema. */
export const section = regionalSection(EFS_LISTINGS, {});
export type EfsSection = z.infer<typeof section>;
