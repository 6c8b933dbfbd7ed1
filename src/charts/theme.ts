// Two themes: light for desks and print, dark for projection (high contrast, larger type). The
// series palette is ordered so neighbouring series differ in lightness too, not only in hue.

export type ThemeName = 'light' | 'dark';

export const PALETTE = ['#2f5dab', '#d9822b', '#2f9e6f', '#b83a4b', '#7a5cc7', '#1f9bb3', '#8c6d1f', '#d65fa3', '#5b7083', '#6aa84f', '#c44e1d', '#3b3f99'];
export const PALETTE_DARK = ['#7aa7ff', '#ffb35c', '#5fd6a0', '#ff7a8c', '#b59cff', '#5fd3ea', '#e8c55a', '#ff8fd0', '#a9bccf', '#9bdc7a', '#ff8a5c', '#8f94ff'];

export const INK = { light: '#1f2933', dark: '#f2f5f8' } as const;
export const MUTED = { light: '#52606d', dark: '#c3ccd6' } as const;
export const GRID_LINE = { light: '#e4e7eb', dark: '#3a4552' } as const;
export const TARGET = { light: '#b42318', dark: '#ff9b8f' } as const;
export const BACKGROUND = { light: '#ffffff', dark: '#111a24' } as const;

function theme(name: ThemeName): Record<string, unknown> {
  const axis = {
    axisLine: { lineStyle: { color: GRID_LINE[name] } },
    axisTick: { lineStyle: { color: GRID_LINE[name] } },
    axisLabel: { color: MUTED[name], fontSize: name === 'dark' ? 16 : 12 },
    splitLine: { lineStyle: { color: GRID_LINE[name] } },
    nameTextStyle: { color: MUTED[name] },
  };
  return {
    color: name === 'dark' ? PALETTE_DARK : PALETTE,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif', color: INK[name] },
    legend: { textStyle: { color: INK[name], fontSize: name === 'dark' ? 16 : 12 } },
    categoryAxis: axis,
    valueAxis: axis,
    tooltip: {
      backgroundColor: name === 'dark' ? '#1c2733' : '#ffffff',
      borderColor: GRID_LINE[name],
      textStyle: { color: INK[name] },
    },
  };
}

export const LIGHT_THEME = theme('light');
export const DARK_THEME = theme('dark');
