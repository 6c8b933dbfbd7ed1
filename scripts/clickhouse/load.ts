// `npm run clickhouse:load -- [--sample] [--id ID] FILE...`: reads each file with the browser's
// import code and publishes it to the cluster `npm run clickhouse:up` started (loader.ts).
import { defaultSpec, shardUrls, statement } from './cluster';
import { loadFiles } from './loader';

const args = process.argv.slice(2);
const sample = args.includes('--sample');
const idAt = args.indexOf('--id');
const id = idAt >= 0 ? args[idAt + 1] : undefined;
const files = args.filter((a, i) => a !== '--sample' && a !== '--id' && !(idAt >= 0 && i === idAt + 1));

async function main(): Promise<void> {
  if (!sample && files.length === 0) throw new Error('usage: npm run clickhouse:load -- [--sample] [--id ID] FILE...');
  if (id !== undefined && files.length !== 1) throw new Error('--id names the dataset of a single file');
  const spec = defaultSpec();
  const shards = shardUrls(spec);
  try {
    await statement(shards[0] as string, 'SELECT 1');
  } catch {
    throw new Error(`no ClickHouse answers at ${shards[0]}: start the cluster with npm run clickhouse:up`);
  }
  const loaded = await loadFiles({ shards }, files, { sample, id, log: console.log });
  console.log(`${loaded.length} datasets loaded into ClickHouse at ${shards[0]}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error('Nothing of the file that failed was loaded; the server holds what it held before it.');
  process.exit(1);
});
