import type { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';
import { DB_CLUSTERS_LISTINGS } from '../db-clusters-schema.ts';

/** The snapshot section (`snapshot.neptune`), in the generated snapshot schema: DescribeDBClusters filtered to neptune. */
export const section = regionalSection(DB_CLUSTERS_LISTINGS, {});
export type NeptuneSection = z.infer<typeof section>;
