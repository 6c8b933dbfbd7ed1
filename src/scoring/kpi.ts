import { grainOf } from '../domain/periods';
import { formatChange, formatValue, type Locale } from '../format/number';
import type { HistoryRow } from '../queries/history';
import type { IndicatorInfo } from '../queries/indicators';
import { attainment, movement, targetStatus, type Movement, type TargetStatus } from './attainment';

export interface KpiFigures {
  period: string;
  value: number;
  /** The publisher's mark on the latest value, or null. */
  flag: string | null;
  prevPeriod: string | null;
  prevValue: number | null;
  /** The same period a year earlier (2024H2 for 2025H2), when there is one. */
  yearAgoPeriod: string | null;
  yearAgoValue: number | null;
}

/** The period one year before, in normal form: 2025 → 2024, 2025H2 → 2024H2, 2025-03 → 2024-03. */
export function yearBefore(period: string): string {
  if (grainOf(period) === 'year') return String(Number(period) - 1);
  return `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
}

/** Latest, previous and year-ago values of one indicator, from its history (oldest first). */
export function kpiFigures(history: readonly HistoryRow[]): KpiFigures | null {
  const last = history[history.length - 1];
  if (!last) return null;
  const prev = history[history.length - 2] ?? null;
  const yearAgo = history.find((h) => h.period === yearBefore(last.period)) ?? null;
  return {
    period: last.period,
    value: last.value,
    flag: last.flag ?? null,
    prevPeriod: prev?.period ?? null,
    prevValue: prev?.value ?? null,
    yearAgoPeriod: yearAgo?.period ?? null,
    yearAgoValue: yearAgo?.value ?? null,
  };
}

export interface ChangeFacts {
  move: Movement;
  /** Signed change at display precision, with unit: `+1.2 个百分点`, `−3 万元`. */
  text: string;
  /** The direction of the number; the word and colour say whether that is good. */
  arrow: '▲' | '▼' | '→';
}

type Shown = Pick<IndicatorInfo, 'direction' | 'decimals' | 'unit'>;

/** How a value moved against an earlier one, as a tile states it. */
export function changeFacts(value: number, earlier: number, indicator: Shown, locale: Locale): ChangeFacts {
  const move = movement(value, earlier, indicator.direction, indicator.decimals);
  return {
    move,
    text: formatChange(value - earlier, indicator.decimals, indicator.unit, locale),
    arrow: move === 'flat' ? '→' : value > earlier ? '▲' : '▼',
  };
}

export interface TargetFacts {
  status: TargetStatus;
  /** Share of the target reached (1 = met), uncapped. */
  share: number;
  /** The target with its unit. */
  goal: string;
}

/** Where a value stands against the indicator's target; null when it has none. */
export function targetFacts(value: number, indicator: Shown & Pick<IndicatorInfo, 'target'>, locale: Locale): TargetFacts | null {
  if (indicator.target === null) return null;
  const share = attainment(value, indicator.target, indicator.direction);
  return { status: targetStatus(share), share, goal: formatValue(indicator.target, indicator.decimals, indicator.unit, locale) };
}

/** The mean of some values (a peers' average), or null when there are none. */
export function meanOf(values: readonly number[]): number | null {
  return values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : null;
}
