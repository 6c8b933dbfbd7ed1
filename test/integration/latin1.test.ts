import { describe, expect, it } from 'vitest';
import { importBytes } from '../support/import-bytes';
import { sampleEngine } from '../support/samples';

// A Windows-1252 / Latin-1 file, as Destatis and INSEE publish: its names come out exact.

describe('a Latin-1 file', () => {
  it('imports with its accented names exact', async () => {
    const engine = await sampleEngine();
    const text = 'Region;Year;Einwohner\nThüringen;2021;2108863\nBaden-Württemberg;2021;11124642\nÎle-de-France;2021;12317279\n';
    const { result, mapping } = await importBytes(engine, new Uint8Array(Buffer.from(text, 'latin1')), 'up-latin1');
    expect(mapping.read.encoding).toBe('windows-1252');
    expect(result).toMatchObject({ rows: 3, rejected: 0 });
    const names = await engine.query<{ name: string }>(`SELECT DISTINCT e.name FROM observations o JOIN entities e USING (entity_id) WHERE o.dataset_id = 'up-latin1' ORDER BY 1`);
    expect(names.map((n) => n.name)).toEqual(['Baden-Württemberg', 'Thüringen', 'Île-de-France']);
  });
});
