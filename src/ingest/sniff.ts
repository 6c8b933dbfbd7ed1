import type { ColumnRole, Delimiter, Encoding, ImportMapping, Layout } from '../domain/mapping';
import { trimBlank } from '../domain/text';
import { detectDelimiter, modalFieldCount } from './sniff/delimiter';
import { dataExtent } from './sniff/extent';
import { codeRowsAt, findHeader, isUnitRow, looksLikeHeader, unitOfRow, unitsOfRow } from './sniff/header';
import { indicatorDefaults } from './sniff/indicator';
import { declaredEntity, entityDefaults } from './sniff/entity';
import { guessDecimalMark } from './sniff/decimal';
import { decideLayout, type Decision } from './sniff/layout';
import { profileColumns } from './sniff/profile';
import { packedKeys, packedRole, unpack } from './sniff/packed';
import { guessPublisher, isFlaggedCell } from './sniff/publisher';
import { splitFlag } from '../domain/flags';
import { conventionsOf } from '../domain/publishers';
import { isBlank, usableRecords, type CsvRecord } from './sniff/records';
import type { SniffOptions, SniffResult, SniffWarning } from './sniff/types';

// The sniffer: from the decoded first part of a file to a proposed ImportMapping. Pure and
// synchronous so that it runs the same in the browser and in Node tests. It looks at the text the
// way a person would: find the delimiter, skip the title and metadata lines, find the header (and a
// unit row under it), find where the table ends and the notes begin, then decide from the headers
// and the cells which layout the table has and what each column is.
//
// The steps live in ./sniff/: records (the quote-aware split), delimiter, header (and unit row),
// extent (the end of the table), profile (what each column holds), layout (the decision) and
// indicator (the defaults when the file has no indicator column). This file puts them together.

export type { SniffOptions, SniffResult, SniffWarning } from './sniff/types';

const PREVIEW_ROWS = 20;

function emptyResult(delimiter: Delimiter, warning: SniffWarning, lines: readonly string[]): SniffResult {
  return {
    delimiter,
    headerRow: 0,
    skipRows: 0,
    recordsBeforeData: 1,
    unitRow: null,
    dataRows: 0,
    dataRowsSeen: 0,
    fieldCount: 0,
    recordWidth: 0,
    headers: [],
    columns: [],
    layout: 'long',
    indicator: { name: '', unit: '', direction: 1 },
    entity: { name: '' },
    decimal: '.',
    publisher: 'generic',
    packed: 1,
    flagRows: false,
    confidence: 'low',
    warnings: [warning],
    preview: [],
    // No header was found, so everything is "above" it: the person sees what the file holds.
    metadataLines: [...lines],
    footerLines: [],
  };
}

const pad = (fields: readonly string[], width: number) =>
  Array.from({ length: width }, (_, i) => fields[i] ?? '');

/** Layouts that take the indicator from `mapping.indicator` rather than from the file. */
function needsIndicatorName(layout: Layout, roles: readonly ColumnRole[]): boolean {
  return layout !== 'wide-indicator' && !roles.includes('indicator');
}

/** A record of flags (`Codes;;;;A;A;P`): `Codes` first, then one- or two-letter codes or nothing. */
function isFlagRow(fields: readonly string[]): boolean {
  return /^codes$/i.test(trimBlank(fields[0] ?? '')) && fields.slice(1).every((f) => /^[A-Za-z]{0,2}$/.test(trimBlank(f)));
}

/**
 * INSEE's series in rows (`Libellé;idBank;Dernière mise à jour;Période;1982-T1;…`): each row is a
 * series, so its label names the indicator, not a place. The place is the file's, and is asked.
 */
function seriesInRows(headers: readonly string[], decision: Decision): void {
  const label = headers.findIndex((h) => /^libell[ée]$/i.test(h));
  if (decision.layout !== 'wide-period' || label < 0) return;
  decision.roles = decision.roles.map((r, i) => (i === label ? 'indicator' : r === 'entity' || r === 'indicator' ? 'ignore' : r));
  decision.warnings = [...decision.warnings.filter((w) => w !== 'sniff.entityGuessed'), 'sniff.noEntity'];
}

