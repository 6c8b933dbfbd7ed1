import type { Engine } from '../engine/types';

/** What DuckDB holds in memory now, and the limit it was given (src/engine/setup.ts), in bytes. */
export interface EngineMemory {
  used: number;
  limit: number | null;
}

// duckdb_memory() counts the buffer manager's memory by what it holds (tables, hash tables, the
// engine's own caches); the limit is the setting as DuckDB prints it, `2.0 GiB`.
export const ENGINE_MEMORY_SQL = `SELECT CAST((SELECT sum(memory_usage_bytes) FROM duckdb_memory()) AS DOUBLE) AS used,
  current_setting('memory_limit') AS "limit"`;

const UNITS: Record<string, number> = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12, KIB: 1024, MIB: 1024 ** 2, GIB: 1024 ** 3, TIB: 1024 ** 4 };

/** `2.0 GiB` → bytes; null for what is not a size (an unset limit prints differently per version). */
export function parseDuckdbSize(text: string): number | null {
  const m = /^\s*([\d.]+)\s*([KMGT]?i?B)\s*$/i.exec(text);
  const unit = m ? UNITS[(m[2] as string).toUpperCase()] : undefined;
  return m && unit ? Math.round(Number(m[1]) * unit) : null;
}

export async function engineMemory(engine: Engine): Promise<EngineMemory> {
  const [row] = await engine.query<{ used: number | null; limit: string }>(ENGINE_MEMORY_SQL);
  return { used: row?.used ?? 0, limit: row ? parseDuckdbSize(row.limit) : null };
}
