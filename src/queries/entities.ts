import type { Entity } from '../domain/entity';
import type { Engine } from '../engine/types';
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

export function listEntities(engine: Engine, datasetIds: readonly string[]): Promise<Entity[]> {
  return engine.query<Entity>(entitiesSql(datasetIds));
}
