import type { ColumnRole, Layout } from '../../domain/mapping';
import { splitNameUnit } from '../load-sql';
import { guessLongColumns, roleRepeats } from '../roles';
import { canMeasure, isEmptyColumn, isMonthly, isNumeric, isPeriodic, isText, type Profile } from './profile';
import type { SniffWarning } from './types';

// The layout the column profiles describe, and the role of each column in it.

export interface Decision {
  layout: Layout;
  roles: ColumnRole[];
  warnings: SniffWarning[];
}

/** Key roles read from header names; the first column of each role wins. */
function keyRolesByHeader(profiles: readonly Profile[], allowed: readonly ColumnRole[]): ColumnRole[] {
  const taken = new Set<ColumnRole>();
  return profiles.map((p) => {
    const role = p.headerRole;
    if (!allowed.includes(role) || (taken.has(role) && !roleRepeats(role, p.header))) return 'ignore';
    taken.add(role);
    return role;
  });
}

/**
 * The entity column when no header names it: the first text column that is not a code. Not where
 * the file names its one place (`地区：上海市`, a GENESIS title): its text columns are other keys.
 */
function fallbackEntity(profiles: readonly Profile[], roles: ColumnRole[], warnings: SniffWarning[], declared: boolean): void {
  if (roles.includes('entity') || declared) return;
  const p = profiles.find((q) => roles[q.index] === 'ignore' && !q.code && !q.note && isText(q));
  if (p) {
    roles[p.index] = 'entity';
    warnings.push('sniff.entityGuessed');
  } else warnings.push('sniff.noEntity');
}

/**
 * A column of month names beside the period column (GENESIS: `1991;January`): the two together
 * are the period, `1991-01`, read by the load from both (hqd_two_part_period).
 */
function monthColumn(profiles: readonly Profile[], roles: ColumnRole[], warnings: SniffWarning[]): void {
  const month = profiles.find((q) => roles[q.index] === 'ignore' && isMonthly(q));
  const year = profiles.find((q) => q !== month && (roles[q.index] === 'period' || (roles[q.index] === 'ignore' && !q.code && isPeriodic(q))));
  if (!month || !year) return;
  if (roles[year.index] !== 'period') warnings.push('sniff.periodGuessed');
  roles[year.index] = 'period';
  roles[month.index] = 'period';
}

/** The period column when no header names it: the first column whose cells are all periods. */
function fallbackPeriod(profiles: readonly Profile[], roles: ColumnRole[], warnings: SniffWarning[]): void {
  if (roles.includes('period')) return;
  const p = profiles.find((q) => roles[q.index] === 'ignore' && !q.code && isPeriodic(q));
  if (p) {
    roles[p.index] = 'period';
    warnings.push('sniff.periodGuessed');
  } else warnings.push('sniff.noPeriod');
}

/** Wide by period: period headers (`1960`, `2024年`, `Q4 2012`) over numbers, more of them than other number columns. */
function decideWidePeriod(profiles: readonly Profile[], declared: boolean): Decision | null {
  const periods = profiles.filter((p) => p.headerPeriod);
  const numericOthers = profiles.filter((p) => !p.headerPeriod && p.headerRole === 'ignore' && canMeasure(p) && !isEmptyColumn(p));
  const measurable = periods.filter((p) => isNumeric(p) || isEmptyColumn(p));
  if (periods.length === 0 || measurable.length < 0.8 * periods.length || periods.length <= numericOthers.length) return null;
  const warnings: SniffWarning[] = [];
  const roles = keyRolesByHeader(profiles, ['entity', 'branch', 'indicator', 'unit']).map((r, i) =>
    profiles[i]?.headerPeriod ? 'measure' : r,
  );
  fallbackEntity(profiles, roles, warnings, declared);
  // More text keys beside the entity and no indicator column (Destatis: variant, sex, age group):
  // together they name the indicator, or every row of one entity would repeat the same key.
  if (!roles.includes('indicator'))
    for (const p of profiles) if (roles[p.index] === 'ignore' && !p.code && !p.note && isText(p)) roles[p.index] = 'indicator';
  return { layout: 'wide-period', roles, warnings };
}

