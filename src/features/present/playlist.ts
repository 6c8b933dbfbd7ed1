// A show: which slides, in which order, how long each stands, and the title bar's words. It lives
// in the URL (so one link starts the same show on the meeting-room PC) and in saved settings.

/** What a person puts in the playlist; `districts` and `trends` stand for a whole group. */
export type SlideToken =
  | { kind: 'briefing' }
  | { kind: 'kpis' }
  | { kind: 'ranking' }
  | { kind: 'heatmap' }
  | { kind: 'districts' }
  | { kind: 'district'; id: string }
  | { kind: 'trends' }
  | { kind: 'trend'; id: string }
  | { kind: 'map'; id: string };

/** One slide as shown, after the groups are expanded against the data in view. */
export type Slide =
  | { kind: 'briefing' }
  | { kind: 'kpis' }
  | { kind: 'ranking' }
  | { kind: 'heatmap' }
  | { kind: 'district'; id: string }
  | { kind: 'trend'; id: string }
  /** The districts on the map, coloured by one indicator. */
  | { kind: 'map'; id: string };

export interface Show {
  slides: SlideToken[];
  /** Seconds each slide stands before the next. */
  seconds: number;
  /** Title bar: organisation (empty: the city's name) and meeting (empty: the app's title). */
  org: string;
  title: string;
}

export const MIN_SECONDS = 0.1;
export const MAX_SECONDS = 3600;
export const MAX_TEXT = 80;
/** How many headline indicators the `trends` group shows. */
export const TREND_COUNT = 4;

export const DEFAULT_SHOW: Show = {
  slides: [{ kind: 'kpis' }, { kind: 'ranking' }, { kind: 'heatmap' }, { kind: 'districts' }, { kind: 'trends' }],
  seconds: 20,
  org: '',
  title: '',
};

const SIMPLE = new Set(['briefing', 'kpis', 'ranking', 'heatmap', 'districts', 'trends']);

/** `district:<id>` with the id percent-encoded, so ids holding `,` or `:` survive the round trip. */
export function encodeToken(token: SlideToken): string {
  return 'id' in token ? `${token.kind}:${encodeURIComponent(token.id)}` : token.kind;
}

export function decodeToken(text: string): SlideToken | null {
  const colon = text.indexOf(':');
  if (colon < 0) return SIMPLE.has(text) ? ({ kind: text } as SlideToken) : null;
  const kind = text.slice(0, colon);
  if (kind !== 'district' && kind !== 'trend' && kind !== 'map') return null;
  try {
    const id = decodeURIComponent(text.slice(colon + 1));
    return id === '' ? null : { kind, id };
  } catch {
    return null; // a malformed escape in a hand-edited link
  }
}

export function encodeSlides(tokens: readonly SlideToken[]): string {
  return tokens.map(encodeToken).join(',');
}

/** Unknown or malformed entries are dropped, not fatal: a link from a newer version still plays. */
export function decodeSlides(text: string): SlideToken[] {
  return text
    .split(',')
    .map((part) => decodeToken(part.trim()))
    .filter((t): t is SlideToken => t !== null);
}

export function clampSeconds(value: unknown, fallback = DEFAULT_SHOW.seconds): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? Math.min(MAX_SECONDS, Math.max(MIN_SECONDS, n)) : fallback;
}

function cleanText(value: unknown): string {
  return typeof value === 'string' ? value.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, MAX_TEXT) : '';
}

/** A show read from storage or a hand-made object, checked field by field. */
export function sanitizeShow(raw: unknown): Show {
  const r = (raw ?? {}) as Partial<Record<keyof Show, unknown>>;
  const slides = Array.isArray(r.slides)
    ? r.slides.flatMap((s) => {
        const text = typeof s === 'string' ? s : typeof s === 'object' && s !== null && typeof (s as { kind?: unknown }).kind === 'string' ? encodeToken(s as SlideToken) : '';
        const t = decodeToken(text);
        return t ? [t] : [];
      })
    : [];
  return {
    slides: slides.length > 0 ? slides : [...DEFAULT_SHOW.slides],
    seconds: clampSeconds(r.seconds),
    org: cleanText(r.org),
    title: cleanText(r.title),
  };
}

type Query = Record<string, unknown>;
const first = (v: unknown): string | null => {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === 'string' ? x : null;
};

/** Whether a URL says anything about the show (then it wins over the saved one, field by field). */
export function queryHasShow(query: Query): boolean {
  return ['slides', 'sec', 'org', 'title'].some((k) => first(query[k]) !== null);
}

/** The show a URL describes, with anything it leaves out taken from `base`. */
export function showFromQuery(query: Query, base: Show): Show {
  const slides = first(query.slides);
  const decoded = slides !== null ? decodeSlides(slides) : [];
  const sec = first(query.sec);
  const org = first(query.org);
  const title = first(query.title);
  return {
    slides: decoded.length > 0 ? decoded : base.slides,
    seconds: sec !== null ? clampSeconds(sec, base.seconds) : base.seconds,
    org: org !== null ? cleanText(org) : base.org,
    title: title !== null ? cleanText(title) : base.title,
  };
}

/** The URL parameters of a show; empty titles are left out so the link stays short. */
export function showQuery(show: Show): Record<string, string> {
  const q: Record<string, string> = { slides: encodeSlides(show.slides), sec: String(show.seconds) };
  if (show.org) q.org = show.org;
  if (show.title) q.title = show.title;
  return q;
}

export interface ExpandContext {
  /** Districts (members of the scope) in the order the show visits them. */
  districts: readonly string[];
  /** Indicators in view, and the headline ones the `trends` group stands for. */
  indicators: ReadonlySet<string>;
  headline: readonly string[];
  /** Whether the data has a city: headline tiles are the city's figures. */
  hasRoot: boolean;
}

/** The slides to show: groups expanded, entries naming something not in view dropped. */
export function expandSlides(tokens: readonly SlideToken[], ctx: ExpandContext): Slide[] {
  const known = new Set(ctx.districts);
  const out: Slide[] = [];
  for (const t of tokens) {
    if (t.kind === 'districts') out.push(...ctx.districts.map((id) => ({ kind: 'district' as const, id })));
    else if (t.kind === 'trends') out.push(...ctx.headline.slice(0, TREND_COUNT).map((id) => ({ kind: 'trend' as const, id })));
    else if (t.kind === 'district') {
      if (known.has(t.id)) out.push(t);
    } else if (t.kind === 'trend' || t.kind === 'map') {
      if (ctx.indicators.has(t.id)) out.push(t);
    } else if (t.kind !== 'kpis' || ctx.hasRoot) out.push(t);
  }
  // Nothing playable (every entry names something absent): the headline figures still make a show.
  return out.length > 0 ? out : [ctx.hasRoot ? { kind: 'kpis' } : { kind: 'ranking' }];
}

export function slideKey(slide: Slide): string {
  return encodeToken(slide);
}

/** Step through the slides in a ring: past the last comes the first, before the first the last. */
export function stepIndex(index: number, delta: number, count: number): number {
  if (count <= 0) return 0;
  return (((index + delta) % count) + count) % count;
}
