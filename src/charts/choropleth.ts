import type { EChartsCoreOption } from 'echarts/core';
import { BACKGROUND, INK, type ThemeName } from './theme';
import { tooltipElement } from './tooltip';

/**
 * A map of regions coloured in stepped classes, each class named in words in the legend and each
 * region's value printed on it: colour is never the only carrier. With a target, the classes say
 * how each region stands against it (met, within 5 % of it, within 10 %, further off), green to
 * red; without one, they are the quartiles of the values, light to dark.
 */
export interface ChoroplethRegion {
  /** The feature's name in the registered map. */
  name: string;
  /** What the label and tooltip call it (the entity's name). */
  label: string;
  value: number;
  /** The entity a click goes to. */
  id: string;
  /** What is printed for it, where not its value formatted (a score with its stars). */
  text?: string;
}

export interface ChoroplethClass {
  label: string;
  color: string;
  /** Inclusive bounds of the values in the class; open where null. */
  min: number | null;
  max: number | null;
}

export interface ChoroplethInput {
  map: string;
  regions: readonly ChoroplethRegion[];
  classes: readonly ChoroplethClass[];
  format: (v: number) => string;
  /** Regions of the map without a value, drawn grey and named in the tooltip as such. */
  noValue: string;
  /** Large type and lines, for Present's walls. */
  big?: boolean;
  theme?: ThemeName;
}

export interface ClassWords {
  met: string;
  /** Within 5 % of the target. */
  near: string;
  /** Within 5–10 % of it. */
  off: string;
  far: string;
  /** A quartile's range in words: `{from} – {to}`. */
  range: (from: string, to: string) => string;
}

const STATUS = { met: '#2f9e6f', near: '#f2cf63', off: '#e58a3a', far: '#c4473a' } as const;
const QUARTILES = ['#d4e4f7', '#93b8e6', '#4f86c9', '#1f4f94'];

/** The classes a region's value falls into: against the target where there is one, else quartiles. */
export function choroplethClasses(values: readonly number[], target: number | null, direction: 1 | -1, words: ClassWords, format: (v: number) => string): ChoroplethClass[] {
  if (target !== null && Number.isFinite(target)) {
    // Bounds at 5 % and 10 % of the target, on the side that falls short of it.
    const gap = (share: number) => target - direction * Math.abs(target) * share;
    const [a, b] = [gap(0.05), gap(0.1)];
    return direction === 1
      ? [
          { label: words.met, color: STATUS.met, min: target, max: null },
          { label: words.near, color: STATUS.near, min: a, max: target },
          { label: words.off, color: STATUS.off, min: b, max: a },
          { label: words.far, color: STATUS.far, min: null, max: b },
        ]
      : [
          { label: words.met, color: STATUS.met, min: null, max: target },
          { label: words.near, color: STATUS.near, min: target, max: a },
          { label: words.off, color: STATUS.off, min: a, max: b },
          { label: words.far, color: STATUS.far, min: b, max: null },
        ];
  }
  const sorted = [...values].filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  const breaks = [sorted[0] as number, at(0.25), at(0.5), at(0.75), sorted[sorted.length - 1] as number];
  const classes: ChoroplethClass[] = [];
  for (let i = 3; i >= 0; i--) {
    const min = breaks[i] as number;
    const max = breaks[i + 1] as number;
    if (classes.some((c) => c.min === min && c.max === max)) continue;
    classes.push({ label: words.range(format(min), format(max)), color: QUARTILES[i] as string, min, max });
  }
  return classes;
}

/** The class of `value`: the first whose bounds hold it (classes are listed best first). */
export function classOf(classes: readonly ChoroplethClass[], value: number): ChoroplethClass | undefined {
  return classes.find((c) => (c.min === null || value >= c.min) && (c.max === null || value <= c.max));
}

export function buildChoroplethOption(input: ChoroplethInput): EChartsCoreOption {
  const big = input.big ?? false;
  const theme = input.theme ?? 'light';
  const byName = new Map(input.regions.map((r) => [r.name, r]));
  const base = {
    animation: false,
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { name: string }) => {
        const region = byName.get(p.name);
        return tooltipElement(region?.label ?? p.name, [{ label: region ? (classOf(input.classes, region.value)?.label ?? '') : input.noValue, value: region ? (region.text ?? input.format(region.value)) : '' }]);
      },
    },
    // The legend: one entry per class, in words, with its colour beside (ECharts' piecewise legend).
    visualMap: {
      type: 'piecewise',
      dimension: 0,
      left: 8,
      bottom: 8,
      orient: 'vertical',
      itemWidth: big ? 28 : 18,
      itemHeight: big ? 20 : 12,
      textStyle: { fontSize: big ? 22 : 12, color: INK[theme] },
      pieces: input.classes.map((c) => ({ ...(c.min !== null ? { gte: c.min } : {}), ...(c.max !== null ? { lte: c.max } : {}), label: c.label, color: c.color })),
      selectedMode: false,
    },
    series: [
      {
        type: 'map',
        map: input.map,
        roam: false,
        selectedMode: false,
        layoutCenter: ['55%', '50%'],
        layoutSize: '92%',
        itemStyle: { areaColor: theme === 'dark' ? '#2a3542' : '#eef1f4', borderColor: BACKGROUND[theme], borderWidth: big ? 2.5 : 1.2 },
        emphasis: { itemStyle: { areaColor: undefined, borderColor: '#1f2933', borderWidth: big ? 3 : 2 }, label: { show: true } },
        label: {
          show: true,
          // Long names (a branch's) are cut to the width of a small region: the tooltip, the
          // keyboard and the table view give them whole.
          width: big ? 180 : 84,
          overflow: 'truncate',
          fontSize: big ? 22 : 13,
          lineHeight: big ? 28 : 17,
          color: '#1f2933',
          textBorderColor: 'rgba(255,255,255,0.85)',
          textBorderWidth: 3,
          formatter: (p: { name: string }) => {
            const region = byName.get(p.name);
            return region ? `${region.label}\n${region.text ?? input.format(region.value)}` : '';
          },
        },
        data: input.regions.map((r) => ({ name: r.name, value: r.value })),
      },
    ],
  };
  return {
    baseOption: base,
    // A narrow box (a phone): the map moves up and the legend stands under it, not over it.
    media: [
      {
        query: { maxWidth: 560 },
        option: {
          visualMap: { left: 8, bottom: 0 },
          series: [{ layoutCenter: ['50%', '38%'], layoutSize: '76%' }],
        },
      },
    ],
  };
}
