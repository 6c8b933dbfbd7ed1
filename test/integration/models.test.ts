import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../../src/app/catalog';
import type { Engine } from '../../src/engine/types';
import { buildCompare } from '../../src/features/compare/compare-model';
import { buildOverview } from '../../src/features/overview/overview-model';
import { buildShow, labelOf, titleOf } from '../../src/features/present/present-model';
import { briefingSlide, districtSlide, heatmapSlide, kpisSlide, trendSlide } from '../../src/features/present/present-slides';
import { DEFAULT_SHOW } from '../../src/features/present/playlist';
import { buildScorecard, entityFamily } from '../../src/features/scorecard/scorecard-model';
import type { Locale } from '../../src/format/number';
import { i18n } from '../../src/i18n';
import { SAMPLE_DATASET_IDS } from '../../src/ingest/samples';
import { pickHeadline } from '../../src/queries/headline';
import { chooseScope } from '../../src/queries/hierarchy';
import { queryHistory } from '../../src/queries/history';
import { querySeries } from '../../src/queries/series';
import { querySnapshot } from '../../src/queries/snapshot';
import { rankScores, scoreLevel } from '../../src/scoring/scorecard';
import { DEFAULT_SETTINGS } from '../../src/scoring/settings';
import { makeLabels } from '../../src/ui/labels';
import { latestAtOrBefore, sampleObservations } from '../support/sample-csv';
import { sampleEngine } from '../support/samples';

// The views' models over the bundled sample, queried as the views query it: what each tile,
// chart and table says, checked against the sample CSVs read independently of the importer.

const labels = (locale: Locale) => {
  const t = (key: string, named?: Record<string, unknown>) => i18n.global.t(key, named ?? {}, { locale });
  return makeLabels(locale, t, (key) => i18n.global.te(key, locale));
};
const zh = labels('zh-CN');
const datasets = [...SAMPLE_DATASET_IDS];
const observations = sampleObservations();
const YEAR = 2024;
let engine: Engine;
let catalog: Catalog;

beforeAll(async () => {
  engine = await sampleEngine();
  catalog = await loadCatalog(engine, datasets);
});

async function overviewInput(indicatorId: string, locale: Locale = 'zh-CN') {
  const scope = chooseScope(catalog.entities);
  const ids = [scope.root?.entity_id ?? '', ...scope.members.map((m) => m.entity_id)];
  const snapshot = await querySnapshot(engine, { datasetIds: datasets, entityIds: ids, year: YEAR });
  const history = await queryHistory(engine, datasets, [scope.root?.entity_id ?? ''], YEAR);
  const kpi = snapshot.filter((r) => r.entity_id === scope.root?.entity_id);
  const points = await querySeries(engine, { datasetIds: datasets, indicatorId, entityIds: ids, toYear: YEAR });
  return {
    indicators: catalog.indicators,
    scope,
    headline: pickHeadline(catalog.indicators, new Set(kpi.map((r) => r.indicator_id)), 6),
    values: { year: YEAR, kpi, members: snapshot.filter((r) => r.entity_id !== scope.root?.entity_id), history },
    series: { indicatorId, year: YEAR, points },
    settings: DEFAULT_SETTINGS,
    labels: locale === 'en' ? labels('en') : zh,
    datasetNames: (list: readonly string[]) => list.join('、'),
    allSources: datasets.join('、'),
  };
}

describe('overview model', () => {
  it('titles, ranks and tabulates the charted indicator as the sample holds it', async () => {
    const input = await overviewInput('public_satisfaction');
    const m = buildOverview(input);
    expect(m.focus?.indicator_id).toBe('public_satisfaction');
    expect(m.trend?.title).toBe('群众满意度 · 各区县趋势');
    expect(m.ranking?.title).toBe('群众满意度 · 2024 年各区县排名');
    expect(m.ranking?.source).toBe('数据来源：sample-satisfaction。');
    // The ranking's table: every district with its latest value up to the year, best first.
    const rows = m.ranking?.table.rows ?? [];
    expect(rows).toHaveLength(input.scope.members.length);
    for (const [, name, value, period] of rows) {
      const d = input.scope.members.find((x) => x.name === name);
      const latest = latestAtOrBefore(observations, d?.entity_id ?? '', 'public_satisfaction', YEAR)[0];
      expect([value, period]).toEqual([latest?.value, latest?.period]);
    }
    const values = rows.map((r) => r[2] as number);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    // The trend's table holds exactly the points drawn.
    const cells = (m.trend?.table.rows ?? []).flatMap((r) => r.slice(1)).filter((v) => v !== null);
    expect(cells).toHaveLength(m.trend?.points ?? -1);
  });

  it('scores every district and lays the heatmap out one row per district', async () => {
    const m = buildOverview(await overviewInput('hightech_share'));
    expect(m.kpis.length).toBeGreaterThan(0);
    expect(m.scores.length).toBe(m.memberNames.size);
    expect(m.heatmap?.table.rows).toHaveLength(m.scores.length);
    expect(m.heatmap?.table.columns[0]).toBe('区县');
    const counts = m.trendCounts?.counts;
    expect(counts && counts['on-track'] + counts['at-risk'] + counts['off-track']).toBeGreaterThan(0);
  });

  it('speaks English when the switch says so', async () => {
    const m = buildOverview(await overviewInput('public_satisfaction', 'en'));
    expect(m.trend?.title).toBe('Public satisfaction · trend by district');
    expect(m.heatmap?.table.columns[0]).toBe('district');
  });

  it('draws nothing before the trend is in hand, rather than another indicator', async () => {
    const m = buildOverview({ ...(await overviewInput('public_satisfaction')), series: null });
    expect([m.focus, m.trend, m.ranking]).toEqual([null, null, null]);
  });
});

