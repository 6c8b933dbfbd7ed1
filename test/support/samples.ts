import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createSchema } from '../../src/engine/schema';
import type { Engine } from '../../src/engine/types';
import { loadSamples } from '../../src/ingest/samples';
import { createNodeEngine } from './node-engine';

export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

export const readSample = async (file: string): Promise<Uint8Array> => new Uint8Array(await readFile(DATA_DIR + file));

/** A fresh in-memory engine with the schema and the bundled sample imported from data/*.csv. */
export async function sampleEngine(open?: Parameters<typeof createNodeEngine>[0]): Promise<Engine> {
  const engine = await createNodeEngine(open);
  await createSchema(engine);
  await loadSamples(engine, readSample);
  return engine;
}
