import { describe, expect, it } from 'vitest';
import { parseDeployment } from '../../../src/app/deployment';

describe('config.json', () => {
  it('is DuckDB in the page unless it names ClickHouse', () => {
    expect(parseDeployment({})).toEqual({ engine: 'duckdb' });
    expect(parseDeployment({ engine: 'duckdb' })).toEqual({ engine: 'duckdb' });
  });

  it('names a ClickHouse reached through a path of the site, with defaults for what it leaves out', () => {
    expect(parseDeployment({ engine: 'clickhouse', clickhouse: { path: '/ch/', database: 'prov', user: 'viewer' } })).toEqual({
      engine: 'clickhouse',
      clickhouse: { url: '/ch/', database: 'prov', user: 'viewer' },
    });
    expect(parseDeployment({ engine: 'clickhouse' })).toEqual({ engine: 'clickhouse', clickhouse: { url: '/clickhouse/', database: 'hqd', user: 'hqd_reader' } });
  });

  it('says what is wrong with a config it cannot use', () => {
    expect(() => parseDeployment({ engine: 'postgres' })).toThrow(/engine must be "duckdb" or "clickhouse"/);
    expect(() => parseDeployment({ engine: 'clickhouse', clickhouse: { path: 'https://elsewhere.example/' } })).toThrow(/path on this site/);
    expect(() => parseDeployment({ engine: 'clickhouse', clickhouse: { path: '//elsewhere.example/' } })).toThrow(/path on this site/);
    expect(() => parseDeployment({ engine: 'clickhouse', clickhouse: { database: '' } })).toThrow(/clickhouse.database/);
    expect(() => parseDeployment('clickhouse')).toThrow(/expected an object/);
  });
});
