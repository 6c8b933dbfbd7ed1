export type Level = 'city' | 'district' | 'town' | 'village' | 'branch';

export interface Entity {
  id: string;
  name: string;
  level: Level;
  parentId: string | null;
}

/** A village or branch together with the district it rolls up to. */
export interface Member extends Entity {
  districtId: DistrictId;
}

export const CITY: Entity = { id: 'city', name: '云澜市', level: 'city', parentId: null };

export const DISTRICT_IDS = ['d01', 'd02', 'd03', 'd04', 'd05', 'd06', 'd07', 'd08', 'd09'] as const;
export type DistrictId = (typeof DISTRICT_IDS)[number];

const DISTRICT_NAMES: Record<DistrictId, string> = {
  d01: '东湖区',
  d02: '西城区',
  d03: '南港区',
  d04: '北岭区',
  d05: '高新区',
  d06: '临江县',
  d07: '青山县',
  d08: '白沙县',
  d09: '清河县',
};

export const DISTRICTS: readonly Entity[] = DISTRICT_IDS.map((id) => ({
  id,
  name: DISTRICT_NAMES[id],
  level: 'district',
  parentId: CITY.id,
}));

/**
 * Towns in id order, with the economically weak villages under each. Counties have two towns and
 * most of the weak villages; the urban districts one town each, and only the two with a rural
 * fringe (南港区, 北岭区) have weak villages at all.
 */
const TOWNS: readonly (readonly [DistrictId, string, readonly string[]])[] = [
  ['d01', '东湖街道', []],
  ['d02', '西关街道', []],
  ['d03', '南湾镇', ['沙湾村']],
  ['d04', '松岭镇', ['松坡村', '鹿鸣村', '槐树村']],
  ['d05', '云谷街道', []],
  ['d06', '临江镇', ['柳塘村', '杏花村', '荷塘村', '芦湾村']],
  ['d06', '石桥镇', ['石门村', '双桥村', '下庄村', '新塘村']],
  ['d07', '青山街道', ['青石村', '云峰村', '枫林村']],
  ['d07', '竹溪乡', ['竹园村', '茶山村', '龙潭村', '凤岭村']],
  ['d08', '白沙镇', ['白石村', '金沙村', '上湾村', '黄土村']],
  ['d08', '梅岭乡', ['梅溪村', '马鞍村', '东坪村', '西坡村']],
  ['d09', '清河镇', ['清泉村', '稻香村', '前进村']],
  ['d09', '桃源镇', ['桃园村', '梨花村', '银杏村']],
];

/**
 * Eight branches per district, named "<district><unit>党支部". Village branches sit in villages of
 * the same district so that a branch and its weak village tell one story.
 */
const BRANCH_UNITS: Record<DistrictId, readonly string[]> = {
  d01: ['晨光社区', '望湖社区', '春晖社区', '翠园社区', '发改局机关', '政务服务中心', '恒通物流企业', '星河电子企业'],
  d02: ['和平社区', '友谊社区', '文昌社区', '新华社区', '财政局机关', '教育局机关', '博远医药企业', '华联商贸企业'],
  d03: ['滨江社区', '海棠社区', '南苑社区', '沙湾村', '人社局机关', '市场监管局机关', '港湾航运企业', '江南纺织企业'],
  d04: ['朝阳社区', '北苑社区', '松坡村', '鹿鸣村', '卫健局机关', '自然资源局机关', '恒力机械企业', '北岭建材企业'],
  d05: ['锦绣社区', '紫荆社区', '创新社区', '金桥社区', '管委会机关', '科技局机关', '云谷科技企业', '华峰新材料企业'],
  d06: ['柳塘村', '杏花村', '石门村', '双桥村', '江滨社区', '幸福社区', '农业农村局机关', '绿源食品企业'],
  d07: ['青石村', '云峰村', '竹园村', '茶山村', '安居社区', '花园社区', '司法局机关', '青禾农业企业'],
  d08: ['白石村', '金沙村', '梅溪村', '马鞍村', '阳光社区', '长乐社区', '政务服务中心', '白沙陶瓷企业'],
  d09: ['清泉村', '稻香村', '桃园村', '梨花村', '河畔社区', '康宁社区', '住建局机关', '清河酿造企业'],
};

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export const TOWN_ENTITIES: readonly Entity[] = TOWNS.map(([districtId, name], i) => ({
  id: `t${pad(i + 1, 2)}`,
  name,
  level: 'town',
  parentId: districtId,
}));

export const VILLAGES: readonly Member[] = TOWNS.flatMap(([districtId, , villages], townIndex) =>
  villages.map((name) => ({ name, level: 'village' as const, parentId: `t${pad(townIndex + 1, 2)}`, districtId })),
).map((village, i) => ({ id: `v${pad(i + 1, 2)}`, ...village }));

export const BRANCHES: readonly Member[] = DISTRICT_IDS.flatMap((districtId) =>
  BRANCH_UNITS[districtId].map((unit) => ({
    name: `${DISTRICT_NAMES[districtId]}${unit}党支部`,
    level: 'branch' as const,
    parentId: districtId,
    districtId,
  })),
).map((branch, i) => ({ id: `b${pad(i + 1, 3)}`, ...branch }));

/** Parents before children, so a loader can insert top-down. */
export const ENTITIES: readonly Entity[] = [CITY, ...DISTRICTS, ...TOWN_ENTITIES, ...VILLAGES, ...BRANCHES];

const byId = new Map(ENTITIES.map((e) => [e.id, e]));

export function entityName(id: string): string {
  const entity = byId.get(id);
  if (entity === undefined) throw new Error(`unknown entity ${id}`);
  return entity.name;
}

export function branchByName(name: string): Member {
  const branch = BRANCHES.find((b) => b.name === name);
  if (branch === undefined) throw new Error(`unknown branch ${name}`);
  return branch;
}

export function districtIndex(id: DistrictId): number {
  return DISTRICT_IDS.indexOf(id);
}
