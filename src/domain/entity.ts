// A region, district or branch: one row of the `entities` table (docs/data-format.md section 2).

export interface Entity {
  entity_id: string;
  name: string;
  level: string;
  /** The entity one level up (a branch's district, a district's city); null at the top. */
  parent_id: string | null;
}
