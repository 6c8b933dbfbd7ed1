import { describe, expect, it } from 'vitest';
import { parseParams } from '../../../src/app/url-params';
import type { Locale } from '../../../src/format/number';
import { i18n } from '../../../src/i18n';
import { compareWith, type Comparable } from '../../../src/ui/against';

const t = (locale: Locale) => (key: string, named?: Record<string, unknown>) => i18n.global.t(key, named ?? {}, { locale });
const sat = { direction: 1 as const, decimals: 1, unit: '%', target: 95 };
const days = { direction: -1 as const, decimals: 1, unit: '天', target: 3 };
const full: Comparable = { value: 92.3, previous: { period: '2025H1', value: 91.7 }, yearAgo: { period: '2024H2', value: 90.1 }, peers: { label: '云澜市各区县平均', value: 93.1 } };

describe('what a value is compared with', () => {
  it('sets it against the previous period, a year earlier, the target or the peers’ average', () => {
    expect(compareWith('previous', full, sat, 'zh-CN', t('zh-CN'))).toMatchObject({ move: 'better', text: '+0.6 个百分点', against: '较 2025 上半年', word: true });
    expect(compareWith('yearAgo', full, sat, 'zh-CN', t('zh-CN'))).toMatchObject({ move: 'better', text: '+2.2 个百分点', against: '同比（2024 下半年）' });
    expect(compareWith('target', full, sat, 'zh-CN', t('zh-CN'))).toMatchObject({ move: 'worse', arrow: '▼', text: '-2.7 个百分点', against: '目标 95.0%', word: false, status: 'near' });
    expect(compareWith('peers', full, sat, 'zh-CN', t('zh-CN'))).toMatchObject({ move: 'worse', text: '-0.8 个百分点', against: '较云澜市各区县平均 93.1%' });
    expect(compareWith('peers', full, sat, 'en', t('en'))).toMatchObject({ against: 'vs 云澜市各区县平均 93.1%' });
  });

  it('judges by direction: a lower-is-better value under its target is ahead of it', () => {
    expect(compareWith('target', { ...full, value: 2.8 }, days, 'zh-CN', t('zh-CN'))).toMatchObject({ move: 'better', arrow: '▼', status: 'met' });
  });

  it('says so when there is nothing to compare with', () => {
    const bare: Comparable = { value: 1, previous: null, yearAgo: null, peers: null };
    expect(compareWith('previous', bare, sat, 'zh-CN', t('zh-CN'))).toEqual({ missing: '无上期数据' });
    expect(compareWith('yearAgo', bare, sat, 'zh-CN', t('zh-CN'))).toEqual({ missing: '无同比数据' });
    expect(compareWith('peers', bare, sat, 'zh-CN', t('zh-CN'))).toEqual({ missing: '无同级数据' });
    expect(compareWith('target', bare, { ...sat, target: null }, 'zh-CN', t('zh-CN'))).toEqual({ missing: '无目标值' });
  });

  it('is kept in the link as vs=, and a value it does not know is dropped and said', () => {
    expect(parseParams({ vs: 'peers' }).params.vs).toBe('peers');
    const { params, dropped } = parseParams({ vs: 'neighbours' });
    expect(params.vs).toBe('previous');
    expect(dropped).toEqual([{ key: 'vs', value: 'neighbours', reason: 'malformed' }]);
  });
});
