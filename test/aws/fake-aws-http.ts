import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { HttpRequest, HttpResponse } from '@smithy/types';

/**
 * AWS at the HTTP level, for tests that run the real SDK stack (signing, retries, XML parsing, error
 * deserialisation): the bodies below follow the S3, S3 Control and STS API references, so the SDK
 * itself builds the outputs and the exceptions the collector sees.
 */

export interface FakeRequest {
  method: string;
  host: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
}

export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

export type FakeRoute = (request: FakeRequest) => FakeResponse;

const S3_NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
let requestNumber = 0;

function requestId(): string {
  requestNumber += 1;
  return `4442587FB7D0A2F9${String(requestNumber).padStart(4, '0')}`;
}

export function xml(status: number, body: string, headers: Record<string, string> = {}): FakeResponse {
  return {
    status,
    headers: { 'content-type': 'application/xml', ...headers },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n${body}`,
  };
}

/** An S3 (REST-XML) error body: `<Error><Code>…</Code><Message>…</Message>…<RequestId/><HostId/></Error>`. */
export function s3XmlError(
  status: number,
  code: string,
  message: string,
  extra: Record<string, string> = {},
  headers: Record<string, string> = {},
) {
  const fields = Object.entries(extra)
    .map(([k, v]) => `<${k}>${v}</${k}>`)
    .join('');
  return xml(
    status,
    `<Error><Code>${code}</Code><Message>${message}</Message>${fields}<RequestId>${requestId()}</RequestId><HostId>uLz6Zb2zXhNHbJ0zQ2s/ZsR0vNkGqV3t7Xo4HwRcXg=</HostId></Error>`,
    headers,
  );
}

/** An STS (AWS query protocol) error body. */
export function stsXmlError(status: number, code: string, message: string) {
  return xml(
    status,
    `<ErrorResponse xmlns="${STS_NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${requestId()}</RequestId></ErrorResponse>`,
  );
}

