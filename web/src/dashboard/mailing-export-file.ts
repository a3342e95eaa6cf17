/** What a complete export's end line says (src/api/export/mailing-rows.ts, endLine). */
export interface ExportEnd {
  rows: number;
  contracts: number;
  referenceDate: string | null;
}

/** Lines of `text` outside double-quoted CSV cells (a quoted cell may hold a line break). */
function csvLines(text: string): string[] {
  const lines: string[] = [];
  let quoted = false;
  let from = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    // An escaped quote ("") toggles twice: the state is right after the pair.
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n' && !quoted) {
      lines.push(text.slice(from, i));
      from = i + 1;
    }
  }
  if (from < text.length) lines.push(text.slice(from));
  return lines;
}

/**
 * The end line of a whole export file, or null when the file is incomplete: no end line last (the
 * server cut the connection after a failure), or an end line whose row count disagrees with the
 * data lines the file holds. CSV: a header line, the rows, `#END rows=… contracts=… breach=…
 * referenceDate=…`; JSON lines: `{"type":"row",…}` lines, then `{"type":"end","complete":true,…}`.
 */
export function endOfExport(format: 'csv' | 'jsonl', text: string): ExportEnd | null {
  if (!text.endsWith('\n')) return null;
  if (format === 'jsonl') {
    const lines = text.slice(0, -1).split('\n');
    let last: { type?: string; complete?: boolean; rows?: number; contracts?: number; referenceDate?: string | null };
    try {
      last = JSON.parse(lines[lines.length - 1]);
    } catch {
      return null;
    }
    if (last.type !== 'end' || last.complete !== true || typeof last.rows !== 'number' || typeof last.contracts !== 'number') return null;
    if (lines.length - 1 !== last.rows) return null;
    return { rows: last.rows, contracts: last.contracts, referenceDate: last.referenceDate ?? null };
  }
  const lines = csvLines(text);
  const m = /^#END rows=(\d+) contracts=(\d+) breach=\S+ referenceDate=(\S+)$/.exec(lines[lines.length - 1] ?? '');
  if (!m) return null;
  const rows = Number(m[1]);
  // The header, the rows, the end line.
  if (lines.length - 2 !== rows) return null;
  return { rows, contracts: Number(m[2]), referenceDate: /^\d{4}-\d{2}-\d{2}$/.test(m[3]) ? m[3] : null };
}

/** The file name of a `Content-Disposition: attachment; filename="…"` header, if it has one. */
export function fileNameOf(disposition: string | null): string | null {
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? null;
}
