import { clampSeconds, decodeToken, encodeSlides, MAX_TEXT, type SlideToken } from '../features/present/playlist';

// Every parameter any view reads from its link, parsed in one place. A link is typed by hand,
// pasted from a chat, or made by an older version: a value that does not parse is dropped and
// said (never fatal), and a value equal to its default is left out of the links the app writes.

export const COMPARE_TABS = ['line', 'bar', 'slope', 'multiples', 'table'] as const;
export type CompareTab = (typeof COMPARE_TABS)[number];
export const MODES = ['absolute', 'change'] as const;
export type Mode = (typeof MODES)[number];
/** What KPI tiles and tables set a value against. */
export const AGAINST = ['previous', 'yearAgo', 'target', 'peers'] as const;
export type Against = (typeof AGAINST)[number];

export interface UrlParams {
  /** Datasets in view; null: the default (the sample, or everything when there is none). */
  datasets: string[] | null;
  /** The year shown; null: the latest with data. */
  period: number | null;
  indicator: string | null;
  /** Compare: the entities compared; null: the default scope's members. */
  entities: string[] | null;
  /** Compare: the year range. */
  from: number | null;
  to: number | null;
  mode: Mode;
  tab: CompareTab;
  /** Overview and scorecards: what the tiles compare each value with. */
  vs: Against;
  /** Present: the playlist and its title bar; null: the saved show's. */
  slides: SlideToken[] | null;
  sec: number | null;
  org: string | null;
  title: string | null;
}

export const DEFAULT_PARAMS: Readonly<UrlParams> = Object.freeze({
  datasets: null,
  period: null,
  indicator: null,
  entities: null,
  from: null,
  to: null,
  mode: 'absolute',
  tab: 'line',
  vs: 'previous',
  slides: null,
  sec: null,
  org: null,
  title: null,
});

export type ParamKey = keyof UrlParams;
export const PARAM_KEYS = Object.keys(DEFAULT_PARAMS) as ParamKey[];

/** A parameter that was in the link and is not used, with why: shown to the person, in words. */
export interface DroppedParam {
  key: ParamKey;
  value: string;
  reason: 'malformed' | 'unknown';
}

const INVALID = Symbol('invalid');
type Parsed<T> = T | typeof INVALID;

interface Codec<T> {
  parse(raw: string): Parsed<T>;
  format(value: NonNullable<T>): string;
}

/** Percent-decoding that tolerates a malformed escape in a hand-edited link. */
function decodePart(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** A year: a whole number of at most four digits (the periods the catalog holds). */
const year: Codec<number | null> = {
  parse: (raw) => (/^\d{1,4}$/.test(raw.trim()) && Number(raw) > 0 ? Number(raw) : INVALID),
  format: String,
};

const text: Codec<string | null> = {
  parse: (raw) => (raw.trim() !== '' ? raw.trim() : INVALID),
  format: (v) => v,
};

/** A comma-separated list of ids, each percent-encoded, so an id holding a comma survives. */
const idList: Codec<string[] | null> = {
  parse: (raw) => {
    const ids = raw.split(',').map((p) => decodePart(p.trim()));
    if (ids.some((id) => id === null || id === '')) return INVALID;
    return [...new Set(ids as string[])];
  },
  format: (ids) => ids.map(encodeURIComponent).join(','),
};

function oneOf<T extends string>(values: readonly T[]): Codec<T> {
  return { parse: (raw) => ((values as readonly string[]).includes(raw) ? (raw as T) : INVALID), format: (v) => v };
}

/** The playlist: every token must parse, else the link's playlist is not the one its author meant. */
const slides: Codec<SlideToken[] | null> = {
  parse: (raw) => {
    const tokens = raw.split(',').map((p) => decodeToken(p.trim()));
    return tokens.length > 0 && tokens.every((t) => t !== null) ? (tokens as SlideToken[]) : INVALID;
  },
  format: (tokens) => encodeSlides(tokens),
};

const seconds: Codec<number | null> = {
  parse: (raw) => (raw.trim() !== '' && Number.isFinite(Number(raw)) ? clampSeconds(raw) : INVALID),
  format: String,
};

/** Title bar words: control characters become spaces, and the length is capped as the editor caps it. */
const titleText: Codec<string | null> = {
  parse: (raw) => raw.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, MAX_TEXT),
  format: (v) => v,
};

