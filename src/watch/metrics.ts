/**
 * `--metrics-port`: `/healthz` and `/metrics` (Prometheus text, prom-client) on a small HTTP server, bound to
 * 127.0.0.1 unless a host is given (`0.0.0.0:9464`). Each watch has a registry of its own, so that two in one
 * process (tests) do not share counters.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { UserError } from '../errors.ts';

export interface MetricsAddress {
  host: string;
  port: number;
}

/** `9464` or `HOST:9464`; port 0 asks the system for a free one (tests). */
export function parseMetricsAddress(text: string | number): MetricsAddress {
  const value = String(text);
  const match = /^(?:(.+):)?(\d{1,5})$/.exec(value);
  const port = Number(match?.[2]);
  if (!match || port > 65_535)
    throw new UserError(`"${value}" is not a port or HOST:PORT`, { field: '--metrics-port' });
  return { host: match[1]?.replace(/^\[(.*)\]$/, '$1') ?? '127.0.0.1', port };
}

export class WatchMetrics {
  readonly registry = new Registry();
  readonly events: Counter;
  readonly alerts: Counter;
  readonly lag: Histogram;
  readonly queueDepth: Gauge;
  readonly scansRunning: Gauge;
  readonly scans: Counter<'outcome'>;
  readonly sinkFailures: Counter;
  readonly rescans: Counter<'outcome'>;
  /** false once the watch is shutting down: /healthz answers 503 */
  healthy = true;

  constructor(sources: {
    events: () => number;
    queueDepth?: () => Promise<number | undefined>;
    rescans: () => { done: number; failed: number; coalesced: number };
  }) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'cloudwarden_watch_' });
    let counted = 0;
    this.events = new Counter({
      name: 'cloudwarden_watch_events_total',
      help: 'CloudTrail events read from the queue and matched',
      registers,
      collect() {
        const now = sources.events();
        this.inc(now - counted);
        counted = now;
      },
    });
    this.alerts = new Counter({ name: 'cloudwarden_watch_alerts_total', help: 'detection alerts raised', registers });
    this.lag = new Histogram({
      name: 'cloudwarden_watch_alert_lag_seconds',
      help: 'time from the event (eventTime) to its alert being raised',
      buckets: [1, 5, 15, 30, 60, 120, 300, 600, 900, 1800, 3600],
      registers,
    });
    const depth = sources.queueDepth;
    this.queueDepth = new Gauge({
      name: 'cloudwarden_watch_queue_depth',
      help: 'messages waiting on the queue (SQS ApproximateNumberOfMessages, read at each scrape)',
      registers,
      async collect() {
        const value = depth ? await depth() : undefined;
        if (value !== undefined) this.set(value);
      },
    });
    this.scansRunning = new Gauge({
      name: 'cloudwarden_watch_scans_running',
      help: 'scheduled scans running in this process',
      registers,
    });
    this.scans = new Counter({
      name: 'cloudwarden_watch_scans_total',
      help: 'scheduled scans by outcome (ok, partial, failed, skipped: run by another process)',
      labelNames: ['outcome'],
      registers,
    });
    this.sinkFailures = new Counter({
      name: 'cloudwarden_watch_sink_failures_total',
      help: 'alerts and finding notices a sink or the store did not accept (their messages stay on the queue)',
      registers,
    });
    const rescansCounted = { done: 0, failed: 0, coalesced: 0 };
    this.rescans = new Counter({
      name: 'cloudwarden_watch_rescans_total',
      help: 'change-triggered rescans by outcome (done, failed, coalesced: joined a rescan not started yet)',
      labelNames: ['outcome'],
      registers,
      collect() {
        const now = sources.rescans();
        for (const outcome of ['done', 'failed', 'coalesced'] as const) {
          this.inc({ outcome }, now[outcome] - rescansCounted[outcome]);
          rescansCounted[outcome] = now[outcome];
        }
      },
    });
  }

  /** The lag of one alert, from its event time. */
  observeAlert(eventTime: string, now = Date.now()): void {
    this.alerts.inc();
    const at = Date.parse(eventTime);
    if (Number.isFinite(at)) this.lag.observe(Math.max(0, (now - at) / 1000));
  }

  /** Serves /healthz and /metrics; resolves once listening, with the address and a close function. */
  serve(address: MetricsAddress): Promise<{ url: string; close: () => Promise<void> }> {
    return serveMetrics(this.registry, () => this.healthy, address);
  }
}

/**
 * `/healthz` (200 while `healthy()`, else 503) and `/metrics` (the registry's Prometheus text) on `address`; resolves
 * once listening. Shared by watch and worker, each with its own registry.
 */
export async function serveMetrics(
  registry: Registry,
  healthy: () => boolean,
  address: MetricsAddress,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/healthz') {
      const ok = healthy();
      res
        .writeHead(ok ? 200 : 503, { 'content-type': 'application/json' })
        .end(JSON.stringify({ status: ok ? 'ok' : 'stopping' }));
      return;
    }
    if (path === '/metrics') {
      registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
        (error: unknown) =>
          res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics failed: ${String(error)}\n`),
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('/healthz or /metrics\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) =>
      reject(
        new UserError(`cannot listen on ${address.host}:${address.port} (${error.message})`, {
          field: '--metrics-port',
        }),
      ),
    );
    server.listen(address.port, address.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = address.host.includes(':') ? `[${address.host}]` : address.host;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
