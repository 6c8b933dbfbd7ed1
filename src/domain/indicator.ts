// An indicator as the catalog defines it: one row of the `indicators` table (docs/data-format.md section 2).

/** 1: more is better; -1: less is better. */
export type Direction = 1 | -1;

export type Tier = 'basic' | 'characteristic';

export interface Indicator {
  indicator_id: string;
  name_zh: string;
  name_en: string;
  category: string;
  unit: string;
  direction: Direction;
  target: number | null;
  target_year: number | null;
  weight: number;
  tier: Tier;
  gate_min: number | null;
  gate_max_stars: number | null;
  decimals: number;
  definition: string;
  source: string;
}
