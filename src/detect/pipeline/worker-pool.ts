/**
 * A fixed pool of worker threads, each with its own compiled matcher, running tasks in parallel.
 * Results come back per task (the caller restores the order). A worker that cannot build its matcher or dies
 * fails every task given to it: detection never silently loses a file.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InternalError } from '../../errors.ts';
import { isTypeScriptModule, siblingModule } from '../../sibling-module.ts';
import type { TaskResult } from './task-result.ts';
import type { Task } from './task.ts';
import type { FromWorker, WorkerInit } from './worker.ts';

/** tasks in flight per worker: one computing while the next one's file is being read */
const PER_WORKER = 2;

interface Slot {
  worker: Worker;
  ready: boolean;
  running: number;
}

interface Job {
  id: number;
  task: Task;
  resolve: (result: TaskResult) => void;
  reject: (error: Error) => void;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private readonly running = new Map<number, { job: Job; slot: Slot }>();
  private nextId = 1;
  private failure: Error | undefined;
  private closed = false;

  constructor(size: number, init: WorkerInit) {
    const code = bootstrapCode(siblingModule(import.meta.url, 'worker'));
    for (let i = 0; i < size; i++) {
      const worker = new Worker(code, {
        eval: true,
        workerData: init,
        // Node 24's default young generation took a worker's RSS past the 300 MB target; 48 MB costs no throughput
        resourceLimits: { maxYoungGenerationSizeMb: 48 },
      });
      const slot: Slot = { worker, ready: false, running: 0 };
      worker.on('message', (message: FromWorker) => this.onMessage(slot, message));
      worker.on('error', (error) => this.fail(new InternalError(`detection worker failed: ${error.message}`)));
      worker.on('exit', (code) => {
        if (!this.closed) this.fail(new InternalError(`detection worker exited with code ${code}`));
      });
      this.slots.push(slot);
    }
  }

  get size(): number {
    return this.slots.length;
  }

  run(task: Task): Promise<TaskResult> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, task, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private onMessage(slot: Slot, message: FromWorker): void {
    switch (message.type) {
      case 'ready':
        slot.ready = true;
        this.dispatch();
        return;
      case 'failed':
        this.fail(new InternalError(`detection worker could not load the rules: ${message.message}`));
        return;
      case 'result':
      case 'error': {
        const entry = this.running.get(message.id);
        if (!entry) return;
        this.running.delete(message.id);
        slot.running--;
        if (message.type === 'result') entry.job.resolve(message.result);
        else entry.job.reject(new InternalError(`detection worker: ${message.message}`));
        this.dispatch();
        return;
      }
    }
  }

  private dispatch(): void {
    for (;;) {
      const job = this.waiting[0];
      if (!job) return;
      const slot = this.slots.filter((s) => s.ready && s.running < PER_WORKER).sort((a, b) => a.running - b.running)[0];
      if (!slot) return;
      this.waiting.shift();
      slot.running++;
      this.running.set(job.id, { job, slot });
      slot.worker.postMessage({ id: job.id, task: job.task });
    }
  }

  private fail(error: Error): void {
    if (this.closed || this.failure) return;
    this.failure = error;
    for (const job of this.waiting.splice(0)) job.reject(error);
    for (const { job } of this.running.values()) job.reject(error);
    this.running.clear();
  }
}

/**
 * Workers start without the TypeScript loader the main thread runs under (Node 20 does not pass module hooks on),
 * so a worker running sources registers tsx itself before importing the worker module; this works the same under
 * bin/cloudwarden.js in a clone, `node --import tsx` and vitest. The built package (dist/) imports it directly: it
 * has no TypeScript to compile, and tsx is only a devDependency.
 */
function bootstrapCode(entry: string): string {
  if (!isTypeScriptModule(entry)) return `import(${JSON.stringify(entry)});`;
  const tsxApi = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  return `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
}
