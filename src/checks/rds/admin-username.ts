/**
 * The master usernames RDS proposes by default: `admin` for MySQL, MariaDB, Oracle, SQL Server and Aurora MySQL,
 * `postgres` for PostgreSQL and Aurora PostgreSQL (Security Hub RDS.24 and RDS.25 fail on them).
 */
export const DEFAULT_ADMIN_USERNAMES: ReadonlySet<string> = new Set(['admin', 'postgres']);
