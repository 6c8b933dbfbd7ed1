// The sample CSVs are emitted as hashed assets of our own origin (never inlined: see vite.config.ts).
import catalog from '../../data/catalog.csv?url';
import coverage from '../../data/coverage.csv?url';
import entities from '../../data/entities.csv?url';
import industry from '../../data/industry.csv?url';
import satisfaction from '../../data/satisfaction.csv?url';
import villageIncome from '../../data/village-income.csv?url';

export const sampleUrls: Record<string, string> = {
  'catalog.csv': catalog,
  'entities.csv': entities,
  'industry.csv': industry,
  'satisfaction.csv': satisfaction,
  'coverage.csv': coverage,
  'village-income.csv': villageIncome,
};
