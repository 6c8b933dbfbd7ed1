import { computed, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { Locale } from '../../format/number';
import { pickHeadline } from '../../queries/headline';
import type { IndicatorInfo } from '../../queries/indicators';
import { expandSlides, TREND_COUNT, type Show, type Slide, type SlideToken } from './playlist';
import { applyOverrides } from '../../scoring/overrides';
import { rankScores, scoreLevel } from '../../scoring/scorecard';
import { useScoringStore } from '../../app/scoring-store';
import type { usePresentData } from './use-present-data';

export const HEADLINE_COUNT = 6;

/**
 * What the show knows about the data in view: the catalog as adjusted in the scoring settings,
 * the districts' scores, the headline indicators, and the slides the playlist expands to.
 */
export function useShowModel(data: ReturnType<typeof usePresentData>, show: Ref<Show>) {
  const { t, te, locale } = useI18n();
  const scoring = useScoringStore();
  const loc = computed(() => locale.value as Locale);

  const effective = computed(() => applyOverrides(data.indicators.value, scoring.overrides));
  const byId = computed(() => new Map(effective.value.map((i) => [i.indicator_id, i])));
  const nameOf = (i: IndicatorInfo) => (loc.value === 'en' ? i.name_en : i.name_zh);
  const indicatorNames = computed(() => new Map(effective.value.map((i) => [i.indicator_id, nameOf(i)])));
  const names = computed(() => new Map(data.entities.value.map((e) => [e.entity_id, e.name])));
  const level = computed(() => (te(`level.${data.scope.value.level}`) ? t(`level.${data.scope.value.level}`) : data.scope.value.level));
  const scores = computed(() => rankScores(scoreLevel(effective.value, data.memberValues.value, scoring.settings)));
  /** Headline indicators of the city, or of the districts when the data has no city. */
  const headline = computed(() => {
    const source = data.scope.value.root ? data.rootValues.value : data.memberValues.value;
    return pickHeadline(effective.value, new Set(source.map((r) => r.indicator_id)), HEADLINE_COUNT);
  });
  const districts = computed(() => data.scope.value.members.map((m) => m.entity_id));

  const slides = computed<Slide[]>(() =>
    expandSlides(show.value.slides, {
      districts: districts.value,
      indicators: new Set(effective.value.map((i) => i.indicator_id)),
      headline: headline.value.map((i) => i.indicator_id),
      hasRoot: data.scope.value.root !== null,
    }),
  );

  /** A playlist entry in words, for the settings panel; entries naming absent things say so. */
  function labelOf(token: SlideToken): string {
    switch (token.kind) {
      case 'districts':
        return t('present.slide.districts', { level: level.value, n: districts.value.length });
      case 'trends':
        return t('present.slide.trends', { n: Math.min(TREND_COUNT, headline.value.length) });
      case 'district': {
        const name = names.value.get(token.id);
        return t('present.slide.district', { name: name ?? token.id }) + (name && districts.value.includes(token.id) ? '' : t('present.slide.missing'));
      }
      case 'trend': {
        const i = byId.value.get(token.id);
        return t('present.slide.trend', { name: i ? nameOf(i) : token.id }) + (i ? '' : t('present.slide.missing'));
      }
      default:
        return t(`present.slide.${token.kind}`);
    }
  }

  /** Every slide the data offers, for the settings panel's "add" list. */
  const choices = computed(() => {
    const tokens: SlideToken[] = [
      { kind: 'kpis' },
      { kind: 'ranking' },
      { kind: 'heatmap' },
      { kind: 'districts' },
      ...districts.value.map((id) => ({ kind: 'district' as const, id })),
      { kind: 'trends' },
      ...effective.value.map((i) => ({ kind: 'trend' as const, id: i.indicator_id })),
    ];
    return tokens.map((token) => ({ token, label: labelOf(token) }));
  });

  function titleOf(slide: Slide): string {
    const year = data.year.value;
    switch (slide.kind) {
      case 'kpis':
        return t('present.kpisTitle', { year });
      case 'ranking':
        return t('present.rankingTitle', { year, level: level.value });
      case 'heatmap':
        return t('present.heatmapTitle', { year, level: level.value });
      case 'district':
        return t('present.districtTitle', { name: names.value.get(slide.id) ?? slide.id, year });
      case 'trend': {
        const i = byId.value.get(slide.id);
        return t('present.trendTitle', { indicator: i ? nameOf(i) : slide.id, level: level.value });
      }
    }
  }

  return { loc, effective, byId, nameOf, indicatorNames, names, level, scores, headline, districts, slides, labelOf, choices, titleOf };
}
