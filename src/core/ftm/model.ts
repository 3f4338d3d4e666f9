/**
 * The official FollowTheMoney model (@alephdata/followthemoney, maintained with Aleph), and a
 * check of records against it: a schema the model defines and that is not abstract, only
 * properties that schema has, its required properties present, values of the property's type
 * (dates, countries, genders, phones, emails, numbers), and entity references that point to a
 * record in the same file of a schema the property accepts. Export is tested to produce no
 * violation; import reports a record the model refuses instead of guessing at it.
 */
import { Model, defaultModel } from '@alephdata/followthemoney';
import type { Schema } from '@alephdata/followthemoney';
import type { FtmRecord } from './types';

export const FTM_MODEL = new Model(defaultModel);

export type FtmViolation = Readonly<{
  id: string;
  schema: string;
  /** The property at fault; absent for a problem of the record as a whole. */
  property?: string;
  code:
    | 'unknown-schema'
    | 'abstract-schema'
    | 'unknown-property'
    | 'missing-required'
    | 'bad-value'
    | 'dangling-reference'
    | 'reference-out-of-range';
  message: string;
}>;

/** FtM dates: YYYY, YYYY-MM, YYYY-MM-DD, optionally a time. */
const DATE =
  /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T\d{2}(:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;
const PHONE = /^\+?[0-9][0-9 ()./-]{4,}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** The schema by name, or undefined where the model has none (getSchema throws). */
export function ftmSchema(name: string): Schema | undefined {
  return FTM_MODEL.schemata[name];
}

/** The model's code for a country given as a code or as its English name ("Cambodia"). */
export function countryCode(value: string): string | undefined {
  const values = FTM_MODEL.getType('country').values;
  const lower = value.trim().toLowerCase();
  if (values.has(lower)) return lower;
  for (const [code, label] of values) if (label.toLowerCase() === lower) return code;
  return undefined;
}

function valueProblem(type: string, value: string): string | undefined {
  switch (type) {
    case 'date':
      return DATE.test(value) ? undefined : 'is not a date (YYYY, YYYY-MM or YYYY-MM-DD)';
    case 'country':
      return FTM_MODEL.getType('country').values.has(value)
        ? undefined
        : 'is not a country code of the model';
    case 'gender':
      return FTM_MODEL.getType('gender').values.has(value)
        ? undefined
        : 'is not a gender of the model (male, female, other)';
    case 'phone':
      return PHONE.test(value) ? undefined : 'is not a phone number';
    case 'email':
      return EMAIL.test(value) ? undefined : 'is not an e-mail address';
    case 'number':
      return NUMBER.test(value) ? undefined : 'is not a number';
    default:
      return value.trim() === '' ? 'is empty' : undefined;
  }
}

/** Every way the records break the model; none for a file Aleph takes as it is. */
export function validateFtmRecords(records: readonly FtmRecord[]): FtmViolation[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  const out: FtmViolation[] = [];
  for (const record of records) {
    const at = { id: record.id, schema: record.schema };
    const schema = ftmSchema(record.schema);
    if (schema === undefined) {
      out.push({
        ...at,
        code: 'unknown-schema',
        message: `the model has no schema "${record.schema}"`,
      });
      continue;
    }
    if (schema.abstract)
      out.push({ ...at, code: 'abstract-schema', message: `${record.schema} is abstract` });
    const properties = schema.getProperties();
    for (const name of schema.required)
      if ((record.properties[name] ?? []).length === 0)
        out.push({
          ...at,
          property: name,
          code: 'missing-required',
          message: `${record.schema} requires "${name}"`,
        });
    for (const [name, values] of Object.entries(record.properties)) {
      const property = properties.get(name);
      if (property === undefined) {
        out.push({
          ...at,
          property: name,
          code: 'unknown-property',
          message: `${record.schema} has no property "${name}"`,
        });
        continue;
      }
      for (const value of values) {
        if (property.type.name === 'entity') {
          const target = byId.get(value);
          if (target === undefined)
            out.push({
              ...at,
              property: name,
              code: 'dangling-reference',
              message: `"${name}" refers to "${value}", which is not in the file`,
            });
          else if (property.hasRange && ftmSchema(target.schema)?.isA(property.getRange()) !== true)
            out.push({
              ...at,
              property: name,
              code: 'reference-out-of-range',
              message: `"${name}" must be a ${property.getRange().name}, but "${value}" is a ${target.schema}`,
            });
          continue;
        }
        const problem = valueProblem(property.type.name, value);
        if (problem !== undefined)
          out.push({
            ...at,
            property: name,
            code: 'bad-value',
            message: `"${name}" value "${value}" ${problem}`,
          });
      }
    }
  }
  return out;
}
