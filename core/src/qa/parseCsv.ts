/** One CSV record with the 1-based line it starts on (quoted fields may span lines). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface ParsedCsv {
  records: CsvRecord[];
  /** Structural problems (an unterminated quote), with the line where the bad record starts. */
  problems: { line: number; message: string }[];
}

/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes, `""` inside quotes is a quote, quoted fields
 * may hold commas and newlines; CRLF or LF line ends; a leading BOM is skipped; blank lines are not records.
 * A quote left open swallows the rest of the file, so that record is reported and dropped instead.
 */
export function parseCsv(text: string): ParsedCsv {
  const records: CsvRecord[] = [];
  const problems: ParsedCsv['problems'] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < text.length) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let endOfRecord = false;
    while (i < text.length && !endOfRecord) {
      const ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        if (ch === '"') quoted = false;
        else {
          if (ch === '\n') line++;
          field += ch;
        }
        i++;
        continue;
      }
      if (ch === '"' && field === '') quoted = true;
      else if (ch === ',') {
        fields.push(field);
        field = '';
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && text[i + 1] === '\n') i++;
        line++;
        endOfRecord = true;
      } else field += ch;
      i++;
    }
    if (quoted) {
      problems.push({ line: start, message: 'unterminated quoted field (a " is never closed); the rest of the file was skipped' });
      break;
    }
    fields.push(field);
    if (fields.length === 1 && fields[0] === '') continue;
    records.push({ line: start, fields });
  }
  return { records, problems };
}
