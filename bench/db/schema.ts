import type { Sql } from './sql'

export type Column = {
  name: string
  /** Declared type: SQLite's affinity text, PostgreSQL's data type (udt name for enums). */
  type: string
  notNull: boolean
  hasDefault: boolean
}

/**
 * The columns a table has now, read from the live database (after the app's migrations ran), so
 * the generator fills what the schema holds today, columns added since it was written included.
 */
export async function tableColumns(sql: Sql, table: string): Promise<Column[]> {
  if (sql.dialect === 'sqlite') {
    const rows = await sql.query(`SELECT * FROM pragma_table_info('${table}')`)
    return rows.map((row) => ({
      name: String(row.name),
      type: String(row.type).toLowerCase(),
      notNull: Number(row.notnull) === 1 || Number(row.pk) === 1,
      hasDefault: row.dflt_value !== null || Number(row.pk) === 1,
    }))
  }
  const rows = await sql.query(
    `SELECT column_name, data_type, udt_name, is_nullable, column_default
       FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ?
      ORDER BY ordinal_position`,
    [table],
  )
  return rows.map((row) => ({
    name: String(row.column_name),
    type: row.data_type === 'USER-DEFINED' ? String(row.udt_name) : String(row.data_type),
    notNull: row.is_nullable === 'NO',
    hasDefault: row.column_default !== null,
  }))
}

/** The indexes on a table, for the report (what the measured queries could use). */
export async function tableIndexes(sql: Sql, table: string): Promise<string[]> {
  const rows =
    sql.dialect === 'sqlite'
      ? await sql.query(`SELECT name FROM pragma_index_list('${table}') ORDER BY name`)
      : await sql.query(
          `SELECT indexname AS name FROM pg_indexes
            WHERE schemaname = current_schema() AND tablename = ? ORDER BY indexname`,
          [table],
        )
  return rows.map((row) => String(row.name))
}
