import { CITY, DISTRICTS, VILLAGES } from './entities';
import { fmt1, meanOfMembers, seriesRows, type SampleSet } from './observations';
import { streamFor, uniform, type Rng } from './random';
import { round, years } from './series';

const PERIODS = years(2018, 2025);
/** The 20 万元 line of the seed fact; every weak village clears it from 2020 on. */
const LINE = 20;

/**
 * One village's income in 万元: 5–15 in 2018, a push across the line by 2020 (some already in
 * 2019), then growth in uneven steps (a new project one year, a flat year the next) to 28–56 in 2025.
 */
function villageIncome(rng: Rng): number[] {
  const start = uniform(rng, 5.5, 14.5);
  const crossing = uniform(rng, 20.6, 25.5);
  const y2019 = start + (crossing - start) * uniform(rng, 0.35, 0.95);
  const end = Math.max(uniform(rng, 28, 56), crossing + 5);
  const steps = Array.from({ length: 5 }, () => uniform(rng, 0.3, 1.7));
  const total = steps.reduce((a, b) => a + b, 0);
  let share = 0;
  const later = steps.map((step) => {
    share += step / total;
    return crossing + (end - crossing) * share;
  });
  return [start, y2019, crossing, ...later].map((v) => round(v));
}

function overLineShare(members: readonly number[][], periods: number): number[] {
  return Array.from({ length: periods }, (_, t) => {
    const over = members.filter((series) => series[t]! >= LINE).length;
    return round((100 * over) / members.length);
  });
}

export function generateVillageIncome(seed: number): SampleSet {
  const rng = streamFor(seed, 'village-income/weak_village_income');
  const byVillage = VILLAGES.map((village) => ({ village, values: villageIncome(rng) }));

  const groups = [
    { id: CITY.id, members: byVillage.map((v) => v.values) },
    ...DISTRICTS.map((d) => ({ id: d.id, members: byVillage.filter((v) => v.village.districtId === d.id).map((v) => v.values) })).filter(
      (g) => g.members.length > 0,
    ),
  ];

  const rows = [
    ...groups.flatMap((g) => seriesRows(g.id, 'weak_village_income', PERIODS, meanOfMembers(g.members, PERIODS.length))),
    ...byVillage.flatMap(({ village, values }) => seriesRows(village.id, 'weak_village_income', PERIODS, values)),
    ...groups.flatMap((g) => seriesRows(g.id, 'weak_village_over20_share', PERIODS, overLineShare(g.members, PERIODS.length))),
  ];

  const atYear = (year: string): number[] => byVillage.map(({ values }) => values[PERIODS.findIndex((p) => p.period === year)]!);
  const city = groups[0]!.members;
  const share = overLineShare(city, PERIODS.length);
  const facts = [
    `${VILLAGES.length} 个经济薄弱村集体稳定经营收入 2020 年起全部超过 ${LINE} 万元（2018 年 ${share[0]}%、2019 年 ${share[1]}% 的村达线；2020 年最低 ${fmt1(Math.min(...atYear('2020')))} 万元）`,
    `2025 年薄弱村集体稳定经营收入平均 ${fmt1(meanOfMembers(city, PERIODS.length)[PERIODS.length - 1]!)} 万元，最高 ${fmt1(Math.max(...atYear('2025')))} 万元`,
  ];
  return { rows, facts };
}
