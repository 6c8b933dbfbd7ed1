import { describe, expect, it } from 'vitest';
import { buildResultChart, MAX_SERIES, planChart, suggestKind } from '../../../src/features/sql/result-chart';

const col = (name: string, type: string) => ({ name, type });

describe('the chart of a result', () => {
  it('is picked from the column types', () => {
    expect(suggestKind([col('period', 'VARCHAR'), col('value', 'DOUBLE')])).toBe('line');
    expect(suggestKind([col('period_start', 'DATE'), col('n', 'BIGINT')])).toBe('line');
    expect(suggestKind([col('entity_name', 'VARCHAR'), col('value', 'DOUBLE')])).toBe('bar');
    expect(suggestKind([col('a', 'DOUBLE'), col('b', 'DECIMAL(18,3)')])).toBe('scatter');
    expect(suggestKind([col('name', 'VARCHAR')])).toBeNull();
    // A year held as a number is the axis, not a second measure.
    expect(suggestKind([col('entity_name', 'VARCHAR'), col('year', 'INTEGER'), col('value', 'DOUBLE')])).toBe('line');
    expect(planChart([col('entity_name', 'VARCHAR'), col('year', 'INTEGER'), col('value', 'DOUBLE')], 'line')).toEqual({ x: 1, ys: [2], split: 0 });
  });

  it('draws a line per value of a second text column', () => {
    const columns = [col('entity_name', 'VARCHAR'), col('period', 'VARCHAR'), col('value', 'DOUBLE')];
    const rows = [['甲区', '2023', 1], ['乙区', '2023', 2], ['甲区', '2022', 3], ['乙区', '2024', null]];
    const plan = planChart(columns, 'line');
    expect(plan).toEqual({ x: 1, ys: [2], split: 0 });
    const chart = buildResultChart(columns, rows, 'line', plan!, String);
    expect(chart.seriesNames).toEqual(['甲区', '乙区']);
    expect(chart.points).toBe(3);
    const option = chart.option as { xAxis: { data: string[] }; series: { data: (number | null)[] }[] };
    expect(option.xAxis.data).toEqual(['2022', '2023']);
    expect(option.series.map((s) => s.data)).toEqual([[3, 1], [null, 2]]);
  });

  it('draws each number column as a bar series by category, and pairs two numbers in a scatter', () => {
    const columns = [col('name', 'VARCHAR'), col('a', 'INTEGER'), col('b', 'DOUBLE')];
    const bar = buildResultChart(columns, [['x', 1, 2], ['y', 3, 4]], 'bar', planChart(columns, 'bar')!, String);
    expect(bar.seriesNames).toEqual(['a', 'b']);
    const scatter = buildResultChart(columns, [['x', 1, 2], ['y', 3, 4]], 'scatter', planChart(columns, 'scatter')!, String);
    expect((scatter.option as { series: { data: unknown }[] }).series.map((s) => s.data)).toEqual([[[1, 2]], [[3, 4]]]);
  });

  it(`keeps ${MAX_SERIES} series and tells how many it left out`, () => {
    const columns = [col('category', 'VARCHAR'), col('who', 'VARCHAR'), col('v', 'DOUBLE')];
    const rows = Array.from({ length: MAX_SERIES + 5 }, (_, i) => ['c', `e${i}`, i]);
    const chart = buildResultChart(columns, rows, 'bar', planChart(columns, 'bar')!, String);
    expect(chart.seriesNames).toHaveLength(MAX_SERIES);
    expect(chart.seriesLeftOut).toBe(5);
  });

  it('cannot draw a scatter from one number, nor anything from text alone', () => {
    expect(planChart([col('a', 'VARCHAR'), col('b', 'DOUBLE')], 'scatter')).toBeNull();
    expect(planChart([col('a', 'VARCHAR')], 'bar')).toBeNull();
  });
});
