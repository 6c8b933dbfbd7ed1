// The sample database is made from data/*.csv by the build and emitted as a hashed asset of our own
// origin (scripts/vite-sample-db.ts); the dev server serves it under a fixed path.
import sampleDatabaseUrl from 'virtual:hqd-sample-db';

/** The sample database's bytes, for `loadSampleDatabase`. */
export async function fetchSampleDatabase(): Promise<Uint8Array> {
  const response = await fetch(sampleDatabaseUrl);
  if (!response.ok) throw new Error(`sample database: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
