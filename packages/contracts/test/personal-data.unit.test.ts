import { z } from 'zod';
import { definitionOf, eventEnvelopeSchema, eventTypes } from '../src';

/**
 * Events must never carry personal data. These checks look at the JSON Schema of every data
 * schema, so a new field is caught whatever zod construct it is built with.
 */
const forbiddenName =
  /name|email|e-?mail|phone|address|birth|national|personnummer|fødsel|ssn|idea|description|note/i;

/** Property names that match `forbiddenName` but are known not to be personal data. None yet. */
const allowedNames = new Set<string>([]);

interface SchemaNode {
  /** Property path of the node, e.g. '.contact.email'; union members share their property's. */
  path: string;
  node: Record<string, unknown>;
}

/** Every schema object in a JSON Schema (nested objects, array items, union members). */
function nodesOf(schema: unknown, path = ''): SchemaNode[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const found: SchemaNode[] = [];
  if (!Array.isArray(schema)) found.push({ path, node: schema as Record<string, unknown> });
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' && typeof value === 'object' && value !== null) {
      for (const [name, child] of Object.entries(value as Record<string, unknown>)) {
        found.push(...nodesOf(child, `${path}.${name}`));
      }
    } else {
      found.push(...nodesOf(value, path));
    }
  }
  return found;
}

function jsonSchemaNodes(schema: z.ZodType): SchemaNode[] {
  return nodesOf(z.toJSONSchema(schema, { io: 'input' }));
}

function namesThatLookPersonal(schema: z.ZodType): string[] {
  const paths = new Set(jsonSchemaNodes(schema).map((n) => n.path));
  return [...paths].filter((path) => {
    const name = path.slice(path.lastIndexOf('.') + 1);
    return forbiddenName.test(name) && !allowedNames.has(name);
  });
}

/** A string that is neither an enum, a constant, a format nor a pattern can hold free text. */
function freeTextStrings(schema: z.ZodType): string[] {
  const paths = jsonSchemaNodes(schema)
    .filter(({ node }) => [node.type].flat().includes('string'))
    .filter(
      ({ node }) => !('enum' in node || 'const' in node || 'format' in node || 'pattern' in node),
    )
    .map((n) => n.path);
  return [...new Set(paths)];
}

describe('no personal data in events', () => {
  it.each(eventTypes)('%s has no field named like personal data', (type) => {
    expect(namesThatLookPersonal(definitionOf(type).schema)).toEqual([]);
  });

  it.each(eventTypes)('%s has no free-text string field', (type) => {
    expect(freeTextStrings(definitionOf(type).schema)).toEqual([]);
  });

  it('envelope attributes are not named like personal data either', () => {
    expect(namesThatLookPersonal(eventEnvelopeSchema)).toEqual([]);
  });

  it('the guard finds offending fields however deeply they are nested', () => {
    const offending = z.object({
      founderId: z.uuid(),
      contact: z.object({ eMail: z.email(), phoneNumber: z.string() }),
      owners: z.array(z.object({ dateOfBirth: z.iso.date() })),
      businessIdea: z.string().optional(),
      staffNote: z.union([z.string(), z.null()]),
    });
    expect(namesThatLookPersonal(offending)).toEqual([
      '.contact.eMail',
      '.contact.phoneNumber',
      '.owners.dateOfBirth',
      '.businessIdea',
      '.staffNote',
    ]);
    expect(freeTextStrings(offending)).toEqual([
      '.contact.phoneNumber',
      '.businessIdea',
      '.staffNote',
    ]);
  });
});
