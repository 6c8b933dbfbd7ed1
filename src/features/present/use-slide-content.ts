import type { EChartsCoreOption } from 'echarts/core';
import { computed, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { buildHeatmapOption, heatmapPointCount, type HeatmapCell } from '../../charts/heatmap';
import { rankRows } from '../../charts/ranking';
import { buildScoreBarsOption } from '../../charts/score-bars';
import { scaleForScreen } from '../../charts/screen-scale';
import { PALETTE_DARK } from '../../charts/theme';
import { buildTrendOption, seriesByEntity, trendPointCount } from '../../charts/trend';
import type { DistrictTile, LaggingRow } from './PresentSlideDistrict.vue';
import { formatValue } from '../../format/number';
import { periodLabel } from '../../format/period';
import { kpiFigures } from '../../scoring/kpi';
import { countStatuses, entityTrends, scoreSiblings, weakestPart } from '../../scoring/scorecard';
import { useScoringStore } from '../../app/scoring-store';
import type { usePresentData } from './use-present-data';
import type { useShowModel } from './use-show-model';

/** Rows a slide shows at most: more would not read from the back of the room. */
export const MAX_ROWS = 12;
const MAX_TILES = 15;
const MAX_LAGGING = 3;
/** Wider than 21:9 (an LED wall): district slides gain their score chart. */
const WIDE = 21 / 9;

/** What each kind of slide draws, built on demand for the slide on screen. */
export function useSlideContent(data: ReturnType<typeof usePresentData>, model: ReturnType<typeof useShowModel>, screen: { unit: Ref<number>; width: Ref<number>; wide: Ref<number> }) {
  const { t } = useI18n();
  const scoring = useScoringStore();
  const scale = computed(() => ({ scale: screen.unit.value / 18, minFont: 18 }));
  const fit = (option: EChartsCoreOption) => scaleForScreen(option, scale.value);
  const shown = computed(() => model.scores.value.slice(0, MAX_ROWS));

  const kpis = computed(() => {
    const root = data.scope.value.root;
    const tiles = model.headline.value.flatMap((indicator) => {
      const row = data.rootValues.value.find((r) => r.indicator_id === indicator.indicator_id);
      return row ? [{ indicator, row }] : [];
    });
    const counts = root ? countStatuses(entityTrends(model.effective.value, data.history.value, root.entity_id, scoring.settings)) : null;
    return { tiles, counts };
  });

  const heatmap = computed(() => {
    const parts = shown.value.flatMap((s) => s.parts.map((p) => ({ entity: s.entityId, ...p })));
    const used = new Set(parts.map((p) => p.indicatorId));
    const columns = model.effective.value.filter((i) => used.has(i.indicator_id)).map((i) => ({ id: i.indicator_id, name: model.nameOf(i) }));
    const rows = shown.value.map((s) => ({ id: s.entityId, name: model.names.value.get(s.entityId) ?? s.entityId }));
    const cells = new Map<string, HeatmapCell>();
    for (const p of parts) cells.set(`${p.entity}|${p.indicatorId}`, { score: p.score, detail: '' });
    const input = { rows, columns, cells, theme: 'dark' as const, scoreLabel: t('score.score') };
    const option = fit(buildHeatmapOption(input)) as { xAxis: { axisLabel: Record<string, unknown> } };
    // Indicator names stand upright and wrap within their column instead of slanting and being cut.
    const u = screen.unit.value;
    const column = (screen.width.value - 3.2 * u - 7 * u) / Math.max(1, columns.length);
    option.xAxis.axisLabel = { ...option.xAxis.axisLabel, rotate: 0, width: Math.floor(column - 6), overflow: 'break', lineHeight: Math.round(u * 1.25) };
    return { option: option as EChartsCoreOption, points: heatmapPointCount(input) };
  });

  function district(id: string) {
    const score = model.scores.value.find((s) => s.entityId === id) ?? null;
    const ranked = model.scores.value.filter((s) => s.composite !== null && !s.insufficient);
    const rank = score ? ranked.indexOf(score) + 1 : 0;
    const all = model.effective.value.flatMap((indicator): DistrictTile[] => {
      const k = kpiFigures(data.history.value.filter((h) => h.entity_id === id && h.indicator_id === indicator.indicator_id));
      return k ? [{ indicator, value: k.value, period: k.period, prevValue: k.prevValue, prevPeriod: k.prevPeriod }] : [];
    });
    // The units below this district, each scored among its siblings; the lowest few are named.
    const below = data.below.value.filter((b) => b.parent_id === id || data.below.value.some((p) => p.entity_id === b.parent_id && p.parent_id === id));
    const scored = scoreSiblings(model.effective.value, below, data.belowValues.value, scoring.settings);
    const lagging: LaggingRow[] = [...scored.values()]
      .filter((s) => s.composite !== null)
      .sort((a, b) => (a.composite ?? 0) - (b.composite ?? 0))
      .slice(0, MAX_LAGGING)
      .map((s) => {
        const weak = weakestPart(s);
        return { id: s.entityId, name: model.names.value.get(s.entityId) ?? s.entityId, composite: s.composite, stars: s.stars, weakest: weak ? (model.indicatorNames.value.get(weak.indicatorId) ?? null) : null };
      });
    const levels = new Set(below.filter((b) => scored.has(b.entity_id)).map((b) => b.level));
    const lagLevel = levels.size === 1 ? [...levels][0] ?? '' : '';
    const gate = score ? score.gatedBy.map((g) => model.indicatorNames.value.get(g) ?? g).join(model.loc.value === 'en' ? ', ' : '、') : '';
    return {
      score,
      rank: rank > 0 ? rank : null,
      total: ranked.length,
      tiles: all.slice(0, MAX_TILES),
      hiddenTiles: Math.max(0, all.length - MAX_TILES),
      lagging,
      laggingTitle: t('present.lagging', { level: lagLevel ? t(`level.${lagLevel}`) : t('level.entity') }),
      gate,
      bars: score && screen.wide.value > WIDE ? scoreBars(score) : null,
    };
  }

  function scoreBars(score: NonNullable<(typeof model.scores.value)[number]>) {
    const average = new Map<string, number>();
    for (const p of score.parts) {
      const peers = model.scores.value.flatMap((s) => s.parts.filter((x) => x.indicatorId === p.indicatorId).map((x) => x.score));
      average.set(p.indicatorId, peers.reduce((a, b) => a + b, 0) / peers.length);
    }
    const option = buildScoreBarsOption({
      indicators: score.parts.map((p) => ({ id: p.indicatorId, name: model.indicatorNames.value.get(p.indicatorId) ?? p.indicatorId })),
      own: new Map(score.parts.map((p) => [p.indicatorId, p.score])),
      average,
      ownLabel: model.names.value.get(score.entityId) ?? score.entityId,
      averageLabel: t('scorecard.average'),
      theme: 'dark',
    });
    return { option: fit(option), points: score.parts.length * 2, label: t('scorecard.scoresTitle') };
  }

  function trend(indicatorId: string) {
    const i = model.byId.value.get(indicatorId);
    if (!i) return null;
    const root = data.scope.value.root?.entity_id;
    const members = new Set(model.districts.value);
    const rows = data.history.value.filter((h) => h.indicator_id === indicatorId && (h.entity_id === root || members.has(h.entity_id)));
    const periods = [...new Set(rows.map((r) => r.period))].sort();
    const lines = seriesByEntity(rows, (id) => model.names.value.get(id));
    const latest = lines.flatMap((s) => {
      const k = kpiFigures(rows.filter((r) => r.entity_id === s.id));
      return k ? [{ id: s.id, name: s.name, value: k.value, prev: k.prevValue, emphasis: s.id === root }] : [];
    });
    const ranked = rankRows(latest.filter((l) => !l.emphasis), i.direction).slice(0, MAX_ROWS - 1);
    const keep = new Set([...(root ? [root] : []), ...ranked.map((r) => r.id)]);
    const series = lines.filter((s) => keep.has(s.id)).sort((a, b) => Number(b.id === root) - Number(a.id === root));
    const input = {
      periods,
      series,
      unit: i.unit,
      decimals: i.decimals,
      target: i.target,
      targetLabel: i.target !== null ? t('chart.target', { value: formatValue(i.target, i.decimals, i.unit, model.loc.value) }) : '',
      locale: model.loc.value,
      theme: 'dark' as const,
      emphasisId: root,
      periodLabel: (p: string) => periodLabel(p, t),
    };
    // The list beside the chart names each line, with its colour: no legend to hover or page.
    const colour = new Map(series.map((x, n) => [x.id, PALETTE_DARK[n % PALETTE_DARK.length] as string]));
    const list = [...latest.filter((l) => l.emphasis), ...ranked.map((r) => latest.find((l) => l.id === r.id) as (typeof latest)[number])].map((l) => ({ ...l, colour: colour.get(l.id) ?? '' }));
    const option = buildTrendOption(input) as Record<string, unknown>;
    const unlabelled = { ...option, legend: { show: false }, grid: { ...(option.grid as object), right: 24 } };
    return { indicator: i, option: fit(unlabelled), points: trendPointCount(input), list };
  }

  return { kpis, heatmap, district, trend, shown };
}
