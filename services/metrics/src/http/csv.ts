/** RFC 4180 CSV, written by hand: a few dozen lines, no dependency. */

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Lines end in CRLF, as RFC 4180 says. */
export function toCsv(
  header: string[],
  rows: Array<Array<string | number | boolean | null>>,
): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export interface CsvRecord {
  /** 1-based line on which the record starts, for error messages. */
  line: number;
  fields: string[];
}

export type CsvParse =
  { ok: true; records: CsvRecord[] } | { ok: false; line: number; error: string };

/** Splits CSV text into records; quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): CsvParse {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    // A blank line carries no record (a trailing newline, or an empty line between).
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        field += char;
      }
      i++;
      continue;
    }
    if (char === '"') {
      if (field !== '') return { ok: false, line, error: 'a quote inside an unquoted field' };
      quoted = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else {
      field += char;
    }
    i++;
  }
  if (quoted) return { ok: false, line: start, error: 'a quoted field is not closed' };
  endRecord();
  return { ok: true, records };
}
