import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ArticleInput, ExtractionResult } from '../model/extraction';
import type { Extractor } from './extract';

/**
 * Runs extraction on `concurrency` worker threads (each with its own extractor), or in this thread when
 * concurrency is 1. Results come back in input order; a failure is returned for its article only.
 */
export type Extracted = { ok: true; result: ExtractionResult } | { ok: false; error: string };

export interface ExtractPool {
  readonly size: number;
  extractAll(inputs: readonly ArticleInput[]): Promise<Extracted[]>;
  close(): Promise<void>;
}

export const defaultConcurrency = (): number => Math.max(1, os.availableParallelism?.() ?? os.cpus().length);

export function createPool(concurrency: number, options: { dataDir?: string } = {}): ExtractPool {
  const script = path.join(__dirname, 'extract-worker.js');
  // Worker threads need the compiled script; under ts-jest (no .js beside the .ts) we extract in-thread.
  if (concurrency <= 1 || !existsSync(script)) return inThreadPool(options);
  return new ThreadPool(script, concurrency, options);
}

/** Extraction in this thread; the extractor (wink-nlp, chrono, the tables) loads on the first article. */
function inThreadPool(options: { dataDir?: string }): ExtractPool {
  let extractor: Extractor | null = null;
  return {
    size: 1,
    async extractAll(inputs) {
      if (inputs.length && !extractor) extractor = (await import('./extract')).createExtractor(options);
      const ready = extractor;
      return inputs.map((input) => {
        try {
          return { ok: true as const, result: ready!.extract(input) };
        } catch (err) {
          return { ok: false as const, error: String((err as Error)?.message ?? err) };
        }
      });
    },
    async close() {},
  };
}

interface Job { id: number; input: ArticleInput }

/**
 * Worker threads, started on the first extraction (a re-ingest that skips every article never loads an
 * extractor per thread). A thread that crashes or exits fails only the article it held and is replaced;
 * if threads keep dying before finishing any article (a broken install), every waiting article fails
 * with the reason instead of hanging.
 */
export class ThreadPool implements ExtractPool {
  private readonly workers = new Set<Worker>();
  private idle: Worker[] = [];
  private readonly busy = new Map<Worker, number>();
  private readonly pending = new Map<number, (r: Extracted) => void>();
  private readonly queue: Job[] = [];
  private nextId = 0;
  private started = false;
  private closing = false;
  private deathsInARow = 0;

  constructor(private readonly script: string, readonly size: number, private readonly options: { dataDir?: string }) {}

  private spawn(): void {
    const w = new Worker(this.script, { workerData: this.options });
    w.on('message', (msg: { id: number } & Extracted) => {
      this.deathsInARow = 0;
      this.busy.delete(w);
      this.idle.push(w);
      this.settle(msg.id, msg.ok ? { ok: true, result: msg.result } : { ok: false, error: msg.error });
      this.pump();
    });
    w.on('error', (err) => this.lost(w, `extraction thread crashed: ${err.message}`));
    w.on('exit', (code) => this.lost(w, `extraction thread exited with code ${code}`));
    this.workers.add(w);
    this.idle.push(w);
  }

  private settle(id: number, result: Extracted): void {
    const resolve = this.pending.get(id);
    this.pending.delete(id);
    resolve?.(result);
  }

  private lost(w: Worker, reason: string): void {
    if (!this.workers.delete(w)) return; // 'error' is followed by 'exit'
    this.idle = this.idle.filter((x) => x !== w);
    const id = this.busy.get(w);
    this.busy.delete(w);
    if (id !== undefined) this.settle(id, { ok: false, error: reason });
    if (this.closing) return;
    if (++this.deathsInARow > 2 * this.size) {
      for (const job of this.queue.splice(0)) this.settle(job.id, { ok: false, error: reason });
      if (this.workers.size === 0) this.started = false; // try again on the next call
      return;
    }
    this.spawn();
    this.pump();
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.busy.set(w, job.id);
      w.postMessage(job);
    }
  }

  extractAll(inputs: readonly ArticleInput[]): Promise<Extracted[]> {
    if (!this.started && inputs.length > 0) {
      this.started = true;
      this.deathsInARow = 0;
      for (let i = 0; i < this.size; i++) this.spawn();
    }
    return Promise.all(
      inputs.map(
        (input) =>
          new Promise<Extracted>((resolve) => {
            const id = this.nextId++;
            this.pending.set(id, resolve);
            this.queue.push({ id, input });
            this.pump();
          }),
      ),
    );
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.workers].map((w) => w.terminate()));
  }
}
