import { describeConfig, loadConfig } from '../../src/config/config';
import { UsageError } from '../../src/pipeline/errors';

describe('loadConfig', () => {
  it('has defaults for a local Neo4j without authentication', () => {
    const c = loadConfig({});
    expect(c.neo4j).toEqual({ uri: 'bolt://localhost:7687', user: 'neo4j', password: undefined, database: undefined });
    expect(c.batchSize).toBe(1000);
  });

  it('accepts Aura URIs and never shows the password', () => {
    const c = loadConfig({ NEO4J_URI: 'neo4j+s://abcd.databases.neo4j.io', NEO4J_PASSWORD: 's3cret!', NEO4J_DATABASE: 'neo4j' });
    expect(c.neo4j.uri).toBe('neo4j+s://abcd.databases.neo4j.io');
    expect(JSON.stringify(describeConfig(c))).not.toContain('s3cret!');
  });

  it('rejects a malformed URI with a clear message', () => {
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474' })).toThrow(UsageError);
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474' })).toThrow(/NEO4J_URI/);
    expect(() => loadConfig({ NEWSGRAPH_BATCH_SIZE: '0' })).toThrow(/NEWSGRAPH_BATCH_SIZE/);
  });
});
