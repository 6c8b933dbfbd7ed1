// How a file is read: the result of sniffing, editable by the person before the import, and
// stored with the dataset so that it can be imported again exactly the same way after a reload.

import type { Direction } from './indicator';
import type { Publisher } from './publishers';

export type Layout = 'long' | 'wide-indicator' | 'wide-period' | 'wide-entity';

/**
 * `key` columns carry the key in their cells; `measure` columns carry values whose key (indicator,
 * period or entity, depending on the layout) is the column's header.
 */
export type ColumnRole = 'entity' | 'branch' | 'indicator' | 'period' | 'value' | 'unit' | 'flag' | 'measure' | 'ignore';

export type Delimiter = ',' | ';' | '\t' | '|';
/** How a number marks its decimals: `12.5`, or `12,5` in continental European files. */
export type DecimalMark = '.' | ',';
/** `windows-1252` also reads ISO-8859-1 and -15 text (the WHATWG decoders treat Latin-1 as it). */
export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface ColumnMapping {
  /** Header text as it appears in the file (trimmed). */
  name: string;
  role: ColumnRole;
  /**
   * The column's cell in the unit row under the header, '' where it is empty; present only when
   * the file has a unit row (and absent in mappings saved before columns had units). A
   * wide-by-indicator measure whose header names no unit of its own takes this one.
   */
  unit?: string;
}

export interface ReadOptions {
  encoding: Encoding;
  delimiter: Delimiter;
  /** 0-based index of the header record in the decoded text; records above it are metadata. */
  headerRow: number;
  /** Number of data records after the header; records past it (notes, footnotes) are not read. */
  dataRows: number;
  /**
   * Fields a whole data record has (the table's usual width, which a header with one delimiter
   * more or less does not change). A record with fewer is short and not read. Absent in mappings
   * saved before short records were reported: those files are read as they were then.
   */
  fields?: number;
  /**
   * `,` when numbers are written with a decimal comma (`12,5`, `1.234,5`): comma and point are
   * exchanged before a value is read. Absent (a point) in mappings saved before.
   */
  decimal?: DecimalMark;
  /**
   * The publisher family whose conventions apply (domain/publishers.ts): flags after values, `-`
   * as zero. Absent (generic) in mappings saved before.
   */
  publisher?: Publisher;
  /**
   * Keys packed into the first field, comma-separated (Eurostat's `freq,unit,geo\TIME_PERIOD`):
   * how many. The mapping's first `packed` columns are those keys, the file's other fields follow.
   * Absent (1: no packing) in mappings saved before.
   */
  packed?: number;
  /**
   * Series in rows with a flag record under each (INSEE's `Codes` row): a record whose first field
   * is `Codes` holds the flags of the values above it and is no data. Absent: no such records.
   */
  flagRows?: boolean;
}

export interface IndicatorDefaults {
  /** Used when the file has no indicator column (a metadata line or the person names it). */
  name: string;
  unit: string;
  direction: Direction;
}

export interface EntityDefaults {
  /**
   * The entity of every value when the file has no entity column: a national series (全国), or
   * the place a metadata line names (`地区：上海市`).
   */
  name: string;
}

export interface ImportMapping {
  layout: Layout;
  read: ReadOptions;
  columns: ColumnMapping[];
  indicator: IndicatorDefaults;
  /** Absent in mappings saved before a file could have one entity: those always had an entity column. */
  entity?: EntityDefaults;
  /** Level given to entities the file introduces (`region` for generic uploads). */
  entityLevel: string;
}

export interface RejectedCell {
  /** 1-based line of the record in the file as the person sees it in a text editor (approximate for quoted line breaks). */
  line: number;
  column: string;
  value: string;
  reason: RejectReason;
}

/** Why a cell was refused; `shortRow` and `longRow` refuse a whole record (its column is empty). */
export type RejectReason = 'period' | 'date' | 'number' | 'entity' | 'indicator' | 'duplicate' | 'shortRow' | 'longRow';

export interface ImportResult {
  datasetId: string;
  rows: number;
  /** Cells refused (missing markers are neither rows nor rejects). */
  rejected: number;
  /** Rows imported with a flag from the publisher (`p` provisional, `e` estimated, …). */
  flagged: number;
  /** Records not read at all because they have fewer fields than the table, or more than the header. */
  raggedRows: number;
  entities: number;
  indicators: number;
  periods: number;
  rejects: RejectedCell[];
}
