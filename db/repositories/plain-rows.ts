import type { EntitySchema } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

type Field = { name: string; column: string; date: boolean };

// read paths map rows on every request: each mapping's columns are looked up once
const fieldLists = new WeakMap<object, Field[]>();

const fieldsOf = (em: EntityManager, className: string): Field[] => {
  const meta = em.getMetadata().get(className);
  let fields = fieldLists.get(meta);
  if (!fields) {
    fields = meta.props
      .filter((p) => p.fieldNames?.length === 1)
      .map((p) => ({ name: p.name, column: p.fieldNames[0]!, date: p.runtimeType === 'Date' }));
    fieldLists.set(meta, fields);
  }
  return fields;
};

/**
 * A `row_to_json` row as a plain record of the mapping (db/schemas): the same property names and
 * Dates as a loaded entity, but not tracked by any unit of work, so reading it costs no identity
 * map, no change set and no fork. Only for reads: nothing done to it is ever written.
 */
export const plainFromRow = <T extends object>(
  em: EntityManager,
  schema: EntitySchema<T>,
  row: Record<string, unknown>,
): T => {
  const out: Record<string, unknown> = {};
  for (const f of fieldsOf(em, schema.meta.className)) {
    const v = row[f.column];
    out[f.name] = f.date && v !== null && v !== undefined ? new Date(v as string) : v;
  }
  return out as T;
};
