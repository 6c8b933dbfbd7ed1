import type { EChartsCoreOption } from 'echarts/core';

/** The numbers behind a chart, as its table view and CSV download show them. */
export interface ChartTable {
  columns: string[];
  rows: (string | number | null)[][];
}

/** A chart as a model hands it to a page: what `ChartPanel` draws, bar its kind and file name. */
export interface ChartModel {
  title: string;
  subtitle?: string;
  source: string;
  option: EChartsCoreOption;
  /** Values drawn: `data-points` on the panel, which the tests read. */
  points: number;
  table: ChartTable;
}
