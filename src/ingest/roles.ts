import type { ColumnMapping, ColumnRole } from '../domain/mapping';
import { trimBlank } from '../domain/text';

// Header names → column roles for long files. The sniffer's first guess; the person can change it.
const ROLE_PATTERNS: [ColumnRole, RegExp][] = [
  ['entity', /^(entity_id|entity|地区|地区名称|区县|区\/县|省份|省|城市|country name|country|geography|geo|ref_area|region|area)$/i],
  ['branch', /^(branch|branch_id|支部|党支部|党支部名称)$/i],
  ['indicator', /^(indicator_id|indicator|indicator name|series name|subject descriptor|指标|指标名称|指标代码)$/i],
  ['period', /^(period|year|date|time|年份|年度|时间|期间|统计期|季度|月份|ref_date)$/i],
  ['value', /^(value|obs_value|数值|值|数据)$/i],
  ['unit', /^(unit|units|unit_measure|计量单位|单位|scale)$/i],
  // INSEE puts a `Codes` column (A normal, P provisional, …) after each series.
  ['flag', /^(flag|flags|flag codes|codes|obs_status|obs_flag|标记|数据标记)$/i],
];

/**
 * IMF's `Scale` (Billions, Millions) is a second unit column, read with `Units` as one unit
 * ("billion U.S. dollars"): the one role a file may give two columns.
 */
export const SCALE_RE = /^scale$/i;

/** Whether a column of `role` may take it when an earlier column already has it. */
export function roleRepeats(role: ColumnRole, header: string): boolean {
  return role === 'unit' && SCALE_RE.test(trimBlank(header));
}

export function guessRole(header: string): ColumnRole {
  const text = trimBlank(header);
  for (const [role, pattern] of ROLE_PATTERNS) if (pattern.test(text)) return role;
  return 'ignore';
}

/** Roles for a long file: the first column matching each role wins; the rest are ignored. */
export function guessLongColumns(headers: readonly string[]): ColumnMapping[] {
  const taken = new Set<ColumnRole>();
  return headers.map((name) => {
    const role = guessRole(name);
    if (role === 'ignore' || (taken.has(role) && !roleRepeats(role, name))) return { name: trimBlank(name), role: 'ignore' };
    taken.add(role);
    return { name: trimBlank(name), role };
  });
}
