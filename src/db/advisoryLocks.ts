/**
 * PostgreSQL advisory lock keys (any 64-bit numbers, shared by every instance on the database).
 * Fixed here so two features never pick the same one.
 */
export const MIGRATIONS_LOCK = 72_446_001
export const SCHEDULES_LOCK = 72_446_002
