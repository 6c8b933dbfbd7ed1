import { CITY, DISTRICT_IDS, DISTRICTS, type DistrictId } from './entities';
import { fmt1, meanOfMembers, seriesRows, valueAt, type SampleSet } from './observations';
import { streamFor } from './random';
import { clamp, districtPanel, interpolate, round, years, type Anchors } from './series';

const PERIODS = years(2016, 2025);

interface Spec {
  id: string;
  /** The city's trajectory; districts spread around it and their mean reproduces it. */
  path: Anchors;
  /** District level relative to the city: 高新区 leads, the counties trail. */
  factor: Record<DistrictId, number>;
  sd: number;
}

const SPECS: readonly Spec[] = [
  {
    id: 'hightech_share',
    // The seed fact: about 15% in 2020 to about 35% in 2023, then levelling off.
    path: [[2016, 12.4], [2019, 14.3], [2020, 15.1], [2021, 20.6], [2022, 28.8], [2023, 35.2], [2024, 36.7], [2025, 37.7]],
    factor: { d01: 1.15, d02: 1.05, d03: 1.0, d04: 0.95, d05: 1.75, d06: 0.8, d07: 0.7, d08: 0.75, d09: 0.85 },
    sd: 0.7,
  },
  {
    id: 'sei_share',
    path: [[2016, 9.6], [2019, 12.8], [2020, 14.1], [2023, 22.3], [2025, 26.4]],
    factor: { d01: 1.1, d02: 1.0, d03: 1.05, d04: 0.95, d05: 1.6, d06: 0.85, d07: 0.75, d08: 0.8, d09: 0.9 },
    sd: 0.6,
  },
  {
    id: 'digital_core_share',
    path: [[2016, 4.3], [2019, 5.6], [2021, 7.0], [2023, 8.9], [2025, 10.5]],
    factor: { d01: 1.2, d02: 1.15, d03: 0.95, d04: 0.9, d05: 2.0, d06: 0.7, d07: 0.65, d08: 0.7, d09: 0.75 },
    sd: 0.3,
  },
  {
    id: 'tertiary_share',
    path: [[2016, 45.2], [2019, 48.1], [2020, 47.4], [2025, 52.6]],
    factor: { d01: 1.3, d02: 1.35, d03: 1.1, d04: 0.95, d05: 0.8, d06: 0.85, d07: 0.8, d08: 0.85, d09: 0.9 },
    sd: 0.8,
  },
];

/**
 * Early digital-economy figures that two districts never reported: the statistic only became
 * routine later. Both districts sit near the city level, so the city mean does not jump when they
 * start reporting.
 */
const MISSING: Readonly<Partial<Record<string, Partial<Record<DistrictId, readonly string[]>>>>> = {
  digital_core_share: { d03: ['2016', '2017'], d04: ['2016', '2017', '2018'] },
};

export function generateIndustry(seed: number): SampleSet {
  const rows = SPECS.flatMap((spec) => {
    const rng = streamFor(seed, `industry/${spec.id}`);
    const cityPath = PERIODS.map(({ x }) => interpolate(spec.path, x));
    const panel = districtPanel(rng, cityPath, DISTRICT_IDS.length, (d, c) => c * spec.factor[DISTRICT_IDS[d]!], spec.sd);
    const districtValues = DISTRICT_IDS.map((id, d) => {
      const missing = MISSING[spec.id]?.[id] ?? [];
      return panel[d]!.map((v, t) => (missing.includes(PERIODS[t]!.period) ? undefined : round(clamp(v, 0.1, 100))));
    });
    const cityValues = meanOfMembers(districtValues, PERIODS.length);
    return [
      ...seriesRows(CITY.id, spec.id, PERIODS, cityValues),
      ...DISTRICTS.flatMap((district, d) => seriesRows(district.id, spec.id, PERIODS, districtValues[d]!)),
    ];
  });

  const at = (period: string): number => valueAt(rows, CITY.id, 'hightech_share', period);
  const facts = [
    `${CITY.name}高新技术产业占比 2020 年 ${fmt1(at('2020'))}%，2023 年 ${fmt1(at('2023'))}%，三年提高 ${fmt1(round(at('2023') - at('2020')))} 个百分点（2025 年 ${fmt1(at('2025'))}%）`,
  ];
  return { rows, facts };
}
