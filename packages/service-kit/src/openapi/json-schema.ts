import { z } from 'zod';
import type { JsonObject } from './types';

export type SchemaIo = 'input' | 'output';

const LOCAL_DEF = '#/$defs/';
// A schema that contains itself (z.lazy at the top) refers to itself as '#'.
const ROOT = '#';
const COMPONENT = '#/components/schemas/';
// zod names definitions it had to extract without an id (recursive schemas) __schema0, __schema1…
const ANONYMOUS_DEF = /^__schema(\d+)$/;

/**
 * JSON has no dates: a Date leaves express as an ISO string, and z.coerce.date() accepts one.
 * Everything else zod cannot express (transforms' outputs, bigint, maps) becomes {} (any value)
 * instead of failing the whole document.
 */
const conversionParams = (io: SchemaIo): z.core.ToJSONSchemaParams => ({
  target: 'draft-2020-12',
  io,
  unrepresentable: 'any',
  override: ({ zodSchema, jsonSchema }) => {
    if (zodSchema._zod.def.type === 'date') {
      jsonSchema.type = 'string';
      jsonSchema.format = 'date-time';
    }
  },
});

/** JSON text with object keys sorted, to compare schemas regardless of key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) {
      return inner;
    }
    const entries = Object.entries(inner as JsonObject).sort(([a], [b]) => (a < b ? -1 : 1));
    return Object.fromEntries(entries);
  });
}

/** Copies value with every local $defs reference pointed at its component name. */
function rewriteRefs(value: unknown, names: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => rewriteRefs(item, names));
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  const out: JsonObject = {};
  for (const [key, inner] of Object.entries(value as JsonObject)) {
    if (
      key === '$ref' &&
      typeof inner === 'string' &&
      (inner === ROOT || inner.startsWith(LOCAL_DEF))
    ) {
      const local = inner === ROOT ? ROOT : inner.slice(LOCAL_DEF.length);
      out[key] = COMPONENT + (names.get(local) ?? local);
    } else {
      out[key] = rewriteRefs(inner, names);
    }
  }
  return out;
}

/**
 * Converts zod schemas to JSON Schema for one OpenAPI document and collects what zod extracts
 * into $defs (schemas with an id in their meta, recursive schemas) under components.schemas:
 * a $defs reference inside an OpenAPI document would resolve against the document root.
 *
 * Input and output shapes of one id may differ (defaults, transforms); convert all outputs first,
 * so the id's plain name is the output shape and an input that differs becomes `<id>Input`.
 */
export class SchemaComponents {
  private readonly schemas = new Map<string, JsonObject>();

  constructor(predefined: Record<string, JsonObject>) {
    for (const [name, schema] of Object.entries(predefined)) {
      this.schemas.set(name, schema);
    }
  }

  /** The JSON Schema of `schema`; `context` names extracted schemas that have no id. */
  convert(schema: z.ZodType, io: SchemaIo, context: string): JsonObject {
    const converted = z.toJSONSchema(schema, conversionParams(io));
    // A plain copy: drops zod's non-JSON members and anything undefined.
    const plain = JSON.parse(JSON.stringify(converted)) as JsonObject;
    // $schema names the dialect of a standalone document; OpenAPI 3.1 already fixes it.
    delete plain.$schema;
    const { $defs, ...root } = plain;
    const defs = Object.entries(($defs ?? {}) as Record<string, JsonObject>);
    if (containsRef(root, ROOT) || defs.some(([, def]) => containsRef(def, ROOT))) {
      // '#' would mean the whole OpenAPI document: make the root a component of its own.
      defs.push([ROOT, root]);
      const names = this.register(defs, io, context);
      return { $ref: COMPONENT + (names.get(ROOT) ?? context) };
    }
    const names = this.register(defs, io, context);
    return rewriteRefs(root, names) as JsonObject;
  }

  /** Every collected schema, sorted by name so route order does not reorder the file. */
  toObject(): Record<string, JsonObject> {
    const sorted = [...this.schemas.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    return Object.fromEntries(sorted);
  }

  /** Picks a component name per definition, renaming an input that clashes; registers them. */
  private register(
    defs: Array<[string, JsonObject]>,
    io: SchemaIo,
    context: string,
  ): Map<string, string> {
    const names = new Map(defs.map(([local]) => [local, baseName(local, context)]));
    // Renaming one definition changes the references in others, so check again after each.
    for (let attempt = 0; attempt <= defs.length; attempt += 1) {
      const clashes = this.clashes(defs, names);
      if (clashes.length === 0) {
        for (const [local, def] of defs) {
          this.schemas.set(names.get(local) ?? local, rewriteRefs(def, names) as JsonObject);
        }
        return names;
      }
      for (const local of clashes) {
        names.set(local, renameClash(local, names.get(local) ?? local, io, context));
      }
    }
    throw new Error(`Could not name the schemas of ${context} without clashes`);
  }

  private clashes(defs: Array<[string, JsonObject]>, names: Map<string, string>): string[] {
    return defs
      .filter(([local, def]) => {
        const existing = this.schemas.get(names.get(local) ?? local);
        return existing !== undefined && canonical(existing) !== canonical(rewriteRefs(def, names));
      })
      .map(([local]) => local);
  }
}

function containsRef(value: unknown, ref: string): boolean {
  if (value === null || typeof value !== 'object') {
    return false;
  }
  return Object.entries(value as JsonObject).some(
    ([key, inner]) => (key === '$ref' && inner === ref) || containsRef(inner, ref),
  );
}

function baseName(local: string, context: string): string {
  if (local === ROOT) {
    return context;
  }
  const anonymous = ANONYMOUS_DEF.exec(local);
  return anonymous === null ? local : `${context}-${anonymous[1]}`;
}

function renameClash(local: string, current: string, io: SchemaIo, context: string): string {
  const base = baseName(local, context);
  if (io === 'input' && current === base) {
    return `${base}Input`;
  }
  throw new Error(
    `Two different schemas are named "${base}" (seen in ${context}): give them different ids`,
  );
}
