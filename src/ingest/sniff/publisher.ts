import { splitFlag } from '../../domain/flags';
import type { Publisher } from '../../domain/publishers';

// Which publisher family a file comes from, from what a person would notice: Eurostat's packed
// keys and flagged values, the IMF's WEO headers, Destatis' and INSEE's metadata, the NBS and World
// Bank lines above and below their tables. A proposal: the person can switch it before importing.

export interface PublisherSigns {
  headers: readonly string[];
  metadataLines: readonly string[];
  footerLines: readonly string[];
  /** The first field packs keys (`freq,unit,geo\TIME_PERIOD`). */
  packed: boolean;
  /** Data cells with a flag after a number or a `:` (`12.3 p`, `: c`). */
  flaggedCells: number;
}

/** A number or Eurostat's `:` before the flag: `12.3 p`, `0 e`, `: c`, not `Berlin Mitte`. */
const FLAGGED = /^[-+]?(?:\d[\d.,]*|:)$/;

export function isFlaggedCell(cell: string): boolean {
  const { text, flag } = splitFlag(cell.trim());
  return flag !== '' && FLAGGED.test(text.trim());
}

export function guessPublisher(signs: PublisherSigns): Publisher {
  const headers = new Set(signs.headers.map((h) => h.trim().toLowerCase()));
  const around = [...signs.metadataLines, ...signs.footerLines].join('\n');
  if (signs.packed || signs.flaggedCells >= 2) return 'eurostat';
  const weo = headers.has('weo subject code') || headers.has('weo country code') || headers.has('estimates start after');
  if (weo || /World Economic Outlook|International Monetary Fund/i.test(around)) return 'imf';
  if (headers.has('idbank') || /GENESIS|Statistisches (?:Bundes|Landes)amt|Destatis|INSEE|idBank/i.test(around)) return 'destatis';
  if (/数据库：|国家统计局|National Bureau of Statistics/.test(around)) return 'nbs';
  const worldBank = headers.has('country code') && (headers.has('indicator code') || headers.has('series code'));
  if (worldBank || /World Development Indicators|OECD|UNdata|United Nations/i.test(around)) return 'worldbank';
  return 'generic';
}
