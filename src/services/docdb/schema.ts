import type { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';
import { DB_CLUSTERS_LISTINGS } from '../db-clusters-schema.ts';

/** The snapshot section (`snapshot.docdb`), in the generated snapshot schema: DescribeDBClusters filtered to docdb. */
export const section = regionalSection(DB_CLUSTERS_LISTINGS, {});
export type DocdbSection = z.infer<typeof section>;
