import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { formatEvalReport, registerEval } from '../../src/cli/commands/eval';
import { parseGold } from '../../src/eval/gold';
import { aggregate, scoreArticle } from '../../src/eval/score';
import { ent, GOLD_JSON, perfectPrediction } from './helpers';

/** `newsgraph eval` on saved predictions (no extractor run), and the table format. */

async function run(args: string[]): Promise<string> {
  const program = new Command('newsgraph').exitOverride();
  registerEval(program);
  let out = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['node', 'newsgraph', 'eval', ...args]);
  } finally {
    spy.mockRestore();
  }
  return out;
}

describe('newsgraph eval', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'newsgraph-eval-'));
    writeFileSync(join(dir, 'summit.json'), JSON.stringify(GOLD_JSON));
    const pred = perfectPrediction();
    pred.article.externalId = GOLD_JSON.article.id;
    pred.entities.push(ent('person:mr moon', 'Person', 'Mr Moon'));
    writeFileSync(join(dir, 'pred.jsonl'), JSON.stringify(pred) + '\n');
    writeFileSync(join(dir, 'other.jsonl'), JSON.stringify({ ...pred, article: { ...pred.article, externalId: 'x' } }) + '\n');
    writeFileSync(join(dir, 'bad.jsonl'), '{"article": {}}\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('scores saved predictions as JSON', async () => {
    const out = JSON.parse(await run([join(dir, 'summit.json'), '--predictions', join(dir, 'pred.jsonl'), '--format', 'json']));
    expect(out.articles).toBe(1);
    expect(out.entities).toMatchObject({ tp: 5, fp: 1, fn: 0 });
    expect(out.errorClasses).toEqual({ 'entity FP duplicate': 1 });
    expect(out.perArticle[0].errors).toBeUndefined();
  });

  it('prints a table, with every error under --verbose', async () => {
    const out = await run([dir, '--predictions', join(dir, 'pred.jsonl'), '--verbose']);
    expect(out).toMatch(/^entities \(P\/S\/I\) +0\.833 +1\.000 +0\.909 +5 +6 +5$/m);
    expect(out).toMatch(/event date accuracy +1\.000 +\(1\/1\)/);
    expect(out).toMatch(/FP +entity +duplicate +Person "Mr Moon" \(second entity for gold "Moon Jae-in"\)/);
  });

  it('names what is wrong with a predictions file', async () => {
    await expect(run([join(dir, 'summit.json'), '--predictions', join(dir, 'other.jsonl')])).rejects.toThrow(
      /no prediction for 1 gold article\(s\): gold-test-summit/,
    );
    await expect(run([join(dir, 'summit.json'), '--predictions', join(dir, 'bad.jsonl')])).rejects.toThrow(
      /bad\.jsonl:1: not an extraction result: article\.id: /,
    );
  });
});

describe('formatEvalReport', () => {
  it('shows "—" for accuracies with nothing to judge and caps the error classes without --verbose', () => {
    const gold = parseGold(structuredClone(GOLD_JSON), 'g.json');
    const pred = perfectPrediction();
    pred.events = [];
    const text = formatEvalReport(aggregate([scoreArticle(gold, pred)]), { title: 'test' });
    expect(text).toMatch(/^newsgraph eval: 1 article\(s\) from test$/m);
    expect(text).toMatch(/^event date accuracy +—$/m);
    expect(text).toMatch(/^ +2 +event FN missed$/m);
  });
});