const CODECS: { [K in ParamKey]: Codec<UrlParams[K]> } = {
  datasets: idList,
  period: year,
  indicator: text,
  entities: idList,
  from: year,
  to: year,
  mode: oneOf(MODES),
  tab: oneOf(COMPARE_TABS),
  vs: oneOf(AGAINST),
  slides,
  sec: seconds,
  org: titleText,
  title: titleText,
};

/** A query value as vue-router gives it: a string, null (`?a`), or an array for a repeated key. */
type RawQuery = Record<string, unknown>;
function single(value: unknown): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v : null;
}

/** The typed parameters of a link, and what it held that could not be read. Unknown keys are left alone. */
export function parseParams(query: RawQuery): { params: UrlParams; dropped: DroppedParam[] } {
  const params: UrlParams = { ...DEFAULT_PARAMS };
  const dropped: DroppedParam[] = [];
  for (const key of PARAM_KEYS) {
    const raw = single(query[key]);
    if (raw === null || raw === '') continue;
    const value = CODECS[key].parse(raw);
    if (value === INVALID) dropped.push({ key, value: raw, reason: 'malformed' });
    else (params as unknown as Record<string, unknown>)[key] = value;
  }
  return { params, dropped };
}

function isDefault<K extends ParamKey>(key: K, value: UrlParams[K]): boolean {
  const d = DEFAULT_PARAMS[key];
  // An empty list means "the default" too: no dataset, entity or slide chosen.
  return value === null || value === d || (Array.isArray(value) && value.length === 0);
}

/** The query of a link: only the parameters that differ from their defaults, in a fixed order. */
export function formatParams(params: Partial<UrlParams>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of PARAM_KEYS) {
    const value = params[key];
    if (value === undefined || isDefault(key, value as UrlParams[typeof key])) continue;
    if ((key === 'org' || key === 'title') && value === '') continue;
    out[key] = (CODECS[key] as Codec<unknown>).format(value as NonNullable<unknown>);
  }
  return out;
}

/**
 * A link's query with `patch` applied: parameters of ours re-written from their typed values
 * (defaults and malformed values left out), anything else in the query kept as it was.
 */
export function patchQuery(query: RawQuery, patch: Partial<UrlParams>): Record<string, string> {
  const { params } = parseParams(query);
  const kept: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) {
    const s = single(v);
    if (!(PARAM_KEYS as string[]).includes(k) && s !== null) kept[k] = s;
  }
  return { ...kept, ...formatParams({ ...params, ...patch }) };
}

/** What a view knows exists: a parameter naming something else is dropped and said. */
export interface KnownThings {
  datasets?: ReadonlySet<string>;
  indicators?: ReadonlySet<string>;
  entities?: ReadonlySet<string>;
  years?: readonly number[];
}

/**
 * The parameters with what names nothing in view dropped: unknown datasets, an indicator or
 * entities the datasets in view do not hold, a year with no data. A list keeps its known members.
 */
export function checkParams(params: UrlParams, known: KnownThings): { params: UrlParams; dropped: DroppedParam[] } {
  const out = { ...params };
  const dropped: DroppedParam[] = [];
  const list = (key: 'datasets' | 'entities', set: ReadonlySet<string> | undefined) => {
    const ids = out[key];
    if (!set || !ids) return;
    const missing = ids.filter((id) => !set.has(id));
    if (missing.length === 0) return;
    dropped.push({ key, value: missing.join(','), reason: 'unknown' });
    const kept = ids.filter((id) => set.has(id));
    out[key] = kept.length > 0 ? kept : null;
  };
  list('datasets', known.datasets);
  list('entities', known.entities);
  if (known.indicators && out.indicator !== null && !known.indicators.has(out.indicator)) {
    dropped.push({ key: 'indicator', value: out.indicator, reason: 'unknown' });
    out.indicator = null;
  }
  if (known.years && known.years.length > 0) {
    for (const key of ['period', 'from', 'to'] as const) {
      const y = out[key];
      if (y !== null && !known.years.includes(y)) {
        dropped.push({ key, value: String(y), reason: 'unknown' });
        out[key] = null;
      }
    }
  }
  return { params: out, dropped };
}
