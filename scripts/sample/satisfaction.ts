import { BRANCHES, CITY, DISTRICT_IDS, DISTRICTS, branchByName, districtIndex, type DistrictId } from './entities';
import { fmt1, meanOfMembers, periodZh, seriesRows, valueAt, type Observation, type SampleSet } from './observations';
import { noise, streamFor, uniform, type Rng } from './random';
import { clamp, districtPanel, interpolate, round, halves, wobble, type Anchors } from './series';

const PERIODS = halves(2019, 2025);

/** The model community of the seed fact: from about 60% to about 95%. */
export const MODEL_COMMUNITY = '西城区和平社区党支部';

/**
 * Branches that lag clearly, ending in the 70s. They sit in the two districts that stay below the
 * 90% gate, which is what keeps those districts down.
 */
const LAGGARDS = ['南港区南苑社区党支部', '白沙县马鞍村党支部', '白沙县长乐社区党支部'];

interface DistrictSpec {
  id: string;
  path: Anchors;
  level: (district: DistrictId, cityValue: number) => number;
  sd: number;
  lo: number;
  hi: number;
}

/** 南港区 and 白沙县 stay a few points under the city, so they end below 90. */
const PUBLIC_GAP: Record<DistrictId, number> = { d01: 2, d02: 1.5, d03: -4, d04: 0.5, d05: 2.5, d06: 1, d07: 0.5, d08: -4.5, d09: 0.5 };
const BUSINESS_GAP: Record<DistrictId, number> = { d01: 1.5, d02: 1.2, d03: -0.8, d04: -0.5, d05: 3, d06: -0.6, d07: -1.2, d08: -1.8, d09: -0.8 };
const GOV_GAP: Record<DistrictId, number> = { d01: 1.2, d02: 1, d03: -1.5, d04: 0, d05: 2, d06: 0.3, d07: -0.5, d08: -2, d09: -0.5 };
/** Processing time relative to the city: 高新区 runs a one-stop centre, the counties are slower. */
const DAYS_FACTOR: Record<DistrictId, number> = { d01: 0.9, d02: 0.88, d03: 1.0, d04: 1.02, d05: 0.72, d06: 1.1, d07: 1.15, d08: 1.18, d09: 1.08 };

const DISTRICT_SPECS: readonly DistrictSpec[] = [
  {
    id: 'public_satisfaction',
    path: [[2019, 78.6], [2021, 84.1], [2023, 89.4], [2025.5, 92.3]],
    level: (d, c) => c + PUBLIC_GAP[d],
    sd: 0.6,
    lo: 0,
    hi: 99,
  },
  {
    id: 'business_env_satisfaction',
    // Above 90% for the city in every half-year from 2022 on.
    path: [[2019, 84.2], [2020.5, 87.9], [2021.5, 89.5], [2022, 91.0], [2024, 93.1], [2025.5, 94.2]],
    level: (d, c) => c + BUSINESS_GAP[d],
    sd: 0.5,
    lo: 0,
    hi: 99,
  },
  {
    id: 'gov_service_satisfaction',
    path: [[2019, 82.3], [2022, 89.2], [2025.5, 94.3]],
    level: (d, c) => c + GOV_GAP[d],
    sd: 0.5,
    lo: 0,
    hi: 99,
  },
  {
    id: 'service_days',
    // Fewer steps and online filing: from about 12 working days to under 4.
    path: [[2019, 12.2], [2020.5, 9.6], [2022, 6.9], [2024, 4.8], [2025.5, 3.8]],
    level: (d, c) => c * DAYS_FACTOR[d],
    sd: 0.25,
    lo: 1,
    hi: 30,
  },
];

function districtRows(seed: number, spec: DistrictSpec): { rows: Observation[]; values: number[][] } {
  const rng = streamFor(seed, `satisfaction/${spec.id}`);
  const cityPath = PERIODS.map(({ x }) => interpolate(spec.path, x));
  const panel = districtPanel(rng, cityPath, DISTRICT_IDS.length, (d, c) => spec.level(DISTRICT_IDS[d]!, c), spec.sd);
  const values = panel.map((series) => series.map((v) => round(clamp(v, spec.lo, spec.hi))));
  const rows = [
    ...seriesRows(CITY.id, spec.id, PERIODS, meanOfMembers(values, PERIODS.length)),
    ...DISTRICTS.flatMap((district, d) => seriesRows(district.id, spec.id, PERIODS, values[d]!)),
  ];
  return { rows, values };
}

