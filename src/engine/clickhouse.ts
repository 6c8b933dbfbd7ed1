import { bindParameters } from './clickhouse-bind';
import { clickhouse } from './dialect';
import type { Columns, Engine, QueryOptions, Row, SqlParam } from './types';

// The Engine over ClickHouse's HTTP interface, for data past one browser. Plain `fetch` rather
// than @clickhouse/client-web: that client sends query parameters and settings in the URL, which
// Debian's ClickHouse 18.16 does not know and a readonly user may not set. Every statement is
// a read: the browser's user is readonly on the server, and importing is switched off here.

export interface ClickHouseConfig {
  /** The HTTP interface: `/clickhouse/` behind the page's own origin, or a full URL under Node. */
  url: string;
  database: string;
  user: string;
  password?: string;
}

/** Raised by every call that would write: data reaches ClickHouse through `npm run clickhouse:load`. */
export class ReadOnlyEngineError extends Error {
  constructor(what: string) {
    super(`${what} is not available over ClickHouse: data is loaded by an administrator (npm run clickhouse:load)`);
    this.name = 'ReadOnlyEngineError';
  }
}

interface JsonCompact {
  meta: { name: string; type: string }[];
  data: unknown[][];
}

// 64-bit integers come as strings in ClickHouse's JSON (output_format_json_quote_64bit_integers,
// which a readonly user may not switch off); every count of ours fits a double.
const SIXTY_FOUR = /^(Nullable\()?U?Int(64|128|256)\)?$/;

function converter(type: string): (v: unknown) => unknown {
  if (SIXTY_FOUR.test(type)) return (v) => (v === null ? null : Number(v));
  return (v) => v;
}

/** ClickHouse's message without its wrapping: `Code: 62, e.displayText() = DB::Exception: …, e.what() = …`. */
export function clickhouseMessage(body: string): string {
  const text = body.trim();
  const m = /e\.displayText\(\) = (?:DB::Exception: )?([\s\S]*?)(?:, e\.what\(\) = [\w:]+)?$/.exec(text);
  return (m?.[1] ?? text).trim() || 'ClickHouse refused the statement';
}

export class ClickHouseEngine implements Engine {
  readonly dialect = clickhouse;

  constructor(
    private readonly config: ClickHouseConfig,
    private readonly send: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  private async ask(sql: string, params: readonly SqlParam[] | undefined, signal?: AbortSignal): Promise<JsonCompact> {
    const statement = `${bindParameters(sql, params)}\nFORMAT JSONCompact`;
    const url = `${this.config.url}${this.config.url.includes('?') ? '&' : '?'}database=${encodeURIComponent(this.config.database)}`;
    const res = await this.send(url, {
      method: 'POST',
      body: statement,
      signal,
      headers: { Authorization: `Basic ${btoa(`${this.config.user}:${this.config.password ?? ''}`)}`, 'Content-Type': 'text/plain; charset=utf-8' },
    });
    const body = await res.text();
    if (!res.ok) throw new Error(clickhouseMessage(body));
    return JSON.parse(body) as JsonCompact;
  }

  async query<T extends object = Row>(sql: string, params?: readonly SqlParam[], options?: QueryOptions): Promise<T[]> {
    const { meta, data } = await this.ask(sql, params, options?.signal);
    const convert = meta.map((m) => converter(m.type));
    return data.map((values) => {
      const row: Record<string, unknown> = {};
      meta.forEach((m, c) => (row[m.name] = (convert[c] as (v: unknown) => unknown)(values[c])));
      return row as T;
    });
  }

  async queryColumns(sql: string, params?: readonly SqlParam[]): Promise<Columns> {
    const { meta, data } = await this.ask(sql, params);
    const columns: Record<string, ArrayLike<unknown>> = {};
    meta.forEach((m, c) => {
      const at = (r: unknown[]) => r[c];
      if (/^U?Int(8|16|32)$/.test(m.type)) columns[m.name] = Int32Array.from(data, (r) => Number(at(r)));
      else if (m.type === 'Float64' || m.type === 'Float32') columns[m.name] = Float64Array.from(data, (r) => Number(at(r)));
      else {
        const convert = converter(m.type);
        columns[m.name] = data.map((r) => convert(at(r)));
      }
    });
    return { length: data.length, columns };
  }

  transaction<T>(_work: (tx: Pick<Engine, 'query'>) => Promise<T>): Promise<T> {
    return Promise.reject(new ReadOnlyEngineError('Changing data'));
  }

  registerFile(): Promise<void> {
    return Promise.reject(new ReadOnlyEngineError('Importing a file'));
  }

  dropFile(): Promise<void> {
    return Promise.resolve();
  }

  registerEmptyFile(): Promise<void> {
    return Promise.reject(new ReadOnlyEngineError('Saving a snapshot'));
  }

  copyFile(): Promise<Uint8Array> {
    return Promise.reject(new ReadOnlyEngineError('Saving a snapshot'));
  }
}