/** Column names as the mapping stores them: the header, or `(column N)` for an unnamed one. */
function columnName(header: string, index: number): string {
  return header === '' ? `(column ${index + 1})` : header;
}

export function sniff(input: string, options: SniffOptions = {}): SniffResult {
  const complete = options.complete ?? false;
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lines = text.split(/\r\n|\n|\r/);
  if (trimBlank(text) === '') return emptyResult(',', 'sniff.empty', []);

  const { delimiter, found } = detectDelimiter(text, complete);
  if (!found) return emptyResult(delimiter, 'sniff.noTable', lines);
  const records = usableRecords(text, delimiter, complete);
  const tableWidth = modalFieldCount(records).count;

  const h = findHeader(records, tableWidth);
  const header = records[h] as CsvRecord;
  const width = Math.max(tableWidth, header.fields.length);
  const unitRecord = isUnitRow(records[h + 1]) && records[h + 2] !== undefined ? records[h + 1] : undefined;
  const codeRows = codeRowsAt(records, h, h + (unitRecord ? 2 : 1));
  const dataStart = h + (unitRecord ? 2 : 1) + codeRows;
  const extent = dataExtent(records, dataStart, tableWidth, complete);
  const dataRecords = records.slice(dataStart, dataStart + extent.rows).filter((r) => !isBlank(r));
  // DuckDB reads no record from an empty line among the data (it counts one only while skipping),
  // so the row limit leaves them out, or a note under the table would be read in their place.
  const emptyLines = records.slice(dataStart, dataStart + extent.rows).filter((r) => r.line === r.endLine && lines[r.line] === '').length;
  const lastBeforeData = (records[dataStart - 1] ?? header).endLine;
  const lastDataLine = records[dataStart + extent.rows - 1]?.endLine ?? lastBeforeData;

  // Keys packed into the first field (Eurostat) are columns of their own from here on.
  const packedNames = packedKeys(header.fields[0] ?? '');
  const packed = packedNames?.length ?? 1;
  const fieldsOf = (fields: readonly string[]) => (packedNames ? unpack(fields, packed) : [...fields]);
  const headerFields = header.fields.map(trimBlank);
  const headers = pad(packedNames ? [...packedNames, ...headerFields.slice(1)] : headerFields, width + packed - 1);
  const allRows = dataRecords.map((r) => pad(fieldsOf(r.fields), width + packed - 1));
  // INSEE's series in rows put a `Codes` record under each: flags, not data (read.flagRows).
  const flagRows = allRows.filter(isFlagRow).length;
  // One under each series; under the last, a record of no codes is cut off with the table's end.
  const seriesFlags = flagRows > 0 && flagRows >= Math.floor(allRows.length / 2);
  const rows = seriesFlags ? allRows.filter((r) => !isFlagRow(r)) : allRows;
  const head = rows.slice(0, 200);
  const footerLines = extent.ended ? lines.slice(lastDataLine + 1).filter((l) => trimBlank(l.replace(/["',;|]/g, '')) !== '') : [];
  const metadataLines = lines.slice(0, header.line);
  const flaggedCells = head.reduce((n, row) => n + row.filter(isFlaggedCell).length, 0);
  // Code rows (`idBank;001763852`) say who published the file as metadata lines do.
  const codeLines = records.slice(dataStart - codeRows, dataStart).map((r) => r.fields.join(' '));
  const publisher = guessPublisher({ headers, metadataLines: [...metadataLines, ...codeLines], footerLines, packed: packed > 1, flaggedCells });
  // The cells as their values will be read: a flag after a number (`12.3 p`) is not part of it.
  const conventions = conventionsOf(publisher);
  const cells = conventions.valueFlags ? head.map((row) => row.map((c) => (isFlaggedCell(c) ? splitFlag(c.trim()).text : c))) : head;
  const decimal = guessDecimalMark(cells, delimiter);
  const marks = { missing: conventions.missingMarkers, zero: conventions.zeroMarkers };
  // NBS' national databases (月度数据, 季度数据, 年度数据) hold the country's series: names across the
  // top of one are indicators, never places (分省 databases are the ones with provinces).
  const national = publisher === 'nbs' && metadataLines.some((l) => /^数据库[:：]\s*(?:月度|季度|年度)数据/.test(l));
  const entityDeclared = declaredEntity(records.slice(0, h)) !== undefined;
  const decision = decideLayout(profileColumns(headers, cells, decimal.mark === ',', marks), { sideways: !national, entityDeclared });
  if (seriesFlags) seriesInRows(headers, decision);
  if (packedNames) {
    packedNames.forEach((name, i) => (decision.roles[i] = packedRole(name)));
    if (decision.roles.includes('entity')) decision.warnings = decision.warnings.filter((w) => w !== 'sniff.entityGuessed' && w !== 'sniff.noEntity');
  }
  // Each column's own unit (a wide-by-indicator file loads it per column), and the one unit that
  // layouts with a single indicator take.
  const columnUnits = unitRecord && !packedNames ? unitsOfRow(unitRecord, width) : null;
  const rowUnit = unitOfRow(columnUnits ?? []);
  const indicator = indicatorDefaults(records.slice(0, h), rowUnit.unit, options.fileName);
  // One entity for the whole file when no column holds one: the place a metadata line names (no
  // question then), else the country, proposed for the person to confirm (the warning stays).
  const oneEntity = decision.layout !== 'wide-entity' && !decision.roles.includes('entity');
  const entity = oneEntity ? entityDefaults(records.slice(0, h)) : { name: '', declared: false };
  if (entity.declared) decision.warnings = decision.warnings.filter((w) => w !== 'sniff.noEntity');

  const warnings: SniffWarning[] = [];
  if (!looksLikeHeader(header.fields)) warnings.push('sniff.noHeader');
  if (dataRecords.length === 0) warnings.push('sniff.noData');
  warnings.push(...decision.warnings);
  if (rowUnit.mixed && decision.layout !== 'wide-indicator') warnings.push('sniff.unitRowMixed');
  if (decimal.ambiguous) warnings.push('sniff.decimalAmbiguous');
  if (needsIndicatorName(decision.layout, decision.roles) && indicator.name === '') warnings.push('sniff.noIndicatorName');

  return {
    delimiter,
    headerRow: header.line,
    skipRows: lastBeforeData - header.line,
    recordsBeforeData: dataStart,
    unitRow: unitRecord ? unitRecord.line : null,
    dataRows: extent.ended ? extent.rows - emptyLines : Number.MAX_SAFE_INTEGER,
    dataRowsSeen: dataRecords.length,
    fieldCount: width + packed - 1,
    recordWidth: tableWidth,
    headers,
    columns: headers.map((name, i) => ({
      name: columnName(name, i),
      role: decision.roles[i] ?? 'ignore',
      ...(columnUnits ? { unit: columnUnits[i] ?? '' } : {}),
    })),
    layout: decision.layout,
    indicator,
    entity: { name: entity.name },
    decimal: decimal.mark,
    publisher,
    packed,
    flagRows: seriesFlags,
    confidence: warnings.length === 0 ? 'high' : 'low',
    warnings,
    preview: rows.slice(0, options.previewRows ?? PREVIEW_ROWS),
    metadataLines,
    footerLines,
  };
}

/** The mapping load-sql consumes: `read.headerRow` is the index of the last record before the data. */
export function toMapping(result: SniffResult, encoding: Encoding): ImportMapping {
  return {
    layout: result.layout,
    read: {
      encoding,
      delimiter: result.delimiter,
      headerRow: result.recordsBeforeData - 1,
      dataRows: result.dataRows,
      fields: result.recordWidth,
      ...(result.decimal === ',' ? { decimal: result.decimal } : {}),
      ...(result.publisher !== 'generic' ? { publisher: result.publisher } : {}),
      ...(result.packed > 1 ? { packed: result.packed } : {}),
      ...(result.flagRows ? { flagRows: true } : {}),
    },
    columns: result.columns.map((c) => ({ ...c })),
    indicator: { ...result.indicator },
    entity: { ...result.entity },
    entityLevel: 'region',
  };
}
