import type { IndicatorDefaults } from '../../domain/mapping';
import { shortName } from '../../domain/names';
import { trimBlank } from '../../domain/text';
import { splitNameUnit } from '../load-sql';
import { nonEmpty, recordText, type CsvRecord } from './records';

// Indicator defaults: the name and unit of a file that has no indicator column.

const INDICATOR_LINE_RE = /^(?:指标|指标名称|indicator|indicator name|series|series name)\s*[:：]\s*(.+)$/i;
const UNIT_LINE_RE = /^(?:单位|计量单位|unit|units|unit of measure)\s*[:：]\s*(.+)$/i;

/** `分省年度数据 (5).csv` → `分省年度数据`: no folder, no extension, no browser copy number. */
function baseName(fileName: string): string {
  return (fileName.split(/[\\/]/).pop() ?? '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/\s*[(（]\d{1,3}[)）]$/, '')
    .trim();
}

/**
 * Name and unit when the file has no indicator column. In order: a `指标：…` line (the NBS export
 * names its single indicator only there), a title line (StatCan's first line, footnote marks
 * removed), the file name. The unit: the `指标` line's bracket, a `单位：` line, the unit row.
 */
export function indicatorDefaults(metadata: readonly CsvRecord[], rowUnit: string, fileName: string | undefined): IndicatorDefaults {
  const texts = metadata.map(recordText).filter((t) => t !== '');
  const declared = texts.map((t) => INDICATOR_LINE_RE.exec(t)?.[1]).find((t) => t !== undefined);
  const unitLine = texts.map((t) => UNIT_LINE_RE.exec(t)?.[1]).find((t) => t !== undefined);
  const title = metadata.find((r) => nonEmpty(r) === 1 && !/[:：]/.test(recordText(r)));
  const stated = declared ?? (title ? (shortName(recordText(title)) ?? '') : undefined);
  const file = fileName ? baseName(fileName) : '';
  // In a file name only a bracket is a unit: `GDP(亿元).csv`, but not `nv.ind.totl.zs_data.csv`.
  const fromFile = /[)）\]]$/.test(file) ? splitNameUnit(file) : { name: file, unit: '' };
  const { name, unit } = stated !== undefined ? splitNameUnit(stated) : fromFile;
  return { name, unit: unit || (unitLine && trimBlank(unitLine)) || rowUnit, direction: 1 };
}
