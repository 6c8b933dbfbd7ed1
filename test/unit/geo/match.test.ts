import { describe, expect, it } from 'vitest';
import { matchFeatures, normalName } from '../../../src/geo/match';

describe('matching boundary features to entities', () => {
  it('takes names with or without their suffix, spaces of any kind and full-width characters as the same', () => {
    expect(normalName('东湖区')).toBe('东湖');
    expect(normalName(' 东湖\u3000')).toBe('东湖');
    expect(normalName('南湾镇')).toBe('南湾');
    expect(normalName('东湖街道')).toBe('东湖');
    expect(normalName('Ｄ０１\u00a0区')).toBe('D01');
    expect(normalName('市')).toBe('市');
  });

  it('pairs by code first, then by a name that points to one entity, and lists what is left on both sides', () => {
    const entities = [
      { entity_id: 'd01', name: '东湖区' },
      { entity_id: 'd02', name: '西城区' },
      { entity_id: 'd03', name: '新城镇' },
      { entity_id: 'd04', name: '新城街道' },
      { entity_id: 'd05', name: '北岭区' },
    ];
    const features = [
      { name: '随便叫', code: 'd05' },
      { name: '东湖', code: null },
      { name: '西城 区', code: '440101' },
      { name: '新城', code: null },
      { name: '远方县', code: null },
    ];
    const m = matchFeatures(features, entities);
    expect([...m.matched]).toEqual([
      ['随便叫', 'd05'],
      ['东湖', 'd01'],
      ['西城 区', 'd02'],
    ]);
    // Two entities are called 新城: not guessed.
    expect(m.unmatchedFeatures).toEqual(['新城', '远方县']);
    expect(m.unmatchedEntities.map((e) => e.entity_id)).toEqual(['d03', 'd04']);
    // Paired by hand, it is taken.
    expect(matchFeatures(features, entities, new Map([['新城', 'd03']])).matched.get('新城')).toBe('d03');
  });
});