/** Wide by entity (a table turned sideways): periods down the first column, names across, numbers inside. */
function decideWideEntity(profiles: readonly Profile[]): Decision | null {
  const [first, ...rest] = profiles;
  // The cells decide, not the header: NBS puts `地区` over the corner cell whichever way the table turns.
  if (!first || !isPeriodic(first)) return null;
  // Key headers or text cells across the table mean names in columns: a long or wide-by-indicator file.
  if (rest.some((p) => p.headerPeriod || (p.headerRole !== 'ignore' && p.headerRole !== 'unit') || isText(p))) return null;
  if (!rest.some((p) => canMeasure(p) && isNumeric(p))) return null;
  const roles: ColumnRole[] = profiles.map((p, i) => (i === 0 ? 'period' : canMeasure(p) ? 'measure' : 'ignore'));
  // Headers with units (`GDP_亿元`) name indicators, not entities: the table is more likely something else.
  const warnings: SniffWarning[] = rest.some((p) => roles[p.index] === 'measure' && splitNameUnit(p.header).unit !== '')
    ? ['sniff.layoutGuessed']
    : [];
  if (first.headerRole !== 'period') warnings.push('sniff.periodGuessed');
  return { layout: 'wide-entity', roles, warnings };
}

/** Long: the value column is the one number column; with several, the first is a guess. */
function decideLong(numeric: readonly Profile[], roles: ColumnRole[], warnings: SniffWarning[]): Decision {
  const value = numeric[0];
  if (value) roles[value.index] = 'value';
  if (!value) warnings.push('sniff.noValue', 'sniff.layoutGuessed');
  else if (numeric.length > 1) warnings.push('sniff.valueGuessed');
  return { layout: 'long', roles, warnings };
}

/**
 * Long or wide by indicator, from the key columns. A `value` header or an indicator column means
 * one value per row (long). Otherwise each number column is an indicator named by its header —
 * also when there is just one (`城市,年份,GDP(亿元)`: the header names the indicator and its unit),
 * unless an unnamed text column is left that can only be the indicator of a long file.
 */
function decideKeyed(profiles: readonly Profile[], declared: boolean): Decision {
  const warnings: SniffWarning[] = [];
  const roles: ColumnRole[] = guessLongColumns(profiles.map((p) => p.header)).map((c) => c.role);
  monthColumn(profiles, roles, warnings);
  fallbackEntity(profiles, roles, warnings, declared);
  fallbackPeriod(profiles, roles, warnings);
  if (roles.includes('value')) return { layout: 'long', roles, warnings };
  const numeric = profiles.filter((p) => roles[p.index] === 'ignore' && canMeasure(p) && isNumeric(p));
  if (roles.includes('indicator') || numeric.length === 0) return decideLong(numeric, roles, warnings);
  // A note column beside one number column (`地区,年份,GDP,备注`) is not the indicator of a long file.
  const spareText = profiles.find((p) => roles[p.index] === 'ignore' && !p.code && !p.note && isText(p));
  if (numeric.length === 1 && spareText) {
    roles[spareText.index] = 'indicator';
    warnings.push('sniff.indicatorGuessed');
    return decideLong(numeric, roles, warnings);
  }
  for (const p of profiles) if (roles[p.index] === 'ignore' && canMeasure(p)) roles[p.index] = 'measure';
  // An indicator or unit column means nothing when the headers name the indicators.
  // A flag column stays one where it follows a measure: it flags that measure's values.
  return {
    layout: 'wide-indicator',
    roles: roles.map((r, i) => (r === 'unit' || (r === 'flag' && roles[i - 1] !== 'measure') ? 'ignore' : r)),
    warnings,
  };
}

/** `entityDeclared` where a metadata line names the file's one place; `sideways: false` where the file cannot have entities across (an NBS national database). */
export function decideLayout(profiles: readonly Profile[], options: { sideways?: boolean; entityDeclared?: boolean } = {}): Decision {
  const declared = options.entityDeclared ?? false;
  const decision = decideWidePeriod(profiles, declared) ?? (options.sideways === false ? null : decideWideEntity(profiles)) ?? decideKeyed(profiles, declared);
  if (decision.layout !== 'long' && !decision.roles.includes('measure')) decision.warnings.push('sniff.noMeasures');
  return decision;
}
