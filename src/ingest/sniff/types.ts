import type { ColumnMapping, DecimalMark, Delimiter, EntityDefaults, IndicatorDefaults, Layout } from '../../domain/mapping';
import type { Publisher } from '../../domain/publishers';

// What the sniffer is asked and what it answers.

export interface SniffOptions {
  /** File name, used for the indicator name when the file itself does not name it. */
  fileName?: string;
  /**
   * True when `text` is the whole file. When it is only a prefix (the default, the safe choice),
   * a record cut at the end is ignored and, unless a footer was seen, `dataRows` is unbounded.
   */
  complete?: boolean;
  /** How many data records `preview` holds (20 by default). */
  previewRows?: number;
}

/** Message keys, translated by the interface; every one of them makes the confidence low. */
export type SniffWarning =
  | 'sniff.empty'
  | 'sniff.noTable'
  | 'sniff.noHeader'
  | 'sniff.noData'
  | 'sniff.delimiterGuessed'
  | 'sniff.layoutGuessed'
  | 'sniff.entityGuessed'
  | 'sniff.noEntity'
  | 'sniff.periodGuessed'
  | 'sniff.noPeriod'
  | 'sniff.valueGuessed'
  | 'sniff.indicatorGuessed'
  | 'sniff.noValue'
  | 'sniff.noMeasures'
  | 'sniff.noIndicatorName'
  | 'sniff.unitRowMixed'
  | 'sniff.decimalAmbiguous';

export interface SniffResult {
  delimiter: Delimiter;
  /** 0-based physical line where the header names are (what a text editor shows, less one). */
  headerRow: number;
  /**
   * Lines after `headerRow` that are still not data: the unit row, and line breaks inside quoted
   * header names. `headerRow + skipRows` is the last physical line before the data.
   */
  skipRows: number;
  /**
   * Records above the first data record (titles, metadata and blank lines, the header, the unit
   * row), counted as DuckDB's `skip` counts them: a blank line is one, a line break inside quotes
   * starts none. So it is fewer than `headerRow + skipRows + 1` when a quoted field above the data
   * holds a line break; `toMapping` uses it, as load-sql skips `read.headerRow + 1` records.
   */
  recordsBeforeData: number;
  /** 0-based physical line of the unit row under the header (`,"Persons",,,`), or null. */
  unitRow: number | null;
  /**
   * Data records to read after the header (and unit row), up to the notes below the table, as
   * DuckDB counts them (an empty line is none). `Number.MAX_SAFE_INTEGER` when the text is a prefix
   * and no end of the table was seen.
   */
  dataRows: number;
  /** Non-blank data records present in the text (the whole table when `complete`). */
  dataRowsSeen: number;
  /** Columns of the table as the mapping has them (the file's fields, packed keys split). */
  fieldCount: number;
  /** Fields of the table's usual record (the header may have one more or one less). */
  recordWidth: number;
  /** Header texts, trimmed, one per field (empty strings kept). */
  headers: string[];
  /** One per field, positionally; unnamed columns are named `(column N)`. */
  columns: ColumnMapping[];
  layout: Layout;
  indicator: IndicatorDefaults;
  /** The entity of every value when no column holds one (`name` is '' when a column does). */
  entity: EntityDefaults;
  /** The decimal mark numbers are written with (src/ingest/sniff/decimal.ts). */
  decimal: DecimalMark;
  /** The publisher family whose conventions the file follows, as proposed (sniff/publisher.ts). */
  publisher: Publisher;
  /** Keys packed into the first field (sniff/packed.ts), 1 when none are: the first `packed` columns are those keys. */
  packed: number;
  /** A `Codes` record under each series holds its flags (INSEE's series in rows): read.flagRows. */
  flagRows: boolean;
  /** 'high': layout and key roles were read from the file without guessing; import in one click. */
  confidence: 'high' | 'low';
  warnings: SniffWarning[];
  /** The first data records as they will be read (after the header and unit row), padded to `fieldCount`. */
  preview: string[][];
  /** The physical lines above the header (titles, `数据库：…`, blank lines). */
  metadataLines: string[];
  /** The non-blank lines below the table (notes, sources, footnotes). */
  footerLines: string[];
}
