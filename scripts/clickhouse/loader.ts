// The work of `npm run clickhouse:load`: each file read by the browser's own import code
// (detection, mapping, validation) in DuckDB under Node, its report printed, then published to
// the cluster one dataset at a time (publish.ts).
import { basename } from 'node:path';
import { readFile } from 'node:fs/promises';
import { createSchema } from '../../src/engine/schema';
import type { Engine } from '../../src/engine/types';
import en from '../../src/i18n/en';
import { loadCatalog } from '../../src/ingest/catalog';
import { decodePrefix } from '../../src/ingest/decode';
import { ImportError, inspectFile } from '../../src/ingest/import-file';
import { loadDataset } from '../../src/ingest/load';
import { loadSamples, SAMPLE_DATASET_IDS } from '../../src/ingest/samples';
import type { ImportResult } from '../../src/domain/mapping';
import { readSample } from '../../test/support/samples';
import { createNodeEngine } from '../../test/support/node-engine';
import { publish, seedCatalog, type PublishOptions, type Target } from './publish';

/** How many refused cells the report lists; the count is always exact. */
const REPORT_REJECTS = 20;

/** A dataset id from a file's name, so that loading the same file again replaces it. */
export const datasetIdFor = (file: string) => `file-${basename(file).replace(/\.[^.]*$/, '').replace(/\s+/g, '-')}`;

/** The import's report, as the Data view gives it: what was read and every kind of refusal. */
export function report(file: string, result: ImportResult): string[] {
  const lines = [
    `${file}: ${result.rows.toLocaleString('en')} observations (${result.entities} entities, ${result.indicators} indicators, ${result.periods} periods)`,
  ];
  if (result.flagged) lines.push(`  ${result.flagged} observations carry a publisher's flag`);
  if (result.raggedRows) lines.push(`  ${result.raggedRows} records not read: their number of fields differs from the header`);
  if (result.rejected) {
    lines.push(`  ${result.rejected} cells refused${result.rejected > REPORT_REJECTS ? `, the first ${REPORT_REJECTS}:` : ':'}`);
    for (const r of result.rejects.slice(0, REPORT_REJECTS))
      lines.push(`    line ${r.line}${r.column ? `, column ${r.column}` : ''}${r.value ? `, value ${JSON.stringify(r.value)}` : ''}: ${en.reject[r.reason]}`);
  }
  return lines;
}

/** What an ImportError says, in the Data view's words. */
function refusal(error: unknown): string {
  if (!(error instanceof ImportError)) return error instanceof Error ? error.message : String(error);
  const text = (en.refusal as Record<string, string>)[error.reason] ?? error.reason;
  return error.detail ? `${text} (${error.detail})` : text;
}

async function importFile(engine: Engine, path: string, datasetId: string): Promise<{ kind: 'data'; result: ImportResult } | { kind: 'catalog' }> {
  const bytes = new Uint8Array(await readFile(path));
  const inspection = await inspectFile(new Blob([bytes]), basename(path));
  const encoding = inspection.mapping.read.encoding;
  // The browser converts other encodings in a worker; under Node, TextDecoder does the same.
  const utf8 = encoding === 'utf-8' ? bytes : new TextEncoder().encode(decodePrefix(bytes, encoding, Number.MAX_SAFE_INTEGER));
  const registered = `load-${datasetId}.csv`;
  await engine.registerFile(registered, utf8);
  try {
    if (inspection.kind === 'catalog') {
      await loadCatalog(engine, registered, inspection.mapping.read.delimiter);
      return { kind: 'catalog' };
    }
    const result = await loadDataset(engine, { datasetId, name: basename(path), kind: 'upload', sourceFile: basename(path), registeredFile: registered, mapping: inspection.mapping, replace: true });
    return { kind: 'data', result };
  } finally {
    await engine.dropFile(registered);
  }
}

export interface LoadOptions extends PublishOptions {
  /** The bundled sample's datasets as well, as the app loads them. */
  sample?: boolean;
  /** The dataset id of the (single) file, instead of one from its name. */
  id?: string;
}

/** Loads `files` (and the sample when asked) into the cluster; throws on the first that fails, with the server as it was before that file. */
export async function loadFiles(target: Target, files: readonly string[], options: LoadOptions = {}): Promise<string[]> {
  const log = options.log ?? console.log;
  const loaded: string[] = [];
  if (options.sample) {
    const engine = await createNodeEngine();
    await createSchema(engine);
    await loadSamples(engine, readSample);
    log(`sample: ${SAMPLE_DATASET_IDS.length} datasets read`);
    await publish(engine, target, SAMPLE_DATASET_IDS, options);
    loaded.push(...SAMPLE_DATASET_IDS);
  }
  for (const file of files) {
    const engine = await createNodeEngine();
    await createSchema(engine);
    await seedCatalog(engine, target);
    const id = options.id ?? datasetIdFor(file);
    let imported;
    try {
      imported = await importFile(engine, file, id);
    } catch (error) {
      throw new Error(`${file}: ${refusal(error)}`, { cause: error });
    }
    if (imported.kind === 'catalog') {
      log(`${file}: indicator catalog read`);
      await publish(engine, target, [], options);
      continue;
    }
    for (const line of report(file, imported.result)) log(line);
    await publish(engine, target, [id], options);
    log(`${file}: published as dataset ${id}`);
    loaded.push(id);
  }
  return loaded;
}
