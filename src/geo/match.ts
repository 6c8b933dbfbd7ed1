/**
 * Which boundary feature is which entity: by code (the feature's `adcode` or `entity_id` equal to
 * the entity's id), else by name matched tolerantly: full-width letters and digits as half-width,
 * no spaces of any kind (a spreadsheet's non-breaking and ideographic ones included), and without
 * the administrative suffix (区, 县, 市, 镇, 乡, 街道), so 东湖 matches 东湖区 and 西城区 matches
 * 西城 区.
 */
export interface FeatureKey {
  /** The feature's name as the map knows it. */
  name: string;
  code: string | null;
}

export interface EntityKey {
  entity_id: string;
  name: string;
}

const SUFFIX = /(街道|区|县|市|镇|乡)$/;

export function normalName(name: string): string {
  const bare = name.normalize('NFKC').replace(/[\s\u00a0\u2000-\u200d\u2028\u2029\u202f\u205f\u3000\ufeff]+/g, '');
  const stripped = bare.replace(SUFFIX, '');
  // A name that is only a suffix ("市") keeps it.
  return stripped === '' ? bare : stripped;
}

export interface Matching {
  /** Feature name → entity id. */
  matched: Map<string, string>;
  /** Features no entity matched, and entities no feature matched. */
  unmatchedFeatures: string[];
  unmatchedEntities: EntityKey[];
}

/** Pairs features with entities, each at most once; `pairs` (feature name → entity id, set by hand) come first. */
export function matchFeatures(features: readonly FeatureKey[], entities: readonly EntityKey[], pairs: ReadonlyMap<string, string> = new Map()): Matching {
  const matched = new Map<string, string>();
  const taken = new Set<string>();
  const ids = new Set(entities.map((e) => e.entity_id));
  const take = (feature: string, id: string) => {
    matched.set(feature, id);
    taken.add(id);
  };
  for (const f of features) {
    const id = pairs.get(f.name);
    if (id !== undefined && ids.has(id) && !taken.has(id)) take(f.name, id);
  }
  for (const f of features) {
    if (matched.has(f.name) || f.code === null || !ids.has(f.code) || taken.has(f.code)) continue;
    take(f.name, f.code);
  }
  // Names: only a name that points to one entity is used (two 新城 in different districts are not guessed).
  const byName = new Map<string, string[]>();
  for (const e of entities) byName.set(normalName(e.name), [...(byName.get(normalName(e.name)) ?? []), e.entity_id]);
  for (const f of features) {
    if (matched.has(f.name)) continue;
    const candidates = (byName.get(normalName(f.name)) ?? []).filter((id) => !taken.has(id));
    if (candidates.length === 1) take(f.name, candidates[0] as string);
  }
  return {
    matched,
    unmatchedFeatures: features.filter((f) => !matched.has(f.name)).map((f) => f.name),
    unmatchedEntities: entities.filter((e) => !taken.has(e.entity_id)),
  };
}
