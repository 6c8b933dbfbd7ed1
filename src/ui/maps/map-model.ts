import { buildChoroplethOption, choroplethClasses, classOf, type ChoroplethClass, type ChoroplethRegion } from '../../charts/choropleth';
import { formatValue } from '../../format/number';
import type { GeoCollection } from '../../geo/boundaries';
import { featureKeys } from '../../geo/boundaries';
import { matchFeatures } from '../../geo/match';
import type { IndicatorInfo } from '../../queries/indicators';
import type { EntityScore } from '../../scoring/score';
import type { ThemeName } from '../../charts/theme';
import type { ChartModel } from '../charts/chart-table';
import { nameIn, type Labels } from '../labels';

export interface MapRow {
  entity_id: string;
  name: string;
  value: number;
}

export interface MapModel extends ChartModel {
  /** Feature name → entity id, for a click to go down a level. */
  entityOf: Map<string, string>;
  /** The classes the regions are coloured by, best first. */
  classes: ChoroplethClass[];
  /** Feature names in the table's order (best first): the keyboard's path through the map. */
  order: string[];
}

/**
 * The members of the scope on their map, coloured by the indicator's value in classes named in
 * words, each region's value printed on it. Null when the boundaries match none of the members.
 */
export function buildMapModel(input: { map: string; collection: GeoCollection; caption: string; pairs?: Readonly<Record<string, string>>; rows: readonly MapRow[]; indicator: IndicatorInfo; year: number; level: string; source: string; labels: Labels; big?: boolean; theme?: ThemeName }): MapModel | null {
  const { labels, indicator } = input;
  const t = labels.t;
  const matching = matchFeatures(
    featureKeys(input.collection),
    input.rows.map((r) => ({ entity_id: r.entity_id, name: r.name })),
    new Map(Object.entries(input.pairs ?? {})),
  );
  if (matching.matched.size === 0) return null;
  const byId = new Map(input.rows.map((r) => [r.entity_id, r]));
  const format = (v: number) => formatValue(v, indicator.decimals, indicator.unit, labels.locale);
  const regions = [...matching.matched].map(([feature, id]) => {
    const row = byId.get(id) as MapRow;
    return { name: feature, label: row.name, value: row.value, id };
  });
  const target = indicator.target;
  const classes = choroplethClasses(
    regions.map((r) => r.value),
    target,
    indicator.direction,
    {
      met: t('map.met', { target: target === null ? '' : format(target) }),
      near: t('map.near'),
      off: t('map.off'),
      far: t('map.far'),
      range: (from, to) => t('map.range', { from, to }),
    },
    format,
  );
  const title = t('map.title', { indicator: nameIn(indicator, labels.locale), level: input.level, year: input.year });
  const sorted = [...regions].sort((a, b) => indicator.direction * (b.value - a.value));
  return {
    title,
    subtitle: indicator.direction === -1 ? t('chart.lowerBetter') : undefined,
    source: [input.source, input.caption].filter(Boolean).join(' '),
    option: buildChoroplethOption({ map: input.map, regions, classes, format, noValue: t('map.noValue'), big: input.big, theme: input.theme }),
    points: regions.length,
    table: {
      columns: [input.level, `${nameIn(indicator, labels.locale)}${indicator.unit ? ` (${indicator.unit})` : ''}`, t('map.class')],
      rows: sorted.map((r) => [r.label, format(r.value), classOf(classes, r.value)?.label ?? '']),
    },
    ...regionFields(regions, sorted, classes, labels),
  };
}

/** What both maps say of their regions: each class with its members in words, the click's and the keyboard's ways in. */
function regionFields(regions: readonly ChoroplethRegion[], sorted: readonly ChoroplethRegion[], classes: ChoroplethClass[], labels: Labels) {
  const members = (c: ChoroplethClass) => regions.filter((r) => classOf(classes, r.value) === c).map((r) => r.label).join(labels.separator) || '—';
  return {
    description: labels.t('map.description', { n: regions.length, classes: classes.map((c) => `${c.label}: ${members(c)}`).join('；') }),
    entityOf: new Map(regions.map((r) => [r.name, r.id])),
    classes,
    order: sorted.map((r) => r.name),
  };
}

/** Star classes, best first, in words and a sequential palette; 0 stands for 数据不足 (no stars). */
const STAR_COLOURS = ['#1f4f94', '#3f74bb', '#6f9bd3', '#a4c2e6', '#d4e4f7'];

/**
 * The members on their map by the composite index: coloured by their stars (five classes and 数据不足,
 * named in the legend), each printing its score and stars.
 */
export function buildCompositeMapModel(input: { map: string; collection: GeoCollection; caption: string; pairs?: Readonly<Record<string, string>>; scores: readonly EntityScore[]; names: ReadonlyMap<string, string>; year: number; level: string; source: string; labels: Labels }): MapModel | null {
  const { labels } = input;
  const t = labels.t;
  const members = input.scores.map((s) => ({ entity_id: s.entityId, name: input.names.get(s.entityId) ?? s.entityId }));
  const matching = matchFeatures(featureKeys(input.collection), members, new Map(Object.entries(input.pairs ?? {})));
  if (matching.matched.size === 0) return null;
  const byId = new Map(input.scores.map((s) => [s.entityId, s]));
  const regions = [...matching.matched].map(([feature, id]) => {
    const s = byId.get(id) as EntityScore;
    const stars = s.insufficient || s.stars === null ? 0 : s.stars;
    const score = s.composite === null ? '—' : formatValue(s.composite, 1, '', labels.locale);
    return { name: feature, label: input.names.get(id) ?? id, value: stars, id, text: stars > 0 ? `${score} · ${stars}★` : `${score} · ${t('map.noStars')}` };
  });
  const classes: ChoroplethClass[] = [5, 4, 3, 2, 1].map((n, i) => ({ label: t('map.stars', { n }), color: STAR_COLOURS[i] as string, min: n, max: n }));
  classes.push({ label: t('map.noStars'), color: '#c9ced6', min: 0, max: 0 });
  const title = t('map.compositeTitle', { level: input.level, year: input.year });
  const sortedByStars = [...regions].sort((a, b) => b.value - a.value);
  return {
    title,
    source: [input.source, input.caption].filter(Boolean).join(' '),
    option: buildChoroplethOption({ map: input.map, regions, classes, format: String, noValue: t('map.noValue') }),
    points: regions.length,
    table: {
      columns: [input.level, t('map.composite'), t('map.class')],
      rows: sortedByStars.map((r) => [r.label, r.text, classOf(classes, r.value)?.label ?? '']),
    },
    ...regionFields(regions, sortedByStars, classes, labels),
  };
}
