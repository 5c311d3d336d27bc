import { ReferenceObject, SchemaObject } from '@nestjs/swagger';

/**
 * JSON Schemas (the OpenAPI 3.0 dialect) for answers, written as data: shorter than a class per shape, and a named
 * schema used inside another becomes a `$ref` to `components/schemas/<name>`.
 */
export type Schema = SchemaObject | ReferenceObject;

const COMPONENT = Symbol('openapi component');
const OPTIONAL = Symbol('optional property');

/** A schema published as `components/schemas/<name>`; used anywhere else it is a `$ref` to it. */
export type NamedSchema = ReferenceObject & { readonly [COMPONENT]: { readonly name: string; readonly schema: SchemaObject } };

type Described = { description?: string };
const described = (description?: string): Described => (description ? { description } : {});

export function named(name: string, schema: SchemaObject): NamedSchema {
  return Object.assign({ $ref: `#/components/schemas/${name}` }, { [COMPONENT]: { name, schema } });
}

export const text = (description?: string): SchemaObject => ({ type: 'string', ...described(description) });
export const integer = (description?: string): SchemaObject => ({ type: 'integer', ...described(description) });
export const decimal = (description?: string): SchemaObject => ({ type: 'number', ...described(description) });
export const boolean = (description?: string): SchemaObject => ({ type: 'boolean', ...described(description) });
/** `2026-12-01` */
export const date = (description?: string): SchemaObject => ({ type: 'string', format: 'date', ...described(description) });
/** `2026-12-01T03:00:00.000Z` */
export const instant = (description?: string): SchemaObject => ({ type: 'string', format: 'date-time', ...described(description) });
export const enumOf = (values: readonly string[], description?: string): SchemaObject => ({ type: 'string', enum: [...values], ...described(description) });
export const list = (items: Schema, description?: string): SchemaObject => ({ type: 'array', items, ...described(description) });
/** An object keyed by names the data chooses (agency ids, check names), every value alike. */
export const record = (values: Schema, description?: string): SchemaObject => ({ type: 'object', additionalProperties: values, ...described(description) });
/** JSON whose shape is the data's, not the API's (rule inputs, an event's payload): any object. */
export const json = (description: string): SchemaObject => ({ type: 'object', additionalProperties: true, description });
/** Any JSON value, null included (a threshold's value, a stored detail). */
export const anyValue = (description: string): SchemaObject => ({ description });

/**
 * `null` allowed too. A `$ref` is wrapped, since OpenAPI 3.0 ignores keywords beside one, and `nullable` needs the
 * `type` beside it (taken from the named schema).
 */
export function nullable(schema: Schema): SchemaObject {
  if (!('$ref' in schema)) return { ...schema, nullable: true };
  const type = (schema as Partial<NamedSchema>)[COMPONENT]?.schema.type ?? 'object';
  return { type, allOf: [schema], nullable: true };
}

/** A property the answer may leave out (by audience, or absent on older records). */
export function optional<S extends Schema>(schema: S): S {
  return Object.assign({ ...schema }, { [OPTIONAL]: true });
}

/** An object with exactly these properties, each required unless marked {@link optional}. */
export function object(properties: Record<string, Schema>, description?: string): SchemaObject {
  const required = Object.keys(properties).filter((key) => !(OPTIONAL in (properties[key] as object)));
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false, ...described(description) };
}

/** An object of these properties and any others (a record that carries the caller's extensions). */
export function openObject(properties: Record<string, Schema>, description?: string): SchemaObject {
  return { ...object(properties, description), additionalProperties: true };
}

/**
 * The schema as it goes into the document, with every named schema it uses (transitively) by name. A name used for two
 * different schemas is a mistake, refused here rather than published as whichever came last.
 */
export function publish(schema: Schema): { schema: Schema; components: Record<string, SchemaObject> } {
  const components: Record<string, SchemaObject> = {};
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== 'object') return value;
    const component = (value as Partial<NamedSchema>)[COMPONENT];
    if (component) {
      const definition = strip(component.schema) as SchemaObject;
      const known = components[component.name];
      if (known && JSON.stringify(known) !== JSON.stringify(definition)) throw new Error(`two different schemas are named ${component.name}`);
      components[component.name] = definition;
      return { $ref: (value as ReferenceObject).$ref };
    }
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, strip(inner)]));
  };
  return { schema: strip(schema) as Schema, components };
}
