import type { Entity } from '../../domain/entity';
import type { HistoryRow } from '../../queries/history';
import { pickHeadline } from '../../queries/headline';
import type { Scope } from '../../queries/hierarchy';
import type { IndicatorInfo } from '../../queries/indicators';
import type { SnapshotRow } from '../../queries/snapshot';
import { rankScores, scoreLevel } from '../../scoring/scorecard';
import type { ScoringSettings } from '../../scoring/settings';
import { levelName, nameIn, type Labels } from '../../ui/labels';
import { expandSlides, TREND_COUNT, type Show, type Slide, type SlideToken } from './playlist';

// What the show knows about the data in view: the districts' scores, the headline indicators,
// the slides the playlist expands to, and each playlist entry and slide in words.

export const HEADLINE_COUNT = 6;

/** Everything a show draws, queried once per dataset selection and year. */
export interface PresentValues {
  year: number;
  /** The city's latest values (headline tiles). */
  rootValues: SnapshotRow[];
  /** Every district's latest values (ranking, heatmap, district slides). */
  memberValues: SnapshotRow[];
  /** City and districts, every period up to the year (trends, changes, projections). */
  history: HistoryRow[];
  /** Branches and villages below the districts (who lags in each district). */
  belowValues: SnapshotRow[];
}

export interface ShowInput {
  indicators: readonly IndicatorInfo[];
  entities: readonly Entity[];
  scope: Scope;
  values: PresentValues;
  settings: ScoringSettings;
  labels: Labels;
  show: Show;
}

/** Children and grandchildren of the districts, with their levels, for sibling scoring. */
export function entitiesBelow(entities: readonly Entity[], scope: Scope): Entity[] {
  const members = new Set(scope.members.map((m) => m.entity_id));
  const children = entities.filter((e) => e.parent_id !== null && members.has(e.parent_id));
  const childIds = new Set(children.map((c) => c.entity_id));
  return [...children, ...entities.filter((e) => e.parent_id !== null && childIds.has(e.parent_id))];
}

export function buildShow(input: ShowInput) {
  const { indicators, scope, values, labels } = input;
  const byId = new Map(indicators.map((i) => [i.indicator_id, i]));
  const indicatorNames = new Map(indicators.map((i) => [i.indicator_id, nameIn(i, labels.locale)]));
  const names = new Map(input.entities.map((e) => [e.entity_id, e.name]));
  const level = levelName(labels, scope.level);
  const scores = rankScores(scoreLevel(indicators, values.memberValues, input.settings));
  // Headline indicators of the city, or of the districts when the data has no city.
  const source = scope.root ? values.rootValues : values.memberValues;
  const headline = pickHeadline(indicators, new Set(source.map((r) => r.indicator_id)), HEADLINE_COUNT);
  const districts = scope.members.map((m) => m.entity_id);
  const slides: Slide[] = expandSlides(input.show.slides, {
    districts,
    indicators: new Set(indicators.map((i) => i.indicator_id)),
    headline: headline.map((i) => i.indicator_id),
    hasRoot: scope.root !== null,
  });
  return { input, byId, indicatorNames, names, level, scores, headline, districts, slides, below: entitiesBelow(input.entities, scope) };
}

export type ShowModel = ReturnType<typeof buildShow>;

/** A playlist entry in words, for the settings panel; entries naming absent things say so. */
export function labelOf(show: ShowModel, token: SlideToken): string {
  const t = show.input.labels.t;
  switch (token.kind) {
    case 'districts':
      return t('present.slide.districts', { level: show.level, n: show.districts.length });
    case 'trends':
      return t('present.slide.trends', { n: Math.min(TREND_COUNT, show.headline.length) });
    case 'district': {
      const name = show.names.get(token.id);
      return t('present.slide.district', { name: name ?? token.id }) + (name && show.districts.includes(token.id) ? '' : t('present.slide.missing'));
    }
    case 'trend':
    case 'map': {
      const name = show.indicatorNames.get(token.id);
      return t(`present.slide.${token.kind}`, { name: name ?? token.id }) + (name ? '' : t('present.slide.missing'));
    }
    default:
      return t(`present.slide.${token.kind}`);
  }
}

/** Every slide the data offers, for the settings panel's "add" list. */
export function slideChoices(show: ShowModel): { token: SlideToken; label: string }[] {
  const tokens: SlideToken[] = [
    { kind: 'briefing' },
    { kind: 'kpis' },
    { kind: 'ranking' },
    { kind: 'heatmap' },
    { kind: 'districts' },
    ...show.districts.map((id) => ({ kind: 'district' as const, id })),
    { kind: 'trends' },
    ...show.input.indicators.map((i) => ({ kind: 'trend' as const, id: i.indicator_id })),
    ...show.input.indicators.map((i) => ({ kind: 'map' as const, id: i.indicator_id })),
  ];
  return tokens.map((token) => ({ token, label: labelOf(show, token) }));
}

/** The slide's title in the bar at the top. */
export function titleOf(show: ShowModel, slide: Slide): string {
  const { t } = show.input.labels;
  const year = show.input.values.year;
  switch (slide.kind) {
    case 'briefing':
      return t('present.briefingTitle', { year, name: show.input.scope.root?.name ?? '' });
    case 'kpis':
      return t('present.kpisTitle', { year });
    case 'ranking':
      return t('present.rankingTitle', { year, level: show.level });
    case 'heatmap':
      return t('present.heatmapTitle', { year, level: show.level });
    case 'district':
      return t('present.districtTitle', { name: show.names.get(slide.id) ?? slide.id, year });
    case 'trend':
      return t('present.trendTitle', { indicator: show.indicatorNames.get(slide.id) ?? slide.id, level: show.level });
    case 'map':
      return t('present.mapTitle', { indicator: show.indicatorNames.get(slide.id) ?? slide.id, level: show.level, year });
  }
}
