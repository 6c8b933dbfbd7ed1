import { sqlIdent, sqlString } from '../../engine/sql';
import type { Engine } from '../../engine/types';

/**
 * Two views for researchers, over every loaded dataset: the observations with entity and indicator
 * names beside their codes (long form), and one row per dataset, entity and period with a column
 * per indicator (wide form, as a spreadsheet has it). They are made when the SQL view opens, not
 * at start, and the wide one again when the indicators change.
 */
export const LONG_VIEW = 'observations_named';
export const WIDE_VIEW = 'observations_wide';

const LONG_SQL = `CREATE OR REPLACE VIEW ${LONG_VIEW} AS
SELECT o.dataset_id, d.name AS dataset_name,
  o.entity_id, e.name AS entity_name, e.level, e.parent_id, p.name AS parent_name,
  o.indicator_id, i.name_zh AS indicator_name_zh, i.name_en AS indicator_name_en, i.category, i.unit,
  o.period, o.period_start, o.grain, o.value, o.flag
FROM observations o
LEFT JOIN datasets d ON d.dataset_id = o.dataset_id
LEFT JOIN entities e ON e.entity_id = o.entity_id
LEFT JOIN entities p ON p.entity_id = e.parent_id
LEFT JOIN indicators i ON i.indicator_id = o.indicator_id`;

const WIDE_KEYS = ['dataset_id', 'entity_id', 'entity_name', 'level', 'period', 'period_start', 'grain'];

/**
 * Column names for the indicator columns: the indicator's code, made unique the way DuckDB
 * compares names (without case) and apart from the key columns.
 */
export function wideColumnNames(indicatorIds: readonly string[]): string[] {
  const taken = new Set(WIDE_KEYS);
  return indicatorIds.map((id) => {
    let name = id;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${id}_${n}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/** The wide view's statement. Codes come from uploads: quoted as names and as literals, never spliced. */
export function wideViewSql(indicatorIds: readonly string[]): string {
  const names = wideColumnNames(indicatorIds);
  const columns = indicatorIds.map((id, i) => `max(value) FILTER (WHERE indicator_id = ${sqlString(id)}) AS ${sqlIdent(names[i] as string)}`);
  return `CREATE OR REPLACE VIEW ${WIDE_VIEW} AS
SELECT ${WIDE_KEYS.join(', ')}${columns.map((c) => `,\n  ${c}`).join('')}
FROM ${LONG_VIEW}
GROUP BY ${WIDE_KEYS.join(', ')}`;
}

const made = new WeakMap<Engine, { version: number; done: Promise<void> }>();

/** Creates or refreshes both views for data version `version`; once per version and engine. */
export function ensureResearchViews(engine: Engine, version: number): Promise<void> {
  const last = made.get(engine);
  if (last && last.version === version) return last.done;
  const done = (async () => {
    const indicators = await engine.query<{ id: string }>('SELECT indicator_id AS id FROM indicators ORDER BY indicator_id');
    await engine.query(`${LONG_SQL};\n${wideViewSql(indicators.map((r) => r.id))}`);
  })();
  done.catch(() => made.delete(engine));
  made.set(engine, { version, done });
  return done;
}
