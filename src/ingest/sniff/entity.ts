import type { EntityDefaults } from '../../domain/mapping';
import { trimBlank } from '../../domain/text';
import { recordText, type CsvRecord } from './records';

// The entity of a file that has no entity column: a national series (NBS 季度数据, 月度数据, a
// statistics office's national table) names its place in a metadata line, or nowhere.

const ENTITY_LINE_RE = /^(?:地区|地区名称|区域|国家|国家或地区|region|country|area|geography|geo)\s*[:：]\s*(.+)$/i;

/** What the country is called when a file names no place: its series are national. */
export const NATIONAL = '全国';

/** The place a `地区：…` line names, if one does. */
export function declaredEntity(metadata: readonly CsvRecord[]): string | undefined {
  for (const record of metadata) {
    const name = ENTITY_LINE_RE.exec(recordText(record))?.[1];
    if (name !== undefined && trimBlank(name) !== '') return trimBlank(name);
  }
  return undefined;
}

/** The entity proposed for a file without an entity column: the declared place, else the country. */
export function entityDefaults(metadata: readonly CsvRecord[]): EntityDefaults & { declared: boolean } {
  const declared = declaredEntity(metadata);
  return { name: declared ?? NATIONAL, declared: declared !== undefined };
}
