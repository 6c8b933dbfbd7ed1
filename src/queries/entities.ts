import type { Entity } from '../domain/entity';
import { dialectOf, duckdb, type Dialect } from '../engine/dialect';
import type { Engine } from '../engine/types';
import { inSet } from './id-set';
import { observationsInView } from './scope';

/** Entities with data in view, plus every ancestor, so that a hierarchy can be drawn. */
export function entitiesSql(datasetIds: readonly string[]): string {
  return `WITH RECURSIVE present AS (SELECT DISTINCT entity_id FROM (${observationsInView(datasetIds)}) o),
    up(entity_id) AS (
      SELECT entity_id FROM present
      UNION SELECT e.parent_id FROM entities e JOIN up ON e.entity_id = up.entity_id WHERE e.parent_id IS NOT NULL)
    SELECT e.entity_id, e.name, e.level, e.parent_id FROM entities e JOIN up ON e.entity_id = up.entity_id
    ORDER BY e.level, e.entity_id`;
}

/** Entities with data in view, without their ancestors: the first step where there is no recursion. */
export function presentEntitiesSql(datasetIds: readonly string[], dialect: Dialect = duckdb): string {
  return `SELECT entity_id, name, level, parent_id FROM entities
    WHERE entity_id IN (SELECT DISTINCT entity_id FROM (${observationsInView(datasetIds, '', dialect)}) o)`;
}

/** A hierarchy is a few levels deep; a parent chain longer than this is a cycle in the catalog. */
const MAX_DEPTH = 64;

// Ids compare by UTF-16 code unit, as held-rows.ts explains: DuckDB's order for every id a reader could tell apart.
const byLevelThenId = (a: Entity, b: Entity) =>
  a.level < b.level ? -1 : a.level > b.level ? 1 : a.entity_id < b.entity_id ? -1 : a.entity_id > b.entity_id ? 1 : 0;

/** Where SQL has no recursion (ClickHouse): the entities in view, then their parents level by level. */
async function climb(engine: Engine, datasetIds: readonly string[], dialect: Dialect): Promise<Entity[]> {
  const found = new Map<string, Entity>();
  let batch = await engine.query<Entity>(presentEntitiesSql(datasetIds, dialect));
  for (let depth = 0; batch.length > 0 && depth < MAX_DEPTH; depth++) {
    for (const e of batch) found.set(e.entity_id, e);
    const missing = [...new Set(batch.map((e) => e.parent_id).filter((p): p is string => p !== null && !found.has(p)))];
    if (missing.length === 0) break;
    const parents = inSet('entity_id', missing, dialect);
    batch = await engine.query<Entity>(`SELECT entity_id, name, level, parent_id FROM entities WHERE ${parents.sql}`, parents.params);
  }
  return [...found.values()].sort(byLevelThenId);
}

export function listEntities(engine: Engine, datasetIds: readonly string[]): Promise<Entity[]> {
  const dialect = dialectOf(engine);
  return dialect.recursive ? engine.query<Entity>(entitiesSql(datasetIds)) : climb(engine, datasetIds, dialect);
}
