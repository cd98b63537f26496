import { InvalidArgumentError, Option } from 'commander';
import { config, describeConfig } from '../config/config';
import { Graph } from '../graph/neo4j';
import { Neo4jWriter } from '../graph/neo4j-writer';
import { EXTRACTOR_VERSION } from '../pipeline/version';
import { FORMATS } from './output';

/** What commands share: the validated configuration, connections made on demand, common options. */

export async function connectWriter(batchSize?: number, o: { refreshStale?: boolean } = {}): Promise<Neo4jWriter> {
  const c = config();
  return Neo4jWriter.connect(c.neo4j, { extractorVersion: EXTRACTOR_VERSION, batchSize: batchSize ?? c.batchSize, refreshStale: o.refreshStale });
}

export async function withGraph<T>(work: (g: Graph) => Promise<T>): Promise<T> {
  const g = await Graph.connect(config().neo4j);
  try {
    return await work(g);
  } finally {
    await g.close();
  }
}

export const safeConfig = (): Record<string, unknown> => describeConfig(config());

export const formatOption = (choices: readonly string[] = FORMATS, fallback = 'table'): Option =>
  new Option('-f, --format <format>', 'output format').choices(choices as string[]).default(fallback);

export function positiveInt(name: string): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a whole number of at least 1`);
    return n;
  };
}
