import type { SQLNamespace } from '@codemirror/lang-sql';
import { sqlList } from '../../engine/sql';
import type { Engine } from '../../engine/types';
import { LONG_VIEW, WIDE_VIEW } from './research-views';

/** What the side panel lists and the editor completes, in this order: the researchers' views first. */
export const RELATIONS = [LONG_VIEW, WIDE_VIEW, 'observations', 'datasets', 'entities', 'indicators'] as const;
export type RelationName = (typeof RELATIONS)[number];

export interface Relation {
  name: RelationName;
  columns: { name: string; type: string }[];
}

export async function listRelations(engine: Engine): Promise<Relation[]> {
  const rows = await engine.query<{ relation: string; name: string; type: string }>(
    `SELECT table_name AS relation, column_name AS name, data_type AS type
     FROM information_schema.columns
     WHERE table_catalog = current_database() AND table_schema = 'main' AND table_name IN ${sqlList(RELATIONS)}
     ORDER BY table_name, ordinal_position`,
  );
  return RELATIONS.map((name) => ({ name, columns: rows.filter((r) => r.relation === name).map((r) => ({ name: r.name, type: r.type })) })).filter((r) => r.columns.length > 0);
}

/** The relations as CodeMirror's SQL completion wants them: each column with its type beside. */
export function completionSchema(relations: readonly Relation[]): SQLNamespace {
  return Object.fromEntries(relations.map((r) => [r.name, r.columns.map((c) => ({ label: c.name, type: 'property', detail: c.type }))]));
}
