import type { EntityDefaults } from '../../domain/mapping';
import { trimBlank } from '../../domain/text';
import { recordText, type CsvRecord } from './records';

// The entity of a file that has no entity column: a national series (NBS 季度数据, 月度数据, a
// statistics office's national table) names its place in a metadata line, or nowhere.

const ENTITY_LINE_RE = /^(?:地区|地区名称|区域|国家|国家或地区|region|country|area|geography|geo)\s*[:：]\s*(.+)$/i;

/** What the country is called when a file names no place: its series are national. */
export const NATIONAL = '全国';

/** Names of a class of places, never one place: a table of them has them in a column. */
const PLACE_CLASS_RE = /^(?:bundesländer|länder|kreise|kreise und kreisfreie städte|gemeinden|regierungsbezirke|regions?|départements|communes|states|provinces|countries|各省|省份|地区)$/i;

/**
 * The place a statistics office's title names, where the table is of that one place: GENESIS
 * writes `Bevölkerung: Deutschland, Stichtag, Altersjahre` (or `Germany, months` under the title)
 * and then the place alone on a line of its own (`Deutschland`). Both must be there.
 */
function titledPlace(texts: readonly string[]): string | undefined {
  const lone = new Set(texts);
  for (const text of texts) {
    const listed = /^(?:[^:：]+[:：]\s*)?([^,，:：]+)[,，]/.exec(text)?.[1];
    const place = listed === undefined ? '' : trimBlank(listed);
    if (place !== '' && lone.has(place) && !PLACE_CLASS_RE.test(place)) return place;
  }
  return undefined;
}

/** The place a `地区：…` line names, or a statistics office's title (titledPlace), if either does. */
export function declaredEntity(metadata: readonly CsvRecord[]): string | undefined {
  for (const record of metadata) {
    const name = ENTITY_LINE_RE.exec(recordText(record))?.[1];
    if (name !== undefined && trimBlank(name) !== '') return trimBlank(name);
  }
  return titledPlace(metadata.map((r) => trimBlank(recordText(r))));
}

/** The entity proposed for a file without an entity column: the declared place, else the country. */
export function entityDefaults(metadata: readonly CsvRecord[]): EntityDefaults & { declared: boolean } {
  const declared = declaredEntity(metadata);
  return { name: declared ?? NATIONAL, declared: declared !== undefined };
}
