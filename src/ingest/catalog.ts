import { ensureImportMacros } from '../engine/schema';
import { sqlIdent, sqlString } from '../engine/sql';
import type { Engine } from '../engine/types';
import { trimBlank } from '../domain/text';

// Catalog CSVs (docs/data-format.md section 10) and the entity hierarchy (section 11). Headers are
// matched against a fixed list of known columns, so a file's header never becomes SQL. Cells are
// trimmed of blanks by `hqd_trim` (src/domain), as the data load trims them.

const INDICATOR_COLUMNS = {
  indicator_id: 'VARCHAR', name_zh: 'VARCHAR', name_en: 'VARCHAR', category: 'VARCHAR', unit: 'VARCHAR',
  direction: 'INTEGER', target: 'DOUBLE', target_year: 'INTEGER', weight: 'DOUBLE', tier: 'VARCHAR',
  gate_min: 'DOUBLE', gate_max_stars: 'INTEGER', decimals: 'INTEGER', definition: 'VARCHAR', source: 'VARCHAR',
} as const;

type IndicatorColumn = keyof typeof INDICATOR_COLUMNS;

const ALIASES: Record<string, IndicatorColumn> = {
  指标代码: 'indicator_id', 指标编码: 'indicator_id', 指标名称: 'name_zh', 英文名称: 'name_en', 类别: 'category',
  分类: 'category', 单位: 'unit', 方向: 'direction', 目标值: 'target', 目标: 'target', 目标年份: 'target_year',
  权重: 'weight', 层级: 'tier', 门槛值: 'gate_min', 门槛星级: 'gate_max_stars', 小数位: 'decimals',
  定义: 'definition', 来源: 'source',
};

const DEFAULTS: Record<IndicatorColumn, string> = {
  indicator_id: 'NULL', name_zh: 'NULL', name_en: 'NULL', category: "'other'", unit: "''", direction: '1',
  target: 'NULL', target_year: 'NULL', weight: '1', tier: "'basic'", gate_min: 'NULL', gate_max_stars: 'NULL',
  decimals: '1', definition: "''", source: "''",
};

/** Maps a header cell to a catalog column, or null when it is not one. */
export function catalogColumn(header: string): IndicatorColumn | null {
  const key = trimBlank(header);
  if (key in INDICATOR_COLUMNS) return key as IndicatorColumn;
  return ALIASES[key] ?? null;
}

/** True when a header row describes indicators rather than observations. */
export function isCatalogHeader(headers: readonly string[]): boolean {
  return headers.some((h) => catalogColumn(h) === 'indicator_id') && !headers.some((h) => /^(value|数值|值)$/i.test(trimBlank(h)));
}

export interface CatalogResult {
  added: number;
  updated: number;
}

/**
 * Upserts indicator definitions: a cell the file leaves empty keeps the current value (or the
 * default for a new indicator). Runs in one transaction.
 */
export async function loadCatalog(engine: Engine, registeredFile: string, delimiter = ','): Promise<CatalogResult> {
  await ensureImportMacros(engine);
  return engine.transaction(async (tx) => {
    await tx.query(
      `CREATE OR REPLACE TEMP TABLE hqd_catalog_stage AS SELECT * FROM read_csv(${sqlString(registeredFile)},
        header = true, all_varchar = true, delim = ${sqlString(delimiter)}, quote = '"', escape = '"')`,
    );
    const described = await tx.query<{ column_name: string }>('DESCRIBE hqd_catalog_stage');
    const present = new Map<IndicatorColumn, string>();
    for (const { column_name } of described) {
      const known = catalogColumn(column_name);
      if (known && !present.has(known)) present.set(known, column_name);
    }
    const idColumn = present.get('indicator_id');
    if (!idColumn) throw new Error('catalog has no indicator_id column');
    const cell = (c: IndicatorColumn) => {
      const source = present.get(c);
      return source ? `TRY_CAST(hqd_trim(s.${sqlIdent(source)}) AS ${INDICATOR_COLUMNS[c]})` : 'NULL';
    };
    const columns = Object.keys(INDICATOR_COLUMNS) as IndicatorColumn[];
    const merged = columns.map((c) =>
      c === 'indicator_id'
        ? `hqd_trim(s.${sqlIdent(idColumn)})`
        : c === 'name_zh' || c === 'name_en'
          ? `COALESCE(${cell(c)}, i.${c}, ${cell(c === 'name_zh' ? 'name_en' : 'name_zh')}, hqd_trim(s.${sqlIdent(idColumn)}))`
          : `COALESCE(${cell(c)}, i.${c}, ${DEFAULTS[c]})`,
    );
    const [before] = await tx.query<{ n: number }>('SELECT count(*) AS n FROM indicators');
    const [incoming] = await tx.query<{ n: number }>(
      `SELECT count(DISTINCT hqd_trim(${sqlIdent(idColumn)})) AS n FROM hqd_catalog_stage WHERE hqd_trim(${sqlIdent(idColumn)}) IS NOT NULL`,
    );
    await tx.query(
      `INSERT OR REPLACE INTO indicators (${columns.join(', ')})
        SELECT DISTINCT ON (hqd_trim(s.${sqlIdent(idColumn)})) ${merged.join(', ')}
        FROM hqd_catalog_stage s LEFT JOIN indicators i ON i.indicator_id = hqd_trim(s.${sqlIdent(idColumn)})
        WHERE hqd_trim(s.${sqlIdent(idColumn)}) IS NOT NULL`,
    );
    const [after] = await tx.query<{ n: number }>('SELECT count(*) AS n FROM indicators');
    await tx.query('DROP TABLE IF EXISTS hqd_catalog_stage');
    const added = (after?.n ?? 0) - (before?.n ?? 0);
    return { added, updated: (incoming?.n ?? 0) - added };
  });
}

/** Loads the entity hierarchy (`entity_id,name,level,parent_id`), replacing entities with the same id. */
export async function loadEntities(engine: Engine, registeredFile: string): Promise<number> {
  return engine.transaction(async (tx) => {
    const [row] = await tx.query<{ n: number }>(
      `WITH src AS (SELECT * FROM read_csv(${sqlString(registeredFile)}, header = true, all_varchar = true,
          columns = {'entity_id': 'VARCHAR', 'name': 'VARCHAR', 'level': 'VARCHAR', 'parent_id': 'VARCHAR'}))
       SELECT count(*) AS n FROM src`,
    );
    await tx.query(
      `INSERT OR REPLACE INTO entities SELECT hqd_trim(entity_id), hqd_trim(name), hqd_trim(level), hqd_trim(parent_id)
        FROM read_csv(${sqlString(registeredFile)}, header = true, all_varchar = true,
          columns = {'entity_id': 'VARCHAR', 'name': 'VARCHAR', 'level': 'VARCHAR', 'parent_id': 'VARCHAR'})`,
    );
    return row?.n ?? 0;
  });
}
