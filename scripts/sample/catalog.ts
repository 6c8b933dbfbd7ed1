import { toCsv } from './csv';

export interface Indicator {
  id: string;
  nameZh: string;
  nameEn: string;
  category: 'industry' | 'satisfaction' | 'coverage' | 'income';
  unit: string;
  direction: 1 | -1;
  target: number | null;
  targetYear: number | null;
  weight: number;
  tier: 'basic' | 'characteristic';
  gateMin: number | null;
  gateMaxStars: number | null;
  decimals: number;
  definition: string;
}

const SOURCE = '示例数据（合成）';

// Column order is the `indicators` table of docs/data-format.md section 2.
const HEADER = [
  'indicator_id', 'name_zh', 'name_en', 'category', 'unit', 'direction', 'target', 'target_year', 'weight',
  'tier', 'gate_min', 'gate_max_stars', 'decimals', 'definition', 'source',
];

type Row = [string, string, string, Indicator['category'], string, 1 | -1, number | null, number | null, number, Indicator['tier'], number | null, number | null, string];

const ROWS: readonly Row[] = [
  ['hightech_share', '高新技术产业占比', 'High-tech industry share', 'industry', '%', 1, 40, 2027, 1.5, 'basic', null, null,
    '高新技术产业增加值占规模以上工业增加值的比重'],
  ['sei_share', '战略性新兴产业占比', 'Strategic emerging industry share', 'industry', '%', 1, 30, 2027, 1, 'basic', null, null,
    '战略性新兴产业增加值占规模以上工业增加值的比重'],
  ['digital_core_share', '数字经济核心产业占比', 'Digital economy core industry share', 'industry', '%', 1, 12, 2027, 1, 'characteristic', null, null,
    '数字经济核心产业增加值占地区生产总值的比重'],
  ['tertiary_share', '第三产业占比', 'Tertiary industry share', 'industry', '%', 1, null, null, 0.5, 'characteristic', null, null,
    '第三产业增加值占地区生产总值的比重；不设目标值'],
  ['public_satisfaction', '群众满意度', 'Public satisfaction', 'satisfaction', '%', 1, 95, 2026, 2, 'basic', 90, 3,
    '抽样调查中对党组织服务和基层治理表示满意或比较满意的受访群众比例'],
  ['business_env_satisfaction', '营商环境满意度', 'Business environment satisfaction', 'satisfaction', '%', 1, 92, 2026, 1.5, 'basic', null, null,
    '受访市场主体对营商环境表示满意或比较满意的比例'],
  ['gov_service_satisfaction', '政务服务满意度', 'Government service satisfaction', 'satisfaction', '%', 1, 95, 2026, 1, 'basic', null, null,
    '政务服务好差评中好评及满意评价所占比例'],
  ['service_days', '政务服务事项平均办理时限', 'Average processing time of government services', 'satisfaction', '天', -1, 3, 2026, 0.5, 'characteristic', null, null,
    '依申请政务服务事项从受理到办结的平均工作日数；越低越好'],
  ['nonpublic_org_coverage', '非公企业党组织覆盖率', 'Party organisation coverage of non-public enterprises', 'coverage', '%', 1, 100, 2025, 1, 'basic', null, null,
    '已建立党组织的规模以上非公有制企业占应建企业的比例'],
  ['party_work_coverage', '党的工作覆盖率', 'Party work coverage', 'coverage', '%', 1, 100, 2025, 1, 'basic', null, null,
    '通过选派党建指导员等方式开展党的工作的单位占应覆盖单位的比例'],
  ['legal_service_coverage', '村(社区)法律服务覆盖率', 'Legal service coverage of villages and communities', 'coverage', '%', 1, 100, 2025, 1, 'basic', null, null,
    '配备法律顾问或公共法律服务工作室的村(社区)占全部村(社区)的比例'],
  ['online_service_rate', '政务服务网办率', 'Online government service rate', 'coverage', '%', 1, 90, 2025, 1, 'basic', null, null,
    '通过网上或掌上渠道办结的政务服务事项占全部办件的比例'],
  ['waste_sorting_coverage', '垃圾分类设施覆盖率', 'Waste sorting facility coverage', 'coverage', '%', 1, 95, 2027, 0.5, 'characteristic', null, null,
    '配备生活垃圾分类收集设施的小区和自然村占总数的比例'],
  ['weak_village_income', '薄弱村集体稳定经营收入', "Stable operating income of weak villages' collectives", 'income', '万元', 1, 20, 2020, 1.5, 'basic', null, null,
    '经济薄弱村村集体当年稳定的经营性收入；区县和全市为所辖薄弱村的平均值'],
  ['weak_village_over20_share', '收入超20万元村占比', 'Share of weak villages above 200 thousand yuan', 'income', '%', 1, 100, 2020, 1, 'basic', null, null,
    '集体稳定经营收入达到20万元及以上的经济薄弱村占薄弱村总数的比例'],
];

export const INDICATORS: readonly Indicator[] = ROWS.map(
  ([id, nameZh, nameEn, category, unit, direction, target, targetYear, weight, tier, gateMin, gateMaxStars, definition]) => ({
    id, nameZh, nameEn, category, unit, direction, target, targetYear, weight, tier, gateMin, gateMaxStars, decimals: 1, definition,
  }),
);

const cell = (value: number | null): string => (value === null ? '' : String(value));

export function catalogCsv(): string {
  return toCsv(
    HEADER,
    INDICATORS.map((i) => [
      i.id, i.nameZh, i.nameEn, i.category, i.unit, String(i.direction), cell(i.target), cell(i.targetYear), String(i.weight),
      i.tier, cell(i.gateMin), cell(i.gateMaxStars), String(i.decimals), i.definition, SOURCE,
    ]),
  );
}
