import { dbClusterService } from '../db-clusters-service.ts';

/** Amazon Neptune evidence of one region: its clusters, listed by the RDS API under the `neptune` engine. */
export default dbClusterService('neptune', 'Amazon Neptune', 'neptune');
