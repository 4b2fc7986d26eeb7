import { dbClusterService } from '../db-clusters-service.ts';

/** Amazon DocumentDB evidence of one region: its clusters, listed by the RDS API under the `docdb` engine. */
export default dbClusterService('docdb', 'Amazon DocumentDB', 'docdb');
