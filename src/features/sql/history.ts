import { defineVersioned } from '../../persist/migrate';

/** One query the person ran, newest first in the history. */
export interface HistoryEntry {
  sql: string;
  /** When it last ran (ms since epoch). */
  at: number;
  /** Rows it gave, or null where it failed. */
  rows: number | null;
}

export interface SqlHistory {
  entries: HistoryEntry[];
}

export const HISTORY_SIZE = 50;
/** A query longer than this is not kept: the history lives in localStorage, shared with settings. */
export const HISTORY_MAX_CHARS = 20_000;

/** The history with `entry` first; the same text run again moves up rather than repeating. */
export function remember(history: SqlHistory, entry: HistoryEntry): SqlHistory {
  if (entry.sql.length > HISTORY_MAX_CHARS || entry.sql.trim() === '') return history;
  const rest = history.entries.filter((e) => e.sql !== entry.sql);
  return { entries: [entry, ...rest].slice(0, HISTORY_SIZE) };
}

const isEntry = (e: unknown): e is HistoryEntry => {
  const v = e as Partial<HistoryEntry> | null;
  return typeof v?.sql === 'string' && typeof v.at === 'number' && (v.rows === null || typeof v.rows === 'number');
};

export const SAVED_HISTORY = defineVersioned<SqlHistory>({
  version: 1,
  steps: [],
  sanitize: (raw) => {
    const entries = (raw as { entries?: unknown } | null)?.entries;
    return { entries: Array.isArray(entries) ? entries.filter(isEntry).slice(0, HISTORY_SIZE) : [] };
  },
});
