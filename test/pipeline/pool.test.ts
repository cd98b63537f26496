import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ThreadPool } from '../../src/pipeline/pool';

/** The thread pool with stand-in worker scripts: one that dies on a poison article, one that never starts. */
const dir = mkdtempSync(path.join(os.tmpdir(), 'ng-pool-'));
const CRASHY = path.join(dir, 'crashy.js');
writeFileSync(
  CRASHY,
  `const { parentPort } = require('node:worker_threads');
   parentPort.on('message', (job) => {
     if (job.input.text === 'poison') process.exit(3);
     if (job.input.text === 'throw') throw new Error('boom');
     parentPort.postMessage({ id: job.id, ok: true, result: { text: job.input.text.toUpperCase() } });
   });`,
);
const BROKEN = path.join(dir, 'broken.js');
writeFileSync(BROKEN, `throw new Error('cannot load the knowledge tables');`);

const input = (text: string) => ({ text });

describe('ThreadPool', () => {
  it('returns results in input order, fails only the articles whose thread died, and replaces the threads', async () => {
    const pool = new ThreadPool(CRASHY, 2, {});
    try {
      const out = await pool.extractAll(['a', 'poison', 'b', 'throw', 'c', 'd'].map(input));
      expect(out.map((o) => (o.ok ? (o.result as unknown as { text: string }).text : o.error))).toEqual([
        'A', 'extraction thread exited with code 3', 'B', 'extraction thread crashed: boom', 'C', 'D',
      ]);
      const again = await pool.extractAll(['e', 'f', 'g'].map(input));
      expect(again.every((o) => o.ok)).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('fails every article with the reason, rather than hanging, when threads cannot start', async () => {
    const pool = new ThreadPool(BROKEN, 2, {});
    try {
      const out = await pool.extractAll(['a', 'b', 'c'].map(input));
      expect(out).toHaveLength(3);
      for (const o of out) expect(o).toEqual({ ok: false, error: expect.stringContaining('cannot load the knowledge tables') });
    } finally {
      await pool.close();
    }
  });
});