export function callerIdentity(account: string): FakeResponse {
  return xml(
    200,
    `<GetCallerIdentityResponse xmlns="${STS_NS}"><GetCallerIdentityResult><Arn>arn:aws:iam::${account}:user/auditor</Arn><UserId>AIDASAMPLEUSERID12345</UserId><Account>${account}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>${requestId()}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
  );
}

export function s3Xml(body: string, root: string): FakeResponse {
  return xml(200, body.replace(`<${root}>`, `<${root} xmlns="${S3_NS}">`));
}

function parseQuery(search: URLSearchParams): Record<string, string> {
  return Object.fromEntries([...search.entries()]);
}

/** A RequestHandler for SDK clients: the route answers in-process, no socket; `delayMs` is the latency of every call. */
export function requestHandlerFor(route: FakeRoute, seen: FakeRequest[] = [], options: { delayMs?: number } = {}) {
  return {
    handle: async (request: HttpRequest) => {
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      const body =
        typeof request.body === 'string'
          ? request.body
          : request.body
            ? Buffer.from(request.body as Uint8Array).toString('utf8')
            : '';
      const query = Object.fromEntries(
        Object.entries(request.query ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]),
      );
      const fake: FakeRequest = {
        method: request.method,
        host: request.hostname,
        path: request.path,
        query,
        headers: request.headers,
        body,
      };
      seen.push(fake);
      const answer = route(fake);
      const response: HttpResponse = {
        statusCode: answer.status,
        headers: answer.headers ?? {},
        body: Readable.from([Buffer.from(answer.body)]),
      };
      return { response };
    },
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The same route behind a real HTTP server on 127.0.0.1, for `--endpoint-url` runs of the CLI; `delayMs` slows every answer. */
export async function startFakeAwsServer(
  route: (request: FakeRequest) => FakeResponse | Promise<FakeResponse>,
  options: { delayMs?: number } = {},
) {
  const seen: FakeRequest[] = [];
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]),
      );
      const fake: FakeRequest = {
        method: req.method ?? 'GET',
        host: headers.host ?? '',
        path: url.pathname,
        query: parseQuery(url.searchParams),
        headers,
        body,
      };
      seen.push(fake);
      // a route may hold its answer (a test's gate) by returning a promise
      void Promise.resolve(route(fake)).then((answer) =>
        setTimeout(() => {
          res.writeHead(answer.status, answer.headers ?? {});
          res.end(answer.body);
        }, options.delayMs ?? 0),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface FakeS3Object {
  /** served as is (gzip is recognised by its magic bytes, whatever the key's extension) */
  body: string;
  lastModified: Date;
}

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
/** S3 lists keys in UTF-8 byte order */
const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * One S3 bucket, path-style (`forcePathStyle: true`): ListObjectsV2 (prefix, delimiter with CommonPrefixes,
 * start-after, max-keys, continuation-token pagination where a rolled-up prefix is one entry) and GetObject
 * (404 NoSuchKey when absent; `failGet` answers instead for the keys it returns a response for). `objects` is
 * live: tests add objects between runs.
 */
export function fakeS3Bucket(
  bucket: string,
  objects: Map<string, FakeS3Object>,
  options: { maxKeys?: number; failGet?: (key: string) => FakeResponse | undefined } = {},
): FakeRoute {
  return (request) => {
    const [name, ...rest] = request.path.replace(/^\//, '').split('/').map(decodeURIComponent);
    if (name !== bucket)
      return s3XmlError(404, 'NoSuchBucket', 'The specified bucket does not exist', { BucketName: name ?? '' });
    if (request.method === 'GET' && rest.length > 0 && rest.join('/') !== '') {
      const key = rest.join('/');
      const failure = options.failGet?.(key);
      if (failure) return failure;
      const object = objects.get(key);
      if (!object) return s3XmlError(404, 'NoSuchKey', 'The specified key does not exist.', { Key: escapeXml(key) });
      return {
        status: 200,
        headers: {
          'content-type': 'binary/octet-stream',
          'content-length': String(Buffer.byteLength(object.body)),
          'last-modified': object.lastModified.toUTCString(),
          etag: '"6805f2cfc46c0f04559748bb039d69ae"',
        },
        body: object.body,
      };
    }
    if (request.method !== 'GET' || request.query['list-type'] !== '2')
      return s3XmlError(501, 'NotImplemented', 'A header you provided implies functionality that is not implemented');
    return listObjectsV2(bucket, objects, request.query, options.maxKeys ?? 1000);
  };
}

function listObjectsV2(
  bucket: string,
  objects: Map<string, FakeS3Object>,
  query: Record<string, string>,
  defaultMaxKeys: number,
): FakeResponse {
  const prefix = query.prefix ?? '';
  const delimiter = query.delimiter || undefined;
  const maxKeys = Math.min(Number(query['max-keys'] ?? defaultMaxKeys), defaultMaxKeys);
  const token = query['continuation-token'];
  const after = token ? Buffer.from(token, 'base64').toString('utf8') : (query['start-after'] ?? '');
  const entries: ({ key: string } | { dir: string })[] = [];
  for (const key of [...objects.keys()].sort(byteOrder)) {
    if (!key.startsWith(prefix) || byteOrder(key, after) <= 0) continue;
    const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
    if (cut < 0) {
      entries.push({ key });
      continue;
    }
    const dir = key.slice(0, cut + delimiter!.length);
    // a continuation token that ends on a rolled-up prefix resumes after all of it
    if (token && after.startsWith(dir)) continue;
    const last = entries.at(-1);
    if (!(last && 'dir' in last && last.dir === dir)) entries.push({ dir });
  }
  const page = entries.slice(0, maxKeys);
  const truncated = entries.length > maxKeys;
  const lastEntry = page.at(-1);
  const next =
    truncated && lastEntry
      ? Buffer.from('dir' in lastEntry ? `${lastEntry.dir}\u{10FFFF}` : lastEntry.key).toString('base64')
      : undefined;
  const contents = page
    .flatMap((e) => ('key' in e ? [e.key] : []))
    .map((key) => {
      const object = objects.get(key)!;
      return `<Contents><Key>${escapeXml(key)}</Key><LastModified>${object.lastModified.toISOString()}</LastModified><ETag>&quot;6805f2cfc46c0f04559748bb039d69ae&quot;</ETag><Size>${Buffer.byteLength(object.body)}</Size><StorageClass>STANDARD</StorageClass></Contents>`;
    })
    .join('');
  const dirs = page
    .flatMap((e) => ('dir' in e ? [`<CommonPrefixes><Prefix>${escapeXml(e.dir)}</Prefix></CommonPrefixes>`] : []))
    .join('');
  const optional = (tag: string, value: string | undefined) =>
    value === undefined ? '' : `<${tag}>${escapeXml(value)}</${tag}>`;
  return s3Xml(
    `<ListBucketResult><Name>${bucket}</Name><Prefix>${escapeXml(prefix)}</Prefix>${optional('Delimiter', delimiter)}<MaxKeys>${maxKeys}</MaxKeys><KeyCount>${page.length}</KeyCount><IsTruncated>${truncated}</IsTruncated>${optional('ContinuationToken', token)}${optional('NextContinuationToken', next)}${optional('StartAfter', query['start-after'])}${contents}${dirs}</ListBucketResult>`,
    'ListBucketResult',
  );
}

/**
 * A bucket held in memory, path-style: ListObjectsV2 (`GET /<bucket>?list-type=2`, Prefix and StartAfter, one
 * page) and GetObject (`GET /<bucket>/<key>`, NoSuchKey when absent).
 */
export function s3ObjectRoute(bucket: string, objects: Record<string, string>): FakeRoute {
  return (request) => {
    if (request.query['list-type'] === '2' && (request.path === `/${bucket}` || request.path === `/${bucket}/`)) {
      const listPrefix = request.query.prefix ?? '';
      const after = request.query['start-after'] ?? '';
      const keys = Object.keys(objects)
        .filter((k) => k.startsWith(listPrefix) && k > after)
        .sort();
      const contents = keys
        .map(
          (k) =>
            `<Contents><Key>${k}</Key><LastModified>2024-07-31T13:10:00.000Z</LastModified><ETag>&quot;${createHash('md5').update(objects[k]!).digest('hex')}&quot;</ETag><Size>${Buffer.byteLength(objects[k]!)}</Size><StorageClass>STANDARD</StorageClass></Contents>`,
        )
        .join('');
      return s3Xml(
        `<ListBucketResult><Name>${bucket}</Name><Prefix>${listPrefix}</Prefix>${after ? `<StartAfter>${after}</StartAfter>` : ''}<KeyCount>${keys.length}</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>${contents}</ListBucketResult>`,
        'ListBucketResult',
      );
    }
    const prefix = `/${bucket}/`;
    const key = request.path.startsWith(prefix) ? decodeURIComponent(request.path.slice(prefix.length)) : '';
    const body = objects[key];
    if (request.method !== 'GET' || body === undefined)
      return s3XmlError(404, 'NoSuchKey', 'The specified key does not exist.', { Key: key });
    return {
      status: 200,
      headers: {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        etag: `"${createHash('md5').update(body).digest('hex')}"`,
        'last-modified': 'Wed, 31 Jul 2024 13:10:00 GMT',
      },
      body,
    };
  };
}
