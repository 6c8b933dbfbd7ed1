import { describe, expect, it } from 'vitest';
import { memoryLimitSql } from '../../src/engine/setup';
import { engineMemory } from '../../src/queries/engine-memory';
import { sampleEngine } from '../support/samples';

describe('engine memory', () => {
  it('counts what the loaded data holds, beside the limit the engine was given', async () => {
    const engine = await sampleEngine();
    await engine.query(memoryLimitSql(512));
    const before = await engineMemory(engine);
    expect(before.limit).toBe(512 * 1024 ** 2);
    expect(before.used).toBeGreaterThan(0);
    await engine.query('CREATE TABLE held AS SELECT range AS n, repeat(CAST(range AS VARCHAR), 20) AS s FROM range(500000)');
    const after = await engineMemory(engine);
    // Half a million rows of a number and a 100-character text: tens of megabytes more.
    expect(after.used - before.used).toBeGreaterThan(20 * 1024 ** 2);
    await engine.query('DROP TABLE held');
  });
});
