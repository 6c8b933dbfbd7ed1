import { BRANCHES, CITY, DISTRICT_IDS, DISTRICTS, districtIndex, type DistrictId } from './entities';
import { fmt1, meanOfMembers, seriesRows, valueAt, type Observation, type SampleSet } from './observations';
import { noise, streamFor, uniform, type Rng } from './random';
import { clamp, districtPanel, interpolate, round, smoothstep, years, type Anchors } from './series';

const PERIODS = years(2016, 2025);

/** All villages of the city (the data lists only the 33 weak ones); the legal-service fact is about all of them. */
const VILLAGES_IN_CITY = 176;

/**
 * A campaign indicator: each district climbs from a drawn level to exactly 100 in `fullFrom` and
 * stays there, the way "两个覆盖" and legal-service coverage were pushed to completion.
 */
function campaign(rng: Rng, early: readonly (readonly [number, number])[], fullFrom: number): number[] {
  const first = PERIODS[0]!.x;
  return ratchet(
    PERIODS.map(({ x }) => {
      if (x >= fullFrom) return 100;
      const [lo, hi] = early[x - first] ?? early[early.length - 1]!;
      return round(uniform(rng, lo, hi));
    }),
  );
}

/** Installed coverage is not torn down again, so a noisy draw below last year's level keeps last year's. */
function ratchet(values: readonly number[]): number[] {
  let best = -Infinity;
  return values.map((v) => (best = Math.max(best, v)));
}

function cityAndDistricts(indicatorId: string, districtValues: readonly number[][]): Observation[] {
  return [
    ...seriesRows(CITY.id, indicatorId, PERIODS, meanOfMembers(districtValues, PERIODS.length)),
    ...DISTRICTS.flatMap((district, d) => seriesRows(district.id, indicatorId, PERIODS, districtValues[d]!)),
  ];
}

const ONLINE_PATH: Anchors = [
  [2016, 40.4], [2017, 46.2], [2018, 52.9], [2019, 59.7], [2020, 68.6], [2021, 75.2], [2022, 80.7], [2023, 84.8], [2024, 87.9], [2025, 90.2],
];
const ONLINE_GAP: Record<DistrictId, number> = { d01: 4, d02: 4.5, d03: 1, d04: 0, d05: 6, d06: -3, d07: -4.5, d08: -5, d09: -3 };

/**
 * Waste sorting rolls out district by district: the urban core starts early and fast, the counties
 * years later and some never quite catch up, so the city line rises unevenly.
 */
const WASTE_ROLLOUT: Record<DistrictId, { from: number; to: number; floor: number; cap: number }> = {
  d01: { from: 2016, to: 2020, floor: 18, cap: 97 },
  d02: { from: 2016, to: 2019, floor: 22, cap: 98 },
  d03: { from: 2017, to: 2022, floor: 12, cap: 93 },
  d04: { from: 2018, to: 2023, floor: 10, cap: 90 },
  d05: { from: 2017, to: 2020, floor: 15, cap: 96 },
  d06: { from: 2019, to: 2024, floor: 6, cap: 88 },
  d07: { from: 2020, to: 2026, floor: 4, cap: 86 },
  d08: { from: 2021, to: 2026, floor: 3, cap: 84 },
  d09: { from: 2019, to: 2025, floor: 5, cap: 89 },
};

export function generateCoverage(seed: number): SampleSet {
  const orgRng = streamFor(seed, 'coverage/nonpublic_org_coverage');
  const org = DISTRICT_IDS.map(() => campaign(orgRng, [[72, 86], [88, 97.5]], 2018));

  const workRng = streamFor(seed, 'coverage/party_work_coverage');
  const work = DISTRICT_IDS.map(() => campaign(workRng, [[81, 92], [91, 98.5]], 2018));

  const legalRng = streamFor(seed, 'coverage/legal_service_coverage');
  const legal = DISTRICT_IDS.map(() => campaign(legalRng, [[55, 75], [72, 90], [88, 98.5]], 2019));

  const onlineRng = streamFor(seed, 'coverage/online_service_rate');
  const onlinePath = PERIODS.map(({ x }) => interpolate(ONLINE_PATH, x));
  const online = districtPanel(onlineRng, onlinePath, DISTRICT_IDS.length, (d, c) => c + ONLINE_GAP[DISTRICT_IDS[d]!], 0.8).map(
    (series) => series.map((v) => round(clamp(v, 0, 99))),
  );

  const wasteRng = streamFor(seed, 'coverage/waste_sorting_coverage');
  const waste = DISTRICT_IDS.map((id) => {
    const { from, to, floor, cap } = WASTE_ROLLOUT[id];
    return ratchet(
      PERIODS.map(({ x }) => {
        const level = floor + (cap - floor) * smoothstep(from, to, x);
        // Uneven steps mid roll-out; before it starts and once it saturates the figure barely moves.
        const sd = 0.3 + 0.06 * Math.min(level - floor, cap - level);
        return round(clamp(level + noise(wasteRng, sd), 0, 100));
      }),
    );
  });

  // A branch's own party-work coverage tracks its district's campaign; from 2018 every unit is covered.
  const branchRng = streamFor(seed, 'coverage/branches/party_work_coverage');
  const branchRows = BRANCHES.flatMap((branch) => {
    const district = work[districtIndex(branch.districtId)]!;
    const gap = uniform(branchRng, -6, 5);
    const values = district.map((v) => (v === 100 ? 100 : round(clamp(v + gap + noise(branchRng, 1), 0, 100))));
    return seriesRows(branch.id, 'party_work_coverage', PERIODS, values);
  });

  const rows = [
    ...cityAndDistricts('nonpublic_org_coverage', org),
    ...cityAndDistricts('party_work_coverage', work),
    ...cityAndDistricts('legal_service_coverage', legal),
    ...cityAndDistricts('online_service_rate', online),
    ...cityAndDistricts('waste_sorting_coverage', waste),
    ...branchRows,
  ];

  const cityAt = (id: string, period: string): number => valueAt(rows, CITY.id, id, period);
  const facts = [
    `非公企业党组织覆盖率和党的工作覆盖率（“两个覆盖率”）2018 年起全市及 ${DISTRICTS.length} 个区县均保持 100%（2016 年全市分别为 ${fmt1(cityAt('nonpublic_org_coverage', '2016'))}% 和 ${fmt1(cityAt('party_work_coverage', '2016'))}%）`,
    `村(社区)法律服务覆盖率 2019 年起全市及各区县均为 100%，全市 ${VILLAGES_IN_CITY} 个村全覆盖`,
    `${CITY.name}政务服务网办率由 2016 年 ${fmt1(cityAt('online_service_rate', '2016'))}% 提高到 2025 年 ${fmt1(cityAt('online_service_rate', '2025'))}%`,
  ];
  return { rows, facts };
}
