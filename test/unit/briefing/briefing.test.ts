import { describe, expect, it } from 'vitest';
import { biggestMoves, briefingText, entityBriefing, overviewBriefing, previousScores, ranksOf, type EntityFacts } from '../../../src/features/briefing/briefing';
import type { Locale } from '../../../src/format/number';
import { i18n } from '../../../src/i18n';
import type { IndicatorInfo } from '../../../src/queries/indicators';
import type { SnapshotRow } from '../../../src/queries/snapshot';
import type { EntityScore } from '../../../src/scoring/score';
import { DEFAULT_SETTINGS } from '../../../src/scoring/settings';
import { makeLabels } from '../../../src/ui/labels';

const labels = (locale: Locale) => makeLabels(locale, (key, named) => i18n.global.t(key, named ?? {}, { locale }), (key) => i18n.global.te(key, locale));
const zh = labels('zh-CN');
const en = labels('en');

const info = (id: string, over: Partial<IndicatorInfo> = {}): IndicatorInfo =>
  ({ indicator_id: id, name_zh: id, name_en: id, unit: '%', decimals: 1, direction: 1, target: 100, target_year: 2026, weight: 1, tier: 'basic', gate_min: null, gate_max_stars: null, category: 'other', dataset_ids: 'x', ...over }) as IndicatorInfo;
const row = (entity: string, indicator: string, value: number, prev: number | null): SnapshotRow => ({ entity_id: entity, name: entity, indicator_id: indicator, period: '2025', value, prev_period: prev === null ? null : '2024', prev_value: prev });
const score = (entityId: string, composite: number, stars: number | null, over: Partial<EntityScore> = {}): EntityScore => ({ entityId, basic: composite, characteristic: null, composite, coverage: 1, insufficient: stars === null, stars, gatedBy: [], parts: [], ...over });

const facts = (over: Partial<EntityFacts> = {}): EntityFacts => ({
  name: '南港区',
  levelName: '区县',
  year: 2025,
  score: score('d03', 92.84, 3),
  rank: 5,
  of: 9,
  previousRank: 4,
  moves: { gain: null, drop: null },
  offTrack: [],
  gates: [],
  lagging: [],
  belowName: '南港区下属支部和村',
  nextStar: null,
  ...over,
});
const texts = (lines: { text: string }[]) => lines.map((l) => l.text);

describe('the entity briefing', () => {
  it('states rank, composite and stars, and how the rank moved', () => {
    expect(texts(entityBriefing(facts(), zh))).toEqual(['2025 年，南港区在 9 个区县中排第 5 名，综合指数 92.8，三星，较上期下降 1 位。']);
    expect(texts(entityBriefing(facts({ previousRank: 7 }), zh))[0]).toContain('较上期上升 2 位');
    expect(texts(entityBriefing(facts({ previousRank: 5 }), zh))[0]).toContain('名次与上期相同');
    expect(texts(entityBriefing(facts({ previousRank: null }), zh))[0]).toBe('2025 年，南港区在 9 个区县中排第 5 名，综合指数 92.8，三星。');
    expect(texts(entityBriefing(facts({ name: 'South Port', levelName: 'district' }), en))[0]).toBe(
      'In 2025, South Port ranks No. 5 of 9 at the district level, with a composite of 92.8, three stars, down 1 since the previous period.',
    );
  });

  it('gives no rank to 数据不足', () => {
    const lines = entityBriefing(facts({ score: score('d03', 71.25, null, { insufficient: true }) }), zh);
    expect(texts(lines)).toEqual(['2025 年，南港区数据覆盖不足，不评星级、不排名次（综合指数 71.3）。']);
  });

  it('names the biggest gain and drop, what is off track, the gate, the next star and who lags, each linked', () => {
    const lines = entityBriefing(
      facts({
        moves: {
          gain: { indicatorId: 'income', indicator: '薄弱村收入', from: '33.1 万元', to: '36.6 万元', size: 0.1 },
          drop: { indicatorId: 'tertiary', indicator: '第三产业占比', from: '57.0%', to: '56.9%', size: -0.002 },
        },
        offTrack: ['群众满意度', '办理时限', '网办率', '高新技术产业占比'],
        gates: [{ indicator: '群众满意度', value: '86.6%', gate: '90.0%', cap: 3 }],
        nextStar: { stars: 4, indicator: '群众满意度', needed: '90.0%' },
        lagging: [{ name: '渔港村', weakest: '薄弱村收入' }, { name: '新港社区', weakest: null }, { name: '东堤村', weakest: null }],
      }),
      zh,
    );
    expect(lines.map((l) => [l.rule, l.target])).toEqual([
      ['rank', 'briefing-breakdown'],
      ['gain', 'briefing-kpi-income'],
      ['drop', 'briefing-kpi-tertiary'],
      ['offTrack', 'briefing-trends'],
      ['gate', 'briefing-breakdown'],
      ['nextStar', 'briefing-next-star'],
      ['lagging', 'briefing-below'],
    ]);
    expect(texts(lines).slice(1)).toEqual([
      '南港区进步最大的是薄弱村收入（33.1 万元 → 36.6 万元）。',
      '南港区下滑最多的是第三产业占比（57.0% → 56.9%）。',
      '按近期趋势，群众满意度、办理时限、网办率等 4 项难以按期达标。',
      '因群众满意度 86.6% 低于门槛 90.0%，星级最高为三星。',
      '距四星最近的一步：群众满意度达到 90.0%。',
      '南港区下属支部和村中排名靠后的是渔港村（最弱：薄弱村收入）、新港社区等 3 个。',
    ]);
  });

  it('copies as one sentence a line under its title', () => {
    expect(briefingText('述评 · 南港区', entityBriefing(facts(), zh))).toBe('述评 · 南港区\n2025 年，南港区在 9 个区县中排第 5 名，综合指数 92.8，三星，较上期下降 1 位。');
  });
});

