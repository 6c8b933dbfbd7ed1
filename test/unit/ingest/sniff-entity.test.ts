import { describe, expect, it } from 'vitest';
import { mappingProblems } from '../../../src/ingest/import-file';
import { sniff, toMapping } from '../../../src/ingest/sniff';

// A national series has no entity column: the whole file is one entity, the place a metadata line
// names or, where none does, the country (全国), proposed for the person to confirm.

const NATIONAL_QUARTERLY = [
  '数据库：季度数据',
  '时间：最近6季度',
  '指标,2024年第三季度,2024年第二季度,2024年第一季度',
  '国内生产总值累计值(亿元),949746.4,616836.2,296299.5',
  '第一产业增加值累计值(亿元),53443.9,30071.0,11538.0',
  '数据来源：国家统计局',
].join('\n');

describe('a file with no entity column', () => {
  it('is proposed as the country, 全国, for the person to confirm, and can be imported as it is', () => {
    const sniffed = sniff(NATIONAL_QUARTERLY, { fileName: '季度数据.csv', complete: true });
    expect(sniffed.layout).toBe('wide-period');
    expect(sniffed.columns.map((c) => c.role)).toEqual(['indicator', 'measure', 'measure', 'measure']);
    expect(sniffed.entity).toEqual({ name: '全国' });
    expect(sniffed.warnings).toContain('sniff.noEntity');
    expect(sniffed.confidence).toBe('low');
    const mapping = toMapping(sniffed, 'utf-8');
    expect(mapping.entity).toEqual({ name: '全国' });
    expect(mappingProblems(mapping)).toEqual([]);
  });

  it('takes the place a metadata line names, and then asks nothing about it', () => {
    for (const line of ['地区：上海市', '地区: 上海市', '"地区：","上海市"'])
      expect(sniff(`${line}\n${NATIONAL_QUARTERLY}`, { complete: true }).entity, line).toEqual({ name: '上海市' });
    const sniffed = sniff(`Region: Ontario\nindicator,2023,2024\nGDP,1.5,2.5\n`, { complete: true });
    expect(sniffed.entity).toEqual({ name: 'Ontario' });
    expect(sniffed.warnings).not.toContain('sniff.noEntity');
  });

  it('has none when a column holds the entities, and a blank one is a problem to fix', () => {
    const withColumn = sniff('地区,年份,指标,数值\n东湖区,2023,得分,1\n', { complete: true });
    expect(withColumn.entity).toEqual({ name: '' });
    const mapping = toMapping(sniff(NATIONAL_QUARTERLY, { complete: true }), 'utf-8');
    expect(mappingProblems({ ...mapping, entity: { name: '  ' } })).toEqual(['mapping.needEntity']);
    // A mapping saved before files could have one entity: as before, it needs an entity column.
    const saved = { ...mapping };
    delete saved.entity;
    expect(mappingProblems(saved)).toEqual(['mapping.needEntity']);
  });
});
