// The app's first module, imported before Vue: what the first view waits for starts here, ahead
// of everything else the app loads. The engine's worker compiles the 34 MB wasm meanwhile, and the
// sample database downloads, and the deployment's config.json is read.
import { dropEarly, spawnEarly } from '../engine/spawn';
import { prefetchSampleDatabase } from '../ingest/sample-db-fetch';
import { deployment } from './deployment';

spawnEarly();
prefetchSampleDatabase();
// Asked alongside, not before: a deployment on ClickHouse then stops the worker, and one on
// DuckDB (nearly all) loses nothing waiting for the answer.
deployment().then(
  (d) => d.engine === 'clickhouse' && dropEarly(),
  () => undefined,
);
