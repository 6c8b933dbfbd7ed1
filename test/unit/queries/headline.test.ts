import { describe, expect, it } from 'vitest';
import { pickHeadline } from '../../../src/queries/headline';
import type { IndicatorInfo } from '../../../src/queries/indicators';

function indicator(id: string, category: string, weight: number, tier: IndicatorInfo['tier'] = 'basic'): IndicatorInfo {
  return {
    indicator_id: id,
    name_zh: id,
    name_en: id,
    category,
    unit: '%',
    direction: 1,
    target: null,
    target_year: null,
    weight,
    tier,
    gate_min: null,
    gate_max_stars: null,
    decimals: 1,
    definition: '',
    source: '',
    grain: 'year',
    first_period: '2021',
    last_period: '2023',
    observations: 3,
    dataset_ids: 'sample-industry',
  };
}

const ids = (list: readonly IndicatorInfo[]) => list.map((i) => i.indicator_id);

// A slice of the sample catalog (data/catalog.csv), in catalog order.
const CATALOG = [
  indicator('hightech_share', 'industry', 1.5),
  indicator('sei_share', 'industry', 1),
  indicator('digital_core_share', 'industry', 1, 'characteristic'),
  indicator('public_satisfaction', 'satisfaction', 2),
  indicator('business_env_satisfaction', 'satisfaction', 1.5),
  indicator('service_days', 'satisfaction', 0.5, 'characteristic'),
  indicator('nonpublic_org_coverage', 'coverage', 1),
  indicator('online_service_rate', 'coverage', 1),
  indicator('waste_sorting_coverage', 'coverage', 0.5, 'characteristic'),
  indicator('weak_village_income', 'income', 1.5),
  indicator('weak_village_over20_share', 'income', 1),
];
const ALL = new Set(CATALOG.map((i) => i.indicator_id));

describe('pickHeadline', () => {
  it('puts the heaviest basic indicator of every category first, heaviest categories first', () => {
    expect(ids(pickHeadline(CATALOG, ALL, 4))).toEqual([
      'public_satisfaction', // 2
      'hightech_share', // 1.5 (ties broken by id)
      'weak_village_income', // 1.5
      'nonpublic_org_coverage', // 1, before online_service_rate by id
    ]);
  });

  it('then fills with the rest by weight, ties by id', () => {
    expect(ids(pickHeadline(CATALOG, ALL, 8))).toEqual([
      'public_satisfaction',
      'hightech_share',
      'weak_village_income',
      'nonpublic_org_coverage',
      'business_env_satisfaction', // 1.5
      'online_service_rate', // 1
      'sei_share', // 1
      'weak_village_over20_share', // 1
    ]);
  });

  it('represents every category before a second indicator of any, even a heavier one', () => {
    const picked = ids(pickHeadline(CATALOG, ALL, 5));
    expect(picked.slice(0, 4).sort()).toEqual(['hightech_share', 'nonpublic_org_coverage', 'public_satisfaction', 'weak_village_income']);
    expect(picked[4]).toBe('business_env_satisfaction');
  });

  it('returns at most count indicators, and all of them when count is larger', () => {
    expect(pickHeadline(CATALOG, ALL, 2)).toHaveLength(2);
    expect(pickHeadline(CATALOG, ALL, 0)).toEqual([]);
    const everything = pickHeadline(CATALOG, ALL, 100);
    expect(everything).toHaveLength(CATALOG.length);
    expect(new Set(ids(everything))).toEqual(ALL);
    expect(ids(everything).slice(-3)).toEqual(['digital_core_share', 'service_days', 'waste_sorting_coverage']);
  });

  it('only picks indicators in the available set', () => {
    const available = new Set(['sei_share', 'digital_core_share', 'business_env_satisfaction', 'not_in_catalog']);
    expect(ids(pickHeadline(CATALOG, available, 6))).toEqual(['business_env_satisfaction', 'sei_share', 'digital_core_share']);
  });

  it('stands in a characteristic indicator for a category with no basic one available', () => {
    const available = new Set(['hightech_share', 'sei_share', 'waste_sorting_coverage']);
    expect(ids(pickHeadline(CATALOG, available, 2))).toEqual(['hightech_share', 'waste_sorting_coverage']);
  });

  it('returns nothing when nothing is available', () => {
    expect(pickHeadline(CATALOG, new Set(), 4)).toEqual([]);
  });

  it('does not reorder the caller\u2019s array', () => {
    const input = [...CATALOG];
    pickHeadline(input, ALL, 4);
    expect(ids(input)).toEqual(ids(CATALOG));
  });
});
