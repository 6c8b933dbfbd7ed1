import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// The real public CSVs (shared/realdata/README.md) lie beside the repository, never in it: they are
// third-party files. Tests that read them run where the folder is and are skipped where it is not,
// as in a clone with nothing beside it; test/integration/real-shapes.test.ts imports files of the
// same layouts and mess that test/support/csv-gen.ts makes, so that those are tested everywhere.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const REALDATA_DIR = fileURLToPath(new URL('../../../shared/realdata/', import.meta.url));
/** The folder as the summary of `npm test` names it: `../shared/realdata`. */
export const REALDATA_LABEL = relative(ROOT, REALDATA_DIR);
/** For `describe.skipIf(NO_REALDATA)`. */
export const NO_REALDATA = !existsSync(REALDATA_DIR);

export const realPath = (path: string): string => REALDATA_DIR + path;
export const realBytes = (path: string): Uint8Array => new Uint8Array(readFileSync(realPath(path)));
