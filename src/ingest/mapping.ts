// moved to src/domain/mapping.ts; re-export removed once views import domain
export type { ColumnRole, ImportMapping, ImportResult, Layout, RejectedCell } from '../domain/mapping';
