// Everything the app saves (scoring settings, the Present playlist, an upload's record) carries a
// version. A value saved by an older release is brought forward by explicit steps applied in
// order, in the style of Grafana's panel migrations, and then checked field by field, so an old,
// hand-edited or corrupt value gives its migrated form or the defaults, never a crash. Today's
// unversioned shapes are version 1. Pure: no storage, no Vue.

export type SavedShape = Record<string, unknown>;

export interface Migration {
  /** The version this step reads; what it returns is version `from + 1`. */
  from: number;
  migrate(old: SavedShape): SavedShape;
}

export interface Versioned<T> {
  /** The version written now. */
  version: number;
  /** One step from each older version, 1 up to `version - 1`, in order. */
  steps: readonly Migration[];
  /** The current shape checked field by field; `null` or anything unusable gives the defaults. */
  sanitize(raw: unknown): T;
}

/** A saved kind, its steps checked once: a missing or misplaced step is a bug, found at load. */
export function defineVersioned<T>(kind: Versioned<T>): Versioned<T> {
  kind.steps.forEach((step, i) => {
    if (step.from !== i + 1) throw new Error(`migration ${i} reads version ${step.from}, expected ${i + 1}`);
  });
  if (kind.steps.length !== kind.version - 1) throw new Error(`version ${kind.version} needs ${kind.version - 1} migrations, has ${kind.steps.length}`);
  return kind;
}

const isShape = (value: unknown): value is SavedShape => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The version a saved value says it has; without one (or with a nonsensical one) it is version 1. */
export function savedVersion(value: SavedShape): number {
  const v = value.version;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1;
}

/**
 * The value at the current version: each step from its own version on, in order. Not an object:
 * `null`. Saved by a newer release: as it is, for `sanitize` to keep what it knows.
 */
export function migrate(raw: unknown, kind: Versioned<unknown>): SavedShape | null {
  if (!isShape(raw)) return null;
  let value = raw;
  for (let v = savedVersion(raw); v < kind.version; v++) {
    const step = kind.steps[v - 1];
    if (!step) throw new Error(`no migration from version ${v}`);
    value = { ...step.migrate(value), version: v + 1 };
  }
  return value;
}

/** A saved value of any version, migrated and sanitized; a step that throws gives the defaults. */
export function readVersioned<T>(raw: unknown, kind: Versioned<T>): T {
  try {
    return kind.sanitize(migrate(raw, kind));
  } catch {
    return kind.sanitize(null);
  }
}

/** The value as it is saved: its fields with the current version in front (and no other). */
export function writeVersioned<T extends object>(value: T, kind: Pick<Versioned<unknown>, 'version'>): { version: number } & T {
  return Object.assign({ version: kind.version }, value, { version: kind.version });
}
