import { describe, expect, it } from 'vitest';
import { buildHeatmapOption } from '../../../src/charts/heatmap';
import { buildProjectionOption } from '../../../src/charts/projection';
import { buildRankingOption } from '../../../src/charts/ranking';
import { buildScoreBarsOption } from '../../../src/charts/score-bars';
import { LIGHT_THEME } from '../../../src/charts/theme';
import { buildTrendOption } from '../../../src/charts/trend';

// Chart text a phone can read: no label, axis or legend of any chart is set below 12 px.

function fontSizes(value: unknown, path = ''): [string, number][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => fontSizes(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (k === 'fontSize' && typeof v === 'number' ? [[`${path}.${k}`, v] as [string, number]] : fontSizes(v, `${path}.${k}`)));
}

const common = { unit: '%', decimals: 1, target: 90, targetLabel: '目标 90%', locale: 'zh-CN' as const, theme: 'light' as const };
const options = {
  trend: buildTrendOption({ ...common, periods: ['2020', '2021'], series: [{ id: 'a', name: 'A', values: new Map([['2020', 1]]) }], periodLabel: (p) => p }),
  ranking: buildRankingOption({ ...common, rows: [{ id: 'a', name: 'A', value: 50 }], direction: 1 }),
  heatmap: buildHeatmapOption({ rows: [{ id: 'a', name: 'A' }], columns: [{ id: 'x', name: 'X' }], cells: new Map([['a|x', { score: 70, detail: '' }]]), theme: 'light', scoreLabel: '得分' }),
  scoreBars: buildScoreBarsOption({ indicators: [{ id: 'x', name: 'X' }], own: new Map([['x', 70]]), average: new Map([['x', 60]]), ownLabel: 'A', averageLabel: '平均', theme: 'light' }),
  projection: buildProjectionOption({ ...common, name: 'A', points: [{ period: '2020', value: 50 }, { period: '2021', value: 60 }], targetYear: 2025, projection: { atX: 2025, value: 80 }, projectionLabel: '趋势', periodLabel: (p) => p }),
  theme: LIGHT_THEME,
};

describe('chart text size', () => {
  for (const [name, option] of Object.entries(options)) {
    it(`${name}: every font is at least 12 px`, () => {
      const sizes = fontSizes(option);
      expect(sizes.length).toBeGreaterThan(0);
      expect(sizes.filter(([, size]) => size < 12)).toEqual([]);
    });
  }
});
