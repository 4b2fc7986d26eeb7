/**
 * `cloudwarden worker --metrics-port`: /healthz and /metrics for a worker, served by watch's server
 * (src/watch/metrics.ts) from a registry of its own (`cloudwarden_worker_*`).
 */
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { serveMetrics, type MetricsAddress } from '../watch/metrics.ts';
import type { WorkerStats } from './org-queue.ts';

const HOUR_MS = 3_600_000;
const OUTCOMES = ['scanned', 'failed', 'released', 'repeats'] as const;

export class WorkerMetrics {
  readonly registry = new Registry();
  /** false once the worker is shutting down: /healthz answers 503 */
  healthy = true;
  /** when each account of the last hour was stored, oldest first */
  private readonly stored: number[] = [];

  constructor(
    stats: () => WorkerStats,
    private readonly now: () => number = Date.now,
  ) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'cloudwarden_worker_' });
    new Gauge({
      name: 'cloudwarden_worker_scans_running',
      help: 'accounts being scanned by this process',
      registers,
      collect() {
        this.set(stats().running);
      },
    });
    const counted = { scanned: 0, failed: 0, released: 0, repeats: 0 };
    new Counter({
      name: 'cloudwarden_worker_scans_total',
      help: 'account messages by outcome: scanned (stored), failed (stored as failed), released (SIGTERM), repeats (already stored)',
      labelNames: ['outcome'],
      registers,
      collect() {
        const current = stats();
        for (const outcome of OUTCOMES) {
          this.inc({ outcome }, current[outcome] - counted[outcome]);
          counted[outcome] = current[outcome];
        }
      },
    });
    const lastHour = (): number => this.lastHour();
    new Gauge({
      name: 'cloudwarden_worker_accounts_per_hour',
      help: 'accounts this process stored in the last hour (scanned or failed)',
      registers,
      collect() {
        this.set(lastHour());
      },
    });
  }

  /** An account's scan (or its failure) was stored. */
  accountStored(): void {
    this.stored.push(this.now());
    this.lastHour();
  }

  private lastHour(): number {
    const since = this.now() - HOUR_MS;
    while (this.stored.length > 0 && this.stored[0]! <= since) this.stored.shift();
    return this.stored.length;
  }

  serve(address: MetricsAddress): Promise<{ url: string; close: () => Promise<void> }> {
    return serveMetrics(this.registry, () => this.healthy, address);
  }
}
