import type { Engine } from '../../src/engine/types';
import { decodePrefix, detectEncoding } from '../../src/ingest/decode';
import { loadDataset } from '../../src/ingest/load';
import type { ImportMapping, ImportResult } from '../../src/domain/mapping';
import { sniff, toMapping } from '../../src/ingest/sniff';

/**
 * The browser's import path under Node: detect, sniff, convert to UTF-8 (TextDecoder here, a
 * worker in the browser), then DuckDB's read_csv through `loadDataset`.
 */
export async function importBytes(
  engine: Engine,
  bytes: Uint8Array,
  datasetId: string,
  edit?: (mapping: ImportMapping) => void,
  replace = false,
): Promise<{ result: ImportResult; mapping: ImportMapping }> {
  const encoding = detectEncoding(bytes);
  const text = decodePrefix(bytes, encoding, Number.MAX_SAFE_INTEGER);
  const mapping = toMapping(sniff(text, { fileName: `${datasetId}.csv`, complete: true }), encoding);
  edit?.(mapping);
  const utf8 = encoding === 'utf-8' ? bytes : new TextEncoder().encode(text);
  await engine.registerFile(`${datasetId}.csv`, utf8.slice());
  const result = await loadDataset(engine, { datasetId, name: datasetId, kind: 'upload', sourceFile: `${datasetId}.csv`, registeredFile: `${datasetId}.csv`, mapping, replace });
  return { result, mapping };
}