describe('moves and the previous period', () => {
  const indicators = new Map([
    ['sat', info('sat')],
    ['days', info('days', { unit: '天', direction: -1, target: 3 })],
    ['flat', info('flat', { decimals: 0 })],
  ]);

  it('compares moves relative to the earlier value, for the better by each direction, and skips what rounds to nothing', () => {
    // sat +2.2% better; days 4.0 → 3.0 is 25% better (lower is better); flat 50.0 → 50.4 rounds to 50 → 50.
    const moves = biggestMoves([row('x', 'sat', 92, 90), row('x', 'days', 3, 4), row('x', 'flat', 50.4, 50)], indicators, zh);
    expect(moves.gain).toMatchObject({ indicatorId: 'days', from: '4.0 天', to: '3.0 天' });
    expect(moves.gain?.size).toBeCloseTo(0.25, 9);
    expect(moves.drop).toBeNull();
    const worse = biggestMoves([row('x', 'sat', 88, 90), row('x', 'days', 4.4, 4)], indicators, zh);
    // sat −2.2%, days +10% (worse): the drop is days.
    expect(worse.drop?.indicatorId).toBe('days');
    expect(worse.gain).toBeNull();
  });

  it('ranks the previous period from each row’s earlier value', () => {
    const infos = [info('sat')];
    const rows = [row('a', 'sat', 90, 80), row('b', 'sat', 85, 95), row('c', 'sat', 70, null)];
    // Before: b 95, a 80; c had no earlier value.
    expect([...ranksOf(previousScores(infos, rows, DEFAULT_SETTINGS))]).toEqual([['b', 1], ['a', 2]]);
  });
});

describe('the overview briefing', () => {
  const names = new Map([['d01', '东湖区'], ['d02', '西城区'], ['d03', '南港区'], ['d07', '青山县']]);
  const ranked = [score('d01', 98.7, 5), score('d02', 96, 5), score('d03', 92.8, 3, { gatedBy: ['sat'] }), score('d07', 75.3, 2), score('d09', 50, null, { insufficient: true })];

  it('names best and worst, who moved most, gates and who lags', () => {
    const lines = overviewBriefing(
      {
        name: '云澜市',
        levelName: '区县',
        year: 2025,
        ranked,
        names: new Map([...names, ['d09', '清河县']]),
        previousRanks: new Map([['d01', 1], ['d02', 4], ['d03', 2], ['d07', 3]]),
        moves: { gain: null, drop: null },
        offTrack: ['高新技术产业占比'],
        gated: [{ indicator: '群众满意度', members: ['南港区'] }],
      },
      zh,
    );
    expect(texts(lines)).toEqual([
      '2025 年，5 个区县中东湖区综合指数最高（98.7，五星），青山县最低（75.3，二星）。',
      '较上期，西城区上升 2 位，南港区下降 1 位。',
      '云澜市有 1 项指标按近期趋势难以按期达标：高新技术产业占比。',
      '南港区因群众满意度低于门槛，星级受限。',
      '青山县为二星及以下。清河县数据覆盖不足，未评星级。',
    ]);
    expect(lines.map((l) => l.target)).toEqual(['briefing-scores', 'briefing-scores', 'briefing-statuses', 'briefing-scores', 'briefing-scores']);
  });

  it('says nothing of leaders with a single member, nor of moves without a previous period', () => {
    const lines = overviewBriefing({ name: '', levelName: 'region', year: 2020, ranked: [score('a', 80, 4)], names: new Map(), previousRanks: new Map(), moves: { gain: null, drop: null }, offTrack: [], gated: [] }, en);
    expect(lines).toEqual([]);
  });
});
