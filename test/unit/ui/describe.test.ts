import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../src/format/number';
import { formatValue } from '../../../src/format/number';
import { i18n } from '../../../src/i18n';
import { describeLines, describeRanking, describeScoreBars, describeScoreGrid, trendLines } from '../../../src/ui/charts/describe';
import { makeLabels } from '../../../src/ui/labels';

const labels = (locale: Locale) =>
  makeLabels(locale, (key, named) => i18n.global.t(key, named ?? {}, { locale }), (key) => i18n.global.te(key, locale));
const pct = (locale: Locale) => (v: number) => formatValue(v, 1, '%', locale);
const year = (p: string) => p;

const line = (name: string, values: [string, number][], id?: string) => ({ id, name, points: values.map(([period, value]) => ({ period, value })) });

describe('describeLines', () => {
  it('says how each of a few lines moved, over which span, and the target', () => {
    const text = describeLines([line('东湖区', [['2016', 69.5], ['2025', 100]]), line('西城区', [['2016', 80], ['2025', 72.25]])], pct('zh-CN'), labels('zh-CN'), year, 95);
    expect(text).toBe('2条折线，2016至2025。东湖区从69.5%升至100.0%；西城区从80.0%降至72.3%。目标95.0%。');
  });

  it('reads as English sentences in English', () => {
    const text = describeLines([line('East Lake', [['2016', 50], ['2025', 50]])], pct('en'), labels('en'), year, null);
    expect(text).toBe('2016 to 2025: East Lake held at 50.0%.');
  });

  it('past five lines names the lead line and the highest and lowest at the end, not every line', () => {
    const lines = [line('云澜市', [['2019', 78.6], ['2023', 90]], 'city'), ...['A', 'B', 'C', 'D', 'E', 'F'].map((n, i) => line(n, [['2019', 70], ['2023', 80 + i]]))];
    const text = describeLines(lines, pct('zh-CN'), labels('zh-CN'), year, null, 'city');
    expect(text).toBe('7条折线，2019至2023。云澜市从78.6%升至90.0%。2023最高：F 85.0%；最低：A 80.0%。');
  });

  it('leaves a line that stopped early out of the highest and lowest at the end', () => {
    const lines = ['A', 'B', 'C', 'D', 'E'].map((n, i) => line(n, [['2019', 1], ['2023', 10 + i]]));
    const text = describeLines([...lines, line('Gone', [['2019', 99]])], pct('en'), labels('en'), year, null);
    expect(text).toContain('highest: E 14.0%; lowest: A 10.0%.');
  });

  it('a single value says when it is of, and an empty chart says so', () => {
    expect(describeLines([line('东湖区', [['2025', 88]])], pct('zh-CN'), labels('zh-CN'), year, null)).toBe('东湖区88.0%（2025）。');
    expect(describeLines([], pct('en'), labels('en'), year, null)).toBe('No data in this chart.');
  });

  it('takes the lines of a trend chart in its period order, leaving gaps out', () => {
    const lines = trendLines(['2019', '2020', '2021'], [{ id: 'a', name: 'A', values: new Map([['2021', 3], ['2019', 1]]) }]);
    expect(lines).toEqual([{ id: 'a', name: 'A', points: [{ period: '2019', value: 1 }, { period: '2021', value: 3 }] }]);
  });
});

describe('describeRanking', () => {
  const ranked = [
    { name: '高新区', value: 96.1 },
    { name: '东湖区', value: 93.9 },
    { name: '清河县', value: 93.8 },
    { name: '南港区', value: 86.6 },
  ];
  it('names the first three and the last place, with their values', () => {
    expect(describeRanking(ranked, pct('zh-CN'), labels('zh-CN'), 95)).toBe('共4个排名：1. 高新区 96.1%；2. 东湖区 93.9%；3. 清河县 93.8%。末位：4. 南港区 86.6%。目标95.0%。');
    expect(describeRanking(ranked.slice(0, 2), pct('en'), labels('en'), null)).toBe('Ranking of 2: 1. 高新区 96.1%; 2. 东湖区 93.9%.');
  });
});

describe('describeScoreGrid', () => {
  it('names the entity with the best and worst mean score and the weakest indicator', () => {
    const text = describeScoreGrid(
      [
        { name: '东湖区', scores: [90, 70] },
        { name: '西城区', scores: [40, null] },
        { name: '南港区', scores: [null, null] },
      ],
      ['满意度', '网办率'],
      labels('en'),
    );
    expect(text).toBe('Scores (0–100) of 2 entities on 2 indicators. Highest mean score: 东湖区 80; lowest: 西城区 40. Weakest indicator on average: 满意度 65.');
  });
});

describe('describeScoreBars', () => {
  it('counts the indicators ahead of the peers and names the lowest score', () => {
    const rows = [
      { indicator: '满意度', own: 90, average: 80 },
      { indicator: '网办率', own: 30.4, average: 55.6 },
      { indicator: '覆盖率', own: 100, average: 100 },
    ];
    expect(describeScoreBars(rows, '东湖区', '各区县平均', labels('zh-CN'))).toBe('东湖区在3项指标中有1项得分高于各区县平均。得分最低：网办率 30（平均56）。');
  });
});
