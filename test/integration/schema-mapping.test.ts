import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../support/db.ts';

let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db?.close());

// Every column of a mapped table has a property: a column reached only through hand-written
// queries is invisible to the ORM, its types and the unit of work.
describe('ORM mapping', () => {
  it('maps every column of every mapped table (and nothing that is not a column)', async () => {
    const metas = Object.values(db.orm.getMetadata().getAll()).filter((m) => m.tableName && !m.embeddable);
    expect(metas.map((m) => m.tableName)).toContain('purchase_request');
    const rows = await db.em.fork().execute<{ table_name: string; column_name: string }[]>(
      `select table_name, column_name from information_schema.columns
         where table_schema = current_schema() and table_name in (?) order by table_name, ordinal_position`,
      [metas.map((m) => m.tableName)],
    );
    const differences = metas.flatMap((m) => {
      const columns = rows.filter((r) => r.table_name === m.tableName).map((r) => r.column_name);
      const mapped = Object.values(m.properties).flatMap((p) => p.fieldNames ?? []);
      return [
        ...columns.filter((c) => !mapped.includes(c)).map((c) => `${m.tableName}.${c} is not mapped`),
        ...mapped
          .filter((f) => !columns.includes(f))
          .map((f) => `${m.tableName}.${f} is mapped but no column`),
      ];
    });
    expect(differences).toEqual([]);
  });

  it("maps every table of the schema (but MikroORM's own migrations table)", async () => {
    const mapped = Object.values(db.orm.getMetadata().getAll())
      .filter((m) => m.tableName && !m.embeddable)
      .map((m) => m.tableName);
    const tables = await db.em.fork().execute<{ table_name: string }[]>(
      `select table_name from information_schema.tables
         where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name <> ?
         order by table_name`,
      [db.orm.config.get('migrations').tableName ?? 'mikro_orm_migrations'],
    );
    expect(tables.map((t) => t.table_name)).toContain('period_charge');
    const unmapped = tables.map((t) => t.table_name).filter((t) => !mapped.includes(t));
    expect(unmapped).toEqual([]);
  });
});
