/*
 * JSON laid out the way Prettier (printWidth 100, the repository's setting) lays out a .json
 * file, so a generated file passes `prettier --check` as written. JSON.stringify(value, null, 2)
 * does not: Prettier puts short arrays of plain values on one line. The rules copied here:
 * non-empty objects always take one member per line; an array goes on one line if it fits and
 * holds no non-empty object (and is not a list of lists of two or more); otherwise one element per
 * line, except lists of numbers, which fill each line.
 */

const PRINT_WIDTH = 100;
const INDENT = '  ';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: Json): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Whether Prettier is forced to break the value over several lines, whatever its width. */
function mustBreak(value: Json): boolean {
  if (isObject(value)) {
    return Object.keys(value).length > 0;
  }
  if (!Array.isArray(value)) {
    return false;
  }
  const listOfLists =
    value.length > 1 && value.every((item) => Array.isArray(item) && item.length > 1);
  return listOfLists || value.some(mustBreak);
}

/** A plain value as Prettier writes it: it drops the '+' of an exponent (1e+21 → 1e21). */
function scalar(value: Json): string {
  const text = JSON.stringify(value);
  return typeof value === 'number' ? text.replace('e+', 'e') : text;
}

/** The value on one line (only called for values that need not break). */
function flat(value: Json): string {
  if (Array.isArray(value)) {
    return `[${value.map(flat).join(', ')}]`;
  }
  return isObject(value) ? '{}' : scalar(value);
}

/** Prettier measures in code points (wide CJK characters aside, which we do not emit). */
const width = (text: string): number => [...text].length;

function fillNumbers(items: Json[], indent: string): string {
  const lines: string[] = [];
  let line = '';
  items.forEach((item, index) => {
    const piece = scalar(item) + (index < items.length - 1 ? ',' : '');
    if (line !== '' && width(`${indent}${line} ${piece}`) > PRINT_WIDTH) {
      lines.push(line);
      line = piece;
    } else {
      line = line === '' ? piece : `${line} ${piece}`;
    }
  });
  lines.push(line);
  return lines.map((text) => indent + text).join('\n');
}

function printArray(value: Json[], indent: string, used: number, trailing: number): string {
  if (value.length === 0) {
    return '[]';
  }
  const oneLine = flat(value);
  if (!mustBreak(value) && used + width(oneLine) + trailing <= PRINT_WIDTH) {
    return oneLine;
  }
  const inner = indent + INDENT;
  const body = value.every((item) => typeof item === 'number')
    ? fillNumbers(value, inner)
    : value
        .map((item, i) => inner + print(item, inner, width(inner), i < value.length - 1 ? 1 : 0))
        .join(',\n');
  return `[\n${body}\n${indent}]`;
}

function printObject(value: { [key: string]: Json }, indent: string): string {
  const entries = Object.entries(value);
  if (entries.length === 0) {
    return '{}';
  }
  const inner = indent + INDENT;
  const members = entries.map(([key, item], i) => {
    const lead = `${inner}${JSON.stringify(key)}: `;
    return lead + print(item, inner, width(lead), i < entries.length - 1 ? 1 : 0);
  });
  return `{\n${members.join(',\n')}\n${indent}}`;
}

/** `used`: columns already taken on the value's first line; `trailing`: a comma after it. */
function print(value: Json, indent: string, used: number, trailing: number): string {
  if (Array.isArray(value)) {
    return printArray(value, indent, used, trailing);
  }
  return isObject(value) ? printObject(value, indent) : scalar(value);
}

/** The file text: the value laid out as Prettier would, with a final newline. */
export function formatJson(value: unknown): string {
  // A round trip drops undefined members and turns anything else into plain JSON values.
  const plain = JSON.parse(JSON.stringify(value)) as Json;
  return `${print(plain, '', 0, 0)}\n`;
}
