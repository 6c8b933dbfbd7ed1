import { roundTo } from '../format/number';
import type { EChartsCoreOption } from 'echarts/core';

// Present mode lays charts out for the screen in front of it: the chart builders size text and
// strokes for a 1080-line screen, and this walks an option to size them for the actual one, so a
// 4K wall gets text drawn at 4K rather than a small chart blown up.

export interface ScreenScale {
  /** Factor over the 1080-line design (2 on a 2160-line screen). */
  scale: number;
  /** Smallest font in CSS pixels before scaling: what can be read from the back of the room. */
  minFont: number;
}

// Pixel sizes that grow with the screen; `width` only where it is a stroke or a label's box.
const SIZE_KEYS = new Set(['symbolSize', 'barMaxWidth', 'itemGap', 'itemWidth', 'itemHeight', 'borderWidth', 'padding', 'lineHeight', 'textBorderWidth']);
const BOX_PARENTS = new Set(['lineStyle', 'itemStyle', 'axisLine', 'splitLine', 'axisTick']);
const GRID_KEYS = new Set(['left', 'right', 'top', 'bottom']);

/** Label boxes grow a little beyond the scale: wrapped names need room for their longest word. */
const WRAP_WIDTH = 1.4;

const round1 = (x: number) => roundTo(x, 1);

function isPlain(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function walk(value: unknown, key: string, s: ScreenScale): unknown {
  if (Array.isArray(value)) return value.map((v) => walk(v, key, s));
  if (!isPlain(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'data') out[k] = v; // values, not sizes; and possibly very many
    else if (k === 'tooltip') out[k] = { show: false }; // nothing may hide behind a hover on a wall
    else if (typeof v === 'number' && k === 'fontSize') out[k] = round1(Math.max(s.minFont, v) * s.scale);
    else if (k === 'overflow' && v === 'truncate') out[k] = 'break'; // a wall shows whole names, wrapped
    else if (typeof v === 'number' && k === 'width' && 'overflow' in value) out[k] = round1(v * s.scale * WRAP_WIDTH);
    else if (typeof v === 'number' && (SIZE_KEYS.has(k) || (k === 'width' && BOX_PARENTS.has(key)))) out[k] = round1(v * s.scale);
    else if (typeof v === 'number' && key === 'grid' && GRID_KEYS.has(k)) out[k] = round1(v * s.scale);
    else out[k] = walk(v, k, s);
  }
  return out;
}

export function scaleForScreen(option: EChartsCoreOption, s: ScreenScale): EChartsCoreOption {
  const scaled = walk(option, '', s) as Record<string, unknown>;
  // Text without a size of its own (axis names, empty-state labels) takes the screen's unit too.
  const base = isPlain(scaled.textStyle) ? scaled.textStyle : {};
  return { ...scaled, textStyle: { ...base, fontSize: round1(s.minFont * s.scale) } } as EChartsCoreOption;
}

/** The type unit of a screen: 1.8% of its height, never under 18 CSS px. */
export function screenUnit(height: number): number {
  return Math.max(18, height * 0.018);
}
