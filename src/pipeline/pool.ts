import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ArticleInput, ExtractionResult } from '../model/extraction';
import { createExtractor } from './extract';

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

function inThreadPool(options: { dataDir?: string }): ExtractPool {
  const extractor = createExtractor(options);
  return {
    size: 1,
    async extractAll(inputs) {
      return inputs.map((input) => {
        try {
          return { ok: true as const, result: extractor.extract(input) };
        } catch (err) {
          return { ok: false as const, error: String((err as Error)?.message ?? err) };
        }
      });
    },
    async close() {},
  };
}

interface Pending { resolve: (r: Extracted) => void }

class ThreadPool implements ExtractPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly idle: Worker[] = [];
  private readonly queue: { id: number; input: ArticleInput }[] = [];
  private nextId = 0;

  constructor(script: string, readonly size: number, options: { dataDir?: string }) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(script, { workerData: options });
      w.on('message', (msg: { id: number } & Extracted) => {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        this.idle.push(w);
        this.pump();
        p?.resolve(msg.ok ? { ok: true, result: msg.result } : { ok: false, error: msg.error });
      });
      w.on('error', (err) => {
        for (const [id, p] of this.pending) {
          p.resolve({ ok: false, error: `extraction worker crashed: ${err.message}` });
          this.pending.delete(id);
        }
      });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const job = this.queue.shift()!;
      w.postMessage(job);
    }
  }

  extractAll(inputs: readonly ArticleInput[]): Promise<Extracted[]> {
    return Promise.all(
      inputs.map(
        (input) =>
          new Promise<Extracted>((resolve) => {
            const id = this.nextId++;
            this.pending.set(id, { resolve });
            this.queue.push({ id, input });
            this.pump();
          }),
      ),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
