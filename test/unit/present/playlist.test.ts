import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SHOW,
  clampSeconds,
  decodeSlides,
  encodeSlides,
  expandSlides,
  queryHasShow,
  sanitizeShow,
  showFromQuery,
  showQuery,
  stepIndex,
  type SlideToken,
} from '../../../src/features/present/playlist';

const ctx = { districts: ['d01', 'd02', 'd03'], indicators: new Set(['a', 'b', 'c', 'd', 'e']), headline: ['e', 'd', 'c', 'b', 'a'], hasRoot: true };

describe('playlist encoding', () => {
  it('round-trips every kind of entry, ids with commas, colons and non-ASCII included', () => {
    const tokens: SlideToken[] = [
      { kind: 'kpis' },
      { kind: 'ranking' },
      { kind: 'heatmap' },
      { kind: 'districts' },
      { kind: 'district', id: 'u:东湖区, 北' },
      { kind: 'trends' },
      { kind: 'trend', id: 'u:GDP (current US$)' },
      { kind: 'map', id: 'hightech_share' },
    ];
    const text = encodeSlides(tokens);
    expect(text.split(',')).toHaveLength(tokens.length);
    expect(decodeSlides(text)).toEqual(tokens);
  });

  it('drops unknown kinds, empty ids and malformed escapes instead of failing', () => {
    expect(decodeSlides('kpis,slideshow,district:,trend:%E0%A4%A,ranking,district:d01')).toEqual([{ kind: 'kpis' }, { kind: 'ranking' }, { kind: 'district', id: 'd01' }]);
    expect(decodeSlides('')).toEqual([]);
  });

  it('clamps seconds per slide and falls back on nonsense', () => {
    expect(clampSeconds('15')).toBe(15);
    expect(clampSeconds('0')).toBe(0.1);
    expect(clampSeconds(99999)).toBe(3600);
    expect(clampSeconds('abc', 7)).toBe(7);
    expect(clampSeconds('', 7)).toBe(7);
  });
});

describe('show in the URL', () => {
  it('reads a link and writes one that reads back the same', () => {
    const query = { slides: 'district:d02,trend:a', sec: '12.5', org: '市委组织部', title: '季度推进会' };
    expect(queryHasShow(query)).toBe(true);
    const show = showFromQuery(query, DEFAULT_SHOW);
    expect(show).toEqual({ slides: [{ kind: 'district', id: 'd02' }, { kind: 'trend', id: 'a' }], seconds: 12.5, org: '市委组织部', title: '季度推进会' });
    expect(showFromQuery(showQuery(show), DEFAULT_SHOW)).toEqual(show);
  });

  it('takes what a link leaves out from the saved show', () => {
    const saved = { ...DEFAULT_SHOW, seconds: 45, org: '某单位' };
    expect(queryHasShow({ datasets: 'x' })).toBe(false);
    expect(queryHasShow({ sec: '5' })).toBe(true);
    expect(showFromQuery({ sec: '5' }, saved)).toEqual({ ...saved, seconds: 5 });
    const show = showFromQuery({ slides: 'ranking' }, saved);
    expect(show.seconds).toBe(45);
    expect(show.org).toBe('某单位');
    // A link whose entries are all unreadable keeps the saved slides.
    expect(showFromQuery({ slides: 'nonsense' }, saved).slides).toEqual(saved.slides);
  });

  it('leaves empty titles out of the link', () => {
    expect(showQuery(DEFAULT_SHOW)).toEqual({ slides: 'kpis,ranking,heatmap,districts,trends', sec: '20' });
  });

  it('cleans titles of control characters and keeps them short', () => {
    const show = sanitizeShow({ slides: ['kpis'], seconds: 5, org: 'a\u0000b\nc', title: 'x'.repeat(200) });
    expect(show.org).toBe('a b c');
    expect(show.title).toHaveLength(80);
  });

  it('reads saved shows field by field, whatever is stored', () => {
    expect(sanitizeShow(null)).toEqual(DEFAULT_SHOW);
    expect(sanitizeShow({ slides: [1, null, { kind: 'ranking' }, 'heatmap', { kind: 7 }], seconds: 'x' })).toEqual({
      ...DEFAULT_SHOW,
      slides: [{ kind: 'ranking' }, { kind: 'heatmap' }],
    });
    expect(sanitizeShow({ slides: 'kpis' }).slides).toEqual(DEFAULT_SHOW.slides);
  });
});

describe('expanding a playlist', () => {
  it('expands the groups: every district in order, the first four headline indicators', () => {
    expect(expandSlides(DEFAULT_SHOW.slides, ctx)).toEqual([
      { kind: 'kpis' },
      { kind: 'ranking' },
      { kind: 'heatmap' },
      { kind: 'district', id: 'd01' },
      { kind: 'district', id: 'd02' },
      { kind: 'district', id: 'd03' },
      { kind: 'trend', id: 'e' },
      { kind: 'trend', id: 'd' },
      { kind: 'trend', id: 'c' },
      { kind: 'trend', id: 'b' },
    ]);
  });

  it('skips entries naming what is not in view, and headline tiles without a city', () => {
    const tokens: SlideToken[] = [{ kind: 'kpis' }, { kind: 'district', id: 'd09' }, { kind: 'trend', id: 'zz' }, { kind: 'trend', id: 'a' }, { kind: 'map', id: 'zz' }, { kind: 'map', id: 'a' }];
    expect(expandSlides(tokens, ctx)).toEqual([{ kind: 'kpis' }, { kind: 'trend', id: 'a' }, { kind: 'map', id: 'a' }]);
    expect(expandSlides(tokens, { ...ctx, hasRoot: false })).toEqual([{ kind: 'trend', id: 'a' }, { kind: 'map', id: 'a' }]);
  });

  it('still has a slide when nothing in the playlist can be shown', () => {
    expect(expandSlides([{ kind: 'district', id: 'gone' }], ctx)).toEqual([{ kind: 'kpis' }]);
    expect(expandSlides([{ kind: 'district', id: 'gone' }], { ...ctx, hasRoot: false })).toEqual([{ kind: 'ranking' }]);
  });

  it('steps in a ring both ways', () => {
    expect(stepIndex(4, 1, 5)).toBe(0);
    expect(stepIndex(0, -1, 5)).toBe(4);
    expect(stepIndex(2, -7, 5)).toBe(0);
    expect(stepIndex(0, 1, 0)).toBe(0);
  });
});
