import { describe, expect, it } from 'vitest';
import { buildChoroplethOption, choroplethClasses, classOf } from '../../../src/charts/choropleth';

const words = { met: '达到目标', near: '接近目标', off: '差距 5%–10%', far: '距目标较远', range: (a: string, b: string) => `${a}–${b}` };
const fmt = (v: number) => v.toFixed(1);

describe('choropleth classes', () => {
  it('say how each value stands against the target, either way round', () => {
    const up = choroplethClasses([10, 36, 41], 40, 1, words, fmt);
    expect([41, 40, 38.5, 38, 36.5, 36, 10].map((v) => classOf(up, v)?.label)).toEqual(['达到目标', '达到目标', '接近目标', '接近目标', '差距 5%–10%', '差距 5%–10%', '距目标较远']);
    const down = choroplethClasses([1, 2], 5, -1, words, fmt);
    expect([4, 5, 5.2, 5.4, 6].map((v) => classOf(down, v)?.label)).toEqual(['达到目标', '达到目标', '接近目标', '差距 5%–10%', '距目标较远']);
  });

  it('are quartiles without a target, highest first, each a range in words', () => {
    const classes = choroplethClasses([1, 2, 3, 4, 5, 6, 7, 8], null, 1, words, fmt);
    expect(classes.map((c) => c.label)).toEqual(['7.0–8.0', '5.0–7.0', '3.0–5.0', '1.0–3.0']);
    expect(classOf(classes, 8)?.label).toBe('7.0–8.0');
    expect(classOf(classes, 1)?.label).toBe('1.0–3.0');
  });

  it('print each region its name and value, never only a colour', () => {
    const { baseOption: option } = buildChoroplethOption({ map: 'm', regions: [{ name: '东湖', label: '东湖区', value: 42, id: 'd01' }], classes: choroplethClasses([42], 40, 1, words, fmt), format: fmt, noValue: '无数据' }) as { baseOption: {
      series: { label: { formatter: (p: { name: string }) => string }; data: unknown[] }[];
      visualMap: { pieces: { label: string }[] };
    } };
    expect(option.series[0]?.label.formatter({ name: '东湖' })).toBe('东湖区\n42.0');
    expect(option.series[0]?.label.formatter({ name: '别处' })).toBe('');
    expect(option.visualMap.pieces.map((p) => p.label)).toEqual(['达到目标', '接近目标', '差距 5%–10%', '距目标较远']);
  });
});