describe('compare model', () => {
  const ids = ['d01', 'd02', 'd03'];
  async function compare(change: boolean) {
    const points = await querySeries(engine, { datasetIds: datasets, indicatorId: 'hightech_share', entityIds: ids, toYear: 2024 });
    return buildCompare({ indicators: catalog.indicators, series: { indicatorId: 'hightech_share', points }, fromYear: 2020, toYear: 2024, change, labels: zh, datasetNames: (l) => l.join('、') });
  }

  it("states each entity's start and end over the range as the sample holds them", async () => {
    const m = await compare(false);
    expect(m?.rows.map((r) => r.entityId).sort()).toEqual(ids);
    for (const r of m?.rows ?? []) {
      const inRange = observations.filter((o) => o.entity_id === r.entityId && o.indicator_id === 'hightech_share' && Number(o.period.slice(0, 4)) >= 2020 && Number(o.period.slice(0, 4)) <= 2024).sort((a, b) => a.period.localeCompare(b.period));
      expect([r.start, r.end]).toEqual([inRange[0]?.value, inRange[inRange.length - 1]?.value]);
    }
    expect(m?.line.points).toBe(m?.line.table.rows.flatMap((r) => r.slice(1)).filter((v) => v !== null).length);
    expect(m?.multiples).toHaveLength(3);
    expect(m?.bar.title).toBe('高新技术产业占比 · 2024');
  });

  it('starts every line at zero when showing change since the start', async () => {
    const m = await compare(true);
    expect(m?.title).toBe('高新技术产业占比 · 较起始期变化');
    const first = m?.line.table.rows[0]?.slice(1) ?? [];
    expect(first.every((v) => v === 0 || v === null)).toBe(true);
  });
});