/** A branch follows its district with a fixed offset; the model community and laggards have their own paths. */
function branchSeries(rng: Rng, name: string, districtSeries: readonly number[], indicatorId: string): number[] {
  const steady = (gap: number, sd: number): number[] => {
    const shocks = wobble(rng, PERIODS.length, sd);
    return districtSeries.map((v, t) => round(clamp(v + gap + shocks[t]!, 0, 99)));
  };
  const ownPath = (path: Anchors, sd: number): number[] =>
    PERIODS.map(({ x }) => round(clamp(interpolate(path, x) + noise(rng, sd), 0, 99)));

  const isModel = name === MODEL_COMMUNITY;
  const isLaggard = LAGGARDS.includes(name);
  if (indicatorId === 'public_satisfaction' && isModel) {
    return ownPath([[2019, 60.2], [2020, 64.8], [2021, 72.5], [2022, 80.6], [2023, 87.4], [2024, 92.1], [2025.5, 95.1]], 0.3);
  }
  if (indicatorId === 'public_satisfaction' && isLaggard) {
    const start = uniform(rng, 64, 69);
    return ownPath([[2019, start], [2022, start + uniform(rng, 3, 6)], [2025.5, uniform(rng, 72, 77)]], 0.6);
  }
  if (isModel) return steady(uniform(rng, 1, 3), 0.6);
  if (isLaggard) return steady(uniform(rng, -7, -5), 0.8);
  return steady(uniform(rng, -3.5, 3), 0.8);
}

const BRANCH_INDICATORS = ['public_satisfaction', 'gov_service_satisfaction'] as const;

export function generateSatisfaction(seed: number): SampleSet {
  // Fail loudly if a branch was renamed: a silent miss would drop the seed fact from the data.
  for (const name of [MODEL_COMMUNITY, ...LAGGARDS]) branchByName(name);
  const byIndicator = new Map(DISTRICT_SPECS.map((spec) => [spec.id, districtRows(seed, spec)]));

  const branchRows = BRANCH_INDICATORS.flatMap((indicatorId) => {
    const rng = streamFor(seed, `satisfaction/branches/${indicatorId}`);
    const districtValues = byIndicator.get(indicatorId)!.values;
    return BRANCHES.flatMap((branch) => {
      const values = branchSeries(rng, branch.name, districtValues[districtIndex(branch.districtId)]!, indicatorId);
      return seriesRows(branch.id, indicatorId, PERIODS, values);
    });
  });
  const rows = [...[...byIndicator.values()].flatMap((r) => r.rows), ...branchRows];

  const first = PERIODS[0]!.period;
  const last = PERIODS[PERIODS.length - 1]!.period;
  const model = branchByName(MODEL_COMMUNITY);
  const cityAt = (id: string, period: string): number => valueAt(rows, CITY.id, id, period);
  const business = PERIODS.filter(({ x }) => x >= 2022).map(({ period }) => ({ period, value: cityAt('business_env_satisfaction', period) }));
  const lowest = business.reduce((a, b) => (b.value < a.value ? b : a));
  const belowGate = DISTRICTS.filter((d) => valueAt(rows, d.id, 'public_satisfaction', last) < 90).map(
    (d) => `${d.name} ${fmt1(valueAt(rows, d.id, 'public_satisfaction', last))}%`,
  );
  const facts = [
    `${MODEL_COMMUNITY}群众满意度由 ${periodZh(first)} ${fmt1(valueAt(rows, model.id, 'public_satisfaction', first))}% 提升到 ${periodZh(last)} ${fmt1(valueAt(rows, model.id, 'public_satisfaction', last))}%`,
    `${CITY.name}营商环境满意度 2022 年起各期均在 90% 以上（最低 ${periodZh(lowest.period)} ${fmt1(lowest.value)}%，${periodZh(last)} ${fmt1(cityAt('business_env_satisfaction', last))}%）`,
    `${CITY.name}政务服务事项平均办理时限由 ${periodZh(first)} ${fmt1(cityAt('service_days', first))} 天缩短到 ${periodZh(last)} ${fmt1(cityAt('service_days', last))} 天`,
    `${periodZh(last)}群众满意度低于 90% 的区县：${belowGate.join('、')}`,
  ];
  return { rows, facts };
}
