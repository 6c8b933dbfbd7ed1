// The sample database is made from data/*.csv by the build and emitted as a hashed asset of our own
// origin (scripts/vite-sample-db.ts); the dev server serves it under a fixed path.
import sampleDatabaseUrl from 'virtual:hqd-sample-db';

async function download(): Promise<Uint8Array> {
  const response = await fetch(sampleDatabaseUrl);
  if (!response.ok) throw new Error(`sample database: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

let early: Promise<Uint8Array> | null = null;

/** Starts the download now, from the app's first module; `fetchSampleDatabase` then takes it. */
export function prefetchSampleDatabase(): void {
  early ??= download();
  early.catch(() => undefined);
}

/** The sample database's bytes, for `loadSampleDatabase`: the prefetched ones once, else a new download. */
export function fetchSampleDatabase(): Promise<Uint8Array> {
  const bytes = early ?? download();
  early = null;
  return bytes;
}
