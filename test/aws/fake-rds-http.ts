/**
 * RDS's query API at the HTTP level (POST `Action=…&Version=2014-10-31`, XML in the 2014-10-31 namespace, errors as
 * `<ErrorResponse><Error><Type>Sender</Type><Code>`), for tests that run the real SDK stack: DescribeDBInstances,
 * narrowed by `DBInstanceIdentifier` (an identifier the region does not have: 404 `DBInstanceNotFound`).
 */
import type { FakeRequest, FakeResponse } from './fake-aws-http.ts';
import { xml } from './fake-aws-http.ts';

const RDS_NS = 'http://rds.amazonaws.com/doc/2014-10-31/';

export interface FakeDbInstance {
  identifier: string;
  publiclyAccessible: boolean;
}

let requests = 0;
const requestId = () => `d4c1e3b2-6f70-4a8b-9c0d-1e2f3a4b${String(++requests).padStart(4, '0')}`;

function instance(db: FakeDbInstance, account: string, region: string): string {
  return `<DBInstance><DBInstanceIdentifier>${db.identifier}</DBInstanceIdentifier><DBInstanceArn>arn:aws:rds:${region}:${account}:db:${db.identifier}</DBInstanceArn><Engine>postgres</Engine><DBInstanceStatus>available</DBInstanceStatus><PubliclyAccessible>${db.publiclyAccessible}</PubliclyAccessible><StorageEncrypted>true</StorageEncrypted><AutoMinorVersionUpgrade>true</AutoMinorVersionUpgrade><MultiAZ>true</MultiAZ><DeletionProtection>true</DeletionProtection><BackupRetentionPeriod>7</BackupRetentionPeriod></DBInstance>`;
}

/** The RDS action a request names (the identifiers it narrowed to), or undefined for another API's request. */
export function rdsAction(request: FakeRequest): { action: string; identifier: string | null } | undefined {
  if (request.method !== 'POST' || !request.body.includes('Version=2014-10-31')) return undefined;
  const params = new URLSearchParams(request.body);
  const action = params.get('Action');
  return action ? { action, identifier: params.get('DBInstanceIdentifier') } : undefined;
}

/** DescribeDBInstances over `instances` (live); undefined for a request of another API. */
export function rdsInstancesRoute(account: string, region: string, instances: FakeDbInstance[]) {
  return (request: FakeRequest): FakeResponse | undefined => {
    const call = rdsAction(request);
    if (!call) return undefined;
    const listed = call.identifier ? instances.filter((db) => db.identifier === call.identifier) : instances;
    if (call.action !== 'DescribeDBInstances' || (call.identifier && listed.length === 0)) {
      const [status, code, message] =
        call.action === 'DescribeDBInstances'
          ? [404, 'DBInstanceNotFound', `DBInstance ${call.identifier} not found.`]
          : [400, 'InvalidAction', `The action ${call.action} is not valid for this web service.`];
      return xml(
        status,
        `<ErrorResponse xmlns="${RDS_NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${requestId()}</RequestId></ErrorResponse>`,
      );
    }
    return xml(
      200,
      `<DescribeDBInstancesResponse xmlns="${RDS_NS}"><DescribeDBInstancesResult><DBInstances>${listed.map((db) => instance(db, account, region)).join('')}</DBInstances></DescribeDBInstancesResult><ResponseMetadata><RequestId>${requestId()}</RequestId></ResponseMetadata></DescribeDBInstancesResponse>`,
    );
  };
}
