import type { Entity } from '../domain/entity';

export interface Scope {
  /** The entity whose headline values are shown (the city), when the data has one. */
  root: Entity | null;
  /** The entities compared on the overview: the root's children, or the most common level. */
  members: Entity[];
  level: string;
}

/**
 * What the overview compares. With a hierarchy (the sample), the root is the top entity with
 * children in view and the members are its children; flat uploads (World Bank countries) have no
 * root and compare the entities of their most common level.
 */
export function chooseScope(entities: readonly Entity[]): Scope {
  const ids = new Set(entities.map((e) => e.entity_id));
  const childrenOf = (id: string) => entities.filter((e) => e.parent_id === id);
  const tops = entities.filter((e) => e.parent_id === null || !ids.has(e.parent_id));
  // One top entity with children (the city) is the root; several (districts uploaded without
  // their city) are compared side by side.
  const parents = tops.filter((e) => childrenOf(e.entity_id).length > 0);
  const root = parents.length === 1 ? (parents[0] as Entity) : null;
  if (parents.length > 1) return { root: null, members: tops, level: mostCommon(tops.map((t) => t.level)) };
  if (root) {
    const members = childrenOf(root.entity_id);
    return { root, members, level: mostCommon(members.map((m) => m.level)) };
  }
  const level = mostCommon(entities.map((e) => e.level));
  return { root: null, members: entities.filter((e) => e.level === level), level };
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = 'entity';
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}
