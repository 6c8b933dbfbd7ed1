// The app's first module, imported before Vue: what the first view waits for starts here, ahead
// of everything else the app loads. The engine's worker compiles the 34 MB wasm meanwhile, and the
// sample database downloads.
import { spawnEarly } from '../engine/spawn';
import { prefetchSampleDatabase } from '../ingest/sample-db-fetch';

spawnEarly();
prefetchSampleDatabase();
