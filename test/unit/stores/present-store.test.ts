import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it, vi } from 'vitest';
import { SAVED_SHOW, usePresentStore } from '../../../src/features/present/present-store';
import { DEFAULT_SHOW } from '../../../src/features/present/playlist';
import { migrate } from '../../../src/persist/migrate';
import { deniedStorage, withMemoryStorage } from '../persist/memory-storage';

// `hqd.present` exactly as the store wrote it before saved values carried a version.
const V1 = {
  slides: [{ kind: 'kpis' }, { kind: 'district', id: 'd03' }, { kind: 'trend', id: 'public_satisfaction' }, { kind: 'districts' }],
  seconds: 15,
  org: '云澜市委组织部',
  title: '季度点评会',
};

const current = withMemoryStorage();

describe('saved Present playlist: version 1 → 2', () => {
  it('the step keeps the slides, seconds and titles of the unversioned shape', () => {
    const step = SAVED_SHOW.steps[0]!;
    expect(step.from).toBe(1);
    expect(step.migrate(V1)).toEqual(V1);
    expect(migrate(V1, SAVED_SHOW)).toEqual({ ...V1, version: 2 });
  });

  it('the store plays the old show and saves the next edit versioned', () => {
    current().setItem('hqd.present', JSON.stringify(V1));
    const store = usePresentStore();
    expect(store.saved).toEqual(V1);
    store.save({ ...store.saved, seconds: 30 });
    expect(JSON.parse(current().getItem('hqd.present') ?? '')).toEqual({ version: 2, ...V1, seconds: 30 });
  });
});

describe('Present store persistence', () => {
  it('gives the default show for a corrupt or hand-edited value, and cleans what it can', () => {
    for (const text of ['{"slides":[', '42', '{"version":2,"slides":"kpis"}']) {
      current().setItem('hqd.present', text);
      setActivePinia(createPinia());
      expect(usePresentStore().saved, text).toEqual(DEFAULT_SHOW);
    }
    current().setItem('hqd.present', '{"version":2,"slides":["ranking",{"kind":"bogus"},{"kind":"district","id":"d01"}],"seconds":-4,"org":7,"title":"会\\u0007议"}');
    setActivePinia(createPinia());
    expect(usePresentStore().saved).toEqual({ slides: [{ kind: 'ranking' }, { kind: 'district', id: 'd01' }], seconds: 0.1, org: '', title: '会 议' });
  });

  it('resets to the default show, and saves that', () => {
    current().setItem('hqd.present', JSON.stringify(V1));
    const store = usePresentStore();
    store.reset();
    expect(store.saved).toEqual(DEFAULT_SHOW);
    expect(JSON.parse(current().getItem('hqd.present') ?? '')).toEqual({ version: 2, ...DEFAULT_SHOW });
  });

  it('keeps the show for the session when storage is denied', () => {
    vi.unstubAllGlobals();
    deniedStorage();
    const store = usePresentStore();
    store.save({ ...DEFAULT_SHOW, title: '会议' });
    expect(store.saved.title).toBe('会议');
  });
});
