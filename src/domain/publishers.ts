// Publisher families whose files follow conventions of their own (docs/data-format.md section 8).
// The sniffer proposes one from what the file shows; the person can switch it before the import,
// and the mapping keeps it so that a re-import reads the file the same way.

export type Publisher = 'generic' | 'nbs' | 'worldbank' | 'eurostat' | 'destatis' | 'imf';

export const PUBLISHERS: readonly Publisher[] = ['generic', 'nbs', 'worldbank', 'eurostat', 'destatis', 'imf'];

export interface Conventions {
  /** Values may carry the publisher's flag after the number: `12.3 p`, `34086 ep`, `: c`. */
  valueFlags: boolean;
  /** Cells that mean zero, compared case-insensitively after trimming: Destatis' `-` ("nichts vorhanden"). */
  zeroMarkers: readonly string[];
  /** Cells that mean "no value" on top of the general markers: Destatis' `x` ("Tabellenfach gesperrt"). */
  missingMarkers: readonly string[];
  /** Flags that mark a value as normal, kept as no flag: INSEE's `A` ("valeur normale"). */
  plainFlags: readonly string[];
}

const PLAIN: Conventions = { valueFlags: false, zeroMarkers: [], missingMarkers: [], plainFlags: [] };

// NBS, the World Bank, OECD and UN files need nothing beyond the general rules: their presets
// exist so that the person sees the file was recognised, and so that the list is complete.
const CONVENTIONS: Record<Publisher, Conventions> = {
  generic: PLAIN,
  nbs: PLAIN,
  worldbank: PLAIN,
  eurostat: { ...PLAIN, valueFlags: true },
  destatis: { ...PLAIN, zeroMarkers: ['-'], missingMarkers: ['x', '/'], plainFlags: ['A'] },
  imf: PLAIN,
};

export function conventionsOf(publisher: Publisher | undefined): Conventions {
  return CONVENTIONS[publisher ?? 'generic'] ?? PLAIN;
}
