import type { EChartsCoreOption } from 'echarts/core';

/** The numbers behind a chart, as its table view and CSV download show them. */
export interface ChartTable {
  columns: string[];
  rows: (string | number | null)[][];
  /** The publisher's flag of each cell (`p`, `e`), parallel to `rows`; absent when no value has one. */
  flags?: (string | null)[][];
}

/**
 * The table as its CSV holds it: with flags, each value column is followed by a column of its
 * flags (`南港区`, `南港区 标记`), so that the values stay numbers a spreadsheet can sum.
 */
export function csvTable(table: ChartTable, flagHeader: (column: string) => string): ChartTable {
  const { flags } = table;
  if (!flags) return table;
  const flagged = table.columns.map((_, j) => flags.some((r) => r[j] != null));
  return {
    columns: table.columns.flatMap((c, j) => (flagged[j] ? [c, flagHeader(c)] : [c])),
    rows: table.rows.map((r, i) => r.flatMap((cell, j) => (flagged[j] ? [cell, flags[i]?.[j] ?? null] : [cell]))),
  };
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
  /** The main figures in words, for screen readers (describe.ts). */
  description: string;
}