describe('scorecard model', () => {
  it("shows a district's latest values, its peers' average and its branches", async () => {
    const family = entityFamily(catalog.entities, 'd01');
    const peers = family.peers.map((p) => p.entity_id);
    const below = family.below.map((b) => b.entity_id);
    const values = {
      entityId: 'd01',
      year: YEAR,
      history: await queryHistory(engine, datasets, ['d01'], YEAR),
      peers: await querySnapshot(engine, { datasetIds: datasets, entityIds: peers, year: YEAR }),
      descendants: await querySnapshot(engine, { datasetIds: datasets, entityIds: below, year: YEAR }),
    };
    const m = buildScorecard({ indicators: catalog.indicators, family, values, settings: DEFAULT_SETTINGS, labels: zh, source: '' });
    expect(m.own?.entityId).toBe('d01');
    for (const c of m.cards) expect(c.row.value).toBe(latestAtOrBefore(observations, 'd01', c.indicator.indicator_id, YEAR)[0]?.value);
    expect(m.bars?.chart.table.rows).toHaveLength(m.own?.parts.length ?? -1);
    expect(m.descendants.length).toBeGreaterThan(0);
    expect(m.descendants.every((d) => family.below.some((b) => b.entity_id === d.id))).toBe(true);
    expect(m.trends).toHaveLength(m.cards.length);
  });

  async function scorecardOf(entityId: string, year: number) {
    const family = entityFamily(catalog.entities, entityId);
    const values = {
      entityId,
      year,
      history: await queryHistory(engine, datasets, [entityId], year),
      peers: await querySnapshot(engine, { datasetIds: datasets, entityIds: family.peers.map((p) => p.entity_id), year }),
      descendants: await querySnapshot(engine, { datasetIds: datasets, entityIds: family.below.map((b) => b.entity_id), year }),
    };
    return { values, m: buildScorecard({ indicators: catalog.indicators, family, values, settings: DEFAULT_SETTINGS, labels: zh, source: '' }) };
  }

  it('gives each district of the sample the value that alone earns its next star, and not a hair less', async () => {
    let checked = 0;
    for (const district of chooseScope(catalog.entities).members) {
      const { values, m } = await scorecardOf(district.entity_id, 2025);
      const stars = m.own?.stars ?? null;
      if (!m.nextStar) {
        expect(stars === 5 || m.own?.insufficient).toBe(true);
        continue;
      }
      expect(m.nextStar.stars).toBe((stars ?? 0) + 1);
      for (const step of m.nextStar.steps) {
        // Re-score the peers with this one value changed: the needed value earns the star (or more,
        // when it also lifts a gate); a value just short of it (toward the worse side) does not.
        const rescored = (value: number) =>
          scoreLevel(catalog.indicators, values.peers.map((r) => (r.entity_id === district.entity_id && r.indicator_id === step.indicatorId ? { ...r, value } : r)), DEFAULT_SETTINGS).find((s) => s.entityId === district.entity_id)?.stars;
        if (step.needed === null) continue;
        const direction = m.byId.get(step.indicatorId)?.direction ?? 1;
        // Min–max keeps the peers' range as it was; re-scoring recomputes it, which holds while
        // the needed value stays inside that range (it does: a score above 100 is never asked).
        expect(rescored(step.needed + direction * 1e-9)).toBeGreaterThanOrEqual(m.nextStar.stars);
        expect(rescored(step.needed - direction * 1e-3)).toBeLessThan(m.nextStar.stars);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(3);
  });

  it('writes a briefing that agrees with the ranking, the gates and the next star', async () => {
    for (const district of chooseScope(catalog.entities).members) {
      const { m } = await scorecardOf(district.entity_id, 2025);
      const rank = m.briefing.find((l) => l.rule === 'rank');
      const ranked = rankScores(m.peerScores);
      const position = ranked.findIndex((s) => s.entityId === district.entity_id) + 1;
      expect(rank?.text).toContain(`${district.name}在 ${ranked.length} 个区县中排第 ${position} 名`);
      expect(rank?.text).toContain(zh.t(`briefing.starName.${m.own?.stars}`));
      expect(m.briefing.some((l) => l.rule === 'gate')).toBe((m.own?.gatedBy.length ?? 0) > 0);
      const reachable = m.nextStar?.steps.find((s) => s.needed !== null);
      expect(m.briefing.some((l) => l.rule === 'nextStar')).toBe(reachable !== undefined);
    }
  });
});

describe('present model', () => {
  it('expands the default playlist and builds each kind of slide', async () => {
    const scope = chooseScope(catalog.entities);
    const root = scope.root?.entity_id ?? '';
    const members = scope.members.map((m) => m.entity_id);
    const below = catalog.entities.filter((e) => members.includes(e.parent_id ?? '')).map((e) => e.entity_id);
    const values = {
      year: YEAR,
      rootValues: await querySnapshot(engine, { datasetIds: datasets, entityIds: [root], year: YEAR }),
      memberValues: await querySnapshot(engine, { datasetIds: datasets, entityIds: members, year: YEAR }),
      history: await queryHistory(engine, datasets, [root, ...members], YEAR),
      belowValues: await querySnapshot(engine, { datasetIds: datasets, entityIds: below, year: YEAR }),
    };
    const show = buildShow({ indicators: catalog.indicators, entities: catalog.entities, scope, values, settings: DEFAULT_SETTINGS, labels: zh, show: DEFAULT_SHOW });
    expect(show.slides.map((s) => s.kind)).toEqual(['kpis', 'ranking', 'heatmap', ...members.map(() => 'district'), 'trend', 'trend', 'trend', 'trend']);
    const screen = { unit: 19.44, width: 1920, wide: 16 / 9 };
    expect(kpisSlide(show).tiles.length).toBe(show.headline.length);
    // The briefing slide says what the overview says for the same year and data.
    const overview = buildOverview({ ...(await overviewInput('public_satisfaction')), values: { year: YEAR, kpi: values.rootValues, members: values.memberValues, history: values.history } });
    expect(briefingSlide(show).map((l) => l.text)).toEqual(overview.briefing.map((l) => l.text));
    expect(titleOf(show, { kind: 'briefing' })).toBe(`述评 · ${YEAR} 年`);
    expect(heatmapSlide(show, screen).points).toBeGreaterThan(0);
    const d = districtSlide(show, members[0] as string, screen);
    expect(d.rank).not.toBeNull();
    expect(d.lagging.map((l) => l.composite)).toEqual([...d.lagging.map((l) => l.composite)].sort((a, b) => (a ?? 0) - (b ?? 0)));
    expect(d.bars).toBeNull(); // a 16:9 screen has no room for the score chart
    expect(districtSlide(show, members[0] as string, { ...screen, wide: 32 / 9 }).bars).not.toBeNull();
    expect(trendSlide(show, 'public_satisfaction', screen)?.list[0]?.emphasis).toBe(true);
    expect(titleOf(show, { kind: 'district', id: members[0] as string })).toContain(scope.members[0]?.name ?? '?');
    expect(labelOf(show, { kind: 'district', id: 'nowhere' })).toContain('（不在当前数据中）');
  });
});
