import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/domain/entity';
import { chooseScope } from '../../../src/queries/hierarchy';

const entity = (entity_id: string, level: string, parent_id: string | null = null): Entity => ({
  entity_id,
  name: entity_id,
  level,
  parent_id,
});
const ids = (list: readonly Entity[]) => list.map((e) => e.entity_id);

describe('chooseScope', () => {
  it('with city → districts → branches, takes the city as root and its districts as members', () => {
    // Listed as entitiesSql orders them: by level, then id; branches outnumber districts.
    const entities = [
      entity('b1', 'branch', 'd01'),
      entity('b2', 'branch', 'd01'),
      entity('b3', 'branch', 'd02'),
      entity('b4', 'branch', 'd03'),
      entity('b5', 'branch', 'd03'),
      entity('city', 'city'),
      entity('d01', 'district', 'city'),
      entity('d02', 'district', 'city'),
      entity('d03', 'district', 'city'),
    ];
    const scope = chooseScope(entities);
    expect(scope.root?.entity_id).toBe('city');
    expect(ids(scope.members)).toEqual(['d01', 'd02', 'd03']);
    expect(scope.level).toBe('district');
  });

  it('takes the root\u2019s children whatever their level, naming the most common one', () => {
    const entities = [entity('city', 'city'), entity('d01', 'district', 'city'), entity('d02', 'district', 'city'), entity('t01', 'town', 'city')];
    const scope = chooseScope(entities);
    expect(ids(scope.members)).toEqual(['d01', 'd02', 't01']);
    expect(scope.level).toBe('district');
  });

  it('with a flat list of regions has no root and compares the most common level', () => {
    const entities = [
      entity('u:Canada', 'region'),
      entity('u:World', 'aggregate'),
      entity('u:France', 'region'),
      entity('u:Japan', 'region'),
    ];
    const scope = chooseScope(entities);
    expect(scope.root).toBeNull();
    expect(ids(scope.members)).toEqual(['u:Canada', 'u:France', 'u:Japan']);
    expect(scope.level).toBe('region');
  });

  it('treats an entity whose parent is not in view as a top, not as a child', () => {
    const entities = [entity('d01', 'district', 'city'), entity('d02', 'district', 'city')];
    const scope = chooseScope(entities);
    expect(scope.root).toBeNull();
    expect(ids(scope.members)).toEqual(['d01', 'd02']);
    expect(scope.level).toBe('district');
  });

  it('has no root and no members for no entities', () => {
    expect(chooseScope([])).toEqual({ root: null, members: [], level: 'entity' });
  });
});

describe('chooseScope with several parents and no city', () => {
  it('compares the top entities side by side', () => {
    const e = (entity_id: string, level: string, parent_id: string | null) => ({ entity_id, name: entity_id, level, parent_id });
    const scope = chooseScope([e('d1', 'region', null), e('d2', 'region', null), e('d1/b', 'branch', 'd1'), e('d2/b', 'branch', 'd2')]);
    expect(scope.root).toBeNull();
    expect(scope.members.map((m) => m.entity_id)).toEqual(['d1', 'd2']);
  });
});
