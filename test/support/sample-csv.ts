import { readFileSync } from 'node:fs';
import { DATA_DIR } from './samples';

/** The sample CSVs read with a plain split (they have no quoted fields), independent of the app's importer. */
export function readSampleRows(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(DATA_DIR + file, 'utf8').trimEnd().split('\n');
  const names = (header ?? '').split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i] as string, cell])));
}

export interface SampleObservation {
  entity_id: string;
  indicator_id: string;
  period: string;
  value: number;
}

export const SAMPLE_SET_FILES = ['industry.csv', 'satisfaction.csv', 'coverage.csv', 'village-income.csv'];

export function sampleObservations(): SampleObservation[] {
  return SAMPLE_SET_FILES.flatMap((f) =>
    readSampleRows(f).map((r) => ({
      entity_id: r.entity_id as string,
      indicator_id: r.indicator_id as string,
      period: r.period as string,
      value: Number(r.value),
    })),
  );
}

/** Periods in normal form sort correctly as text within one grain. */
export function latestAtOrBefore(rows: readonly SampleObservation[], entity: string, indicator: string, year: number): SampleObservation[] {
  return rows
    .filter((r) => r.entity_id === entity && r.indicator_id === indicator && Number(r.period.slice(0, 4)) <= year)
    .sort((a, b) => b.period.localeCompare(a.period));
}
