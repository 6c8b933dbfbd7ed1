import type { Against } from '../app/url-params';
import { formatValue, type Locale } from '../format/number';
import { periodLabel } from '../format/period';
import type { IndicatorInfo } from '../queries/indicators';
import { changeFacts, targetFacts, type ChangeFacts } from '../scoring/kpi';
import type { TargetStatus } from '../scoring/attainment';
import type { Translate } from './labels';

/** A value and what it can be compared with. */
export interface Comparable {
  value: number;
  previous: { period: string; value: number } | null;
  yearAgo: { period: string; value: number } | null;
  /** The peers' average and whose it is. */
  peers: { label: string; value: number } | null;
}

export type Comparison =
  | (ChangeFacts & { against: string; /** Whether 向好/下滑 applies (not against a target). */ word: boolean; status?: TargetStatus })
  | { missing: string };

/** A value set against the comparison chosen (tiles and tables), or the words for "nothing to compare with". */
export function compareWith(kind: Against, c: Comparable, indicator: Pick<IndicatorInfo, 'direction' | 'decimals' | 'unit' | 'target'>, locale: Locale, t: Translate): Comparison {
  const facts = (earlier: number) => changeFacts(c.value, earlier, indicator, locale);
  if (kind === 'target') {
    const f = targetFacts(c.value, indicator, locale);
    return f && indicator.target !== null ? { ...facts(indicator.target), against: t('kpi.target', { target: f.goal }), word: false, status: f.status } : { missing: t('kpi.noTarget') };
  }
  if (kind === 'peers')
    return c.peers ? { ...facts(c.peers.value), against: t('kpi.peers', { label: c.peers.label, value: formatValue(c.peers.value, indicator.decimals, indicator.unit, locale) }), word: true } : { missing: t('kpi.noPeers') };
  const earlier = kind === 'yearAgo' ? c.yearAgo : c.previous;
  if (!earlier) return { missing: t(kind === 'yearAgo' ? 'kpi.noYearAgo' : 'kpi.noPrevious') };
  return { ...facts(earlier.value), against: t(kind === 'yearAgo' ? 'kpi.yearAgo' : 'kpi.previous', { period: periodLabel(earlier.period, t) }), word: true };
}
