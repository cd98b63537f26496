import { z } from 'zod';
import { UsageError } from '../pipeline/errors';

/**
 * Configuration from the environment, validated once with zod at start-up.
 * The password is never printed: `describeConfig` masks it.
 */
const EnvSchema = z.object({
  NEO4J_URI: z
    .string()
    .trim()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/, 'must look like bolt://host:7687 or neo4j+s://host')
    .default('bolt://localhost:7687'),
  NEO4J_USER: z.string().trim().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().trim().min(1).optional(),
  NEWSGRAPH_BATCH_SIZE: z.coerce.number().int().min(1).max(100_000).default(1000),
});

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string | undefined;
  database: string | undefined;
}

export interface Config {
  neo4j: Neo4jConfig;
  batchSize: number;
}

let cached: Config | undefined;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = EnvSchema.safeParse(clean);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new UsageError(`invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    neo4j: { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE },
    batchSize: e.NEWSGRAPH_BATCH_SIZE,
  };
}

/** The process-wide configuration, validated on first use. */
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}

/** For logs and the run ledger: never includes the password. */
export function describeConfig(c: Config): Record<string, unknown> {
  return {
    uri: c.neo4j.uri,
    user: c.neo4j.user,
    database: c.neo4j.database ?? null,
    password: c.neo4j.password ? '***' : null,
    batchSize: c.batchSize,
  };
}
