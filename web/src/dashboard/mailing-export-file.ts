/** What a complete export's end line says (src/api/export/mailing-rows.ts, endLine). */
export interface ExportEnd {
  rows: number;
  contracts: number;
  referenceDate: string | null;
}

/** Reads an export file as it arrives, keeping only what its completeness check needs. */
export interface ExportEndReader {
  /** The next piece of the file's text (decoded with `stream: true`, so no character is split). */
  push(text: string): void;
  /** The file's end line, or null when the file is incomplete (see {@link exportEndReader}). */
  finish(): ExportEnd | null;
}

/**
 * Checks a whole export file while it streams in, without holding its text: it counts the line
 * ends (for CSV, those outside double-quoted cells, which may hold a line break) and keeps the
 * last complete line. `finish` gives the end line, or null when the file is incomplete: it does
 * not end with a line break, its last line is not the end line (the server cut the connection
 * after a failure), or the end line's row count disagrees with the data lines received. CSV: a
 * header line, the rows, `#END rows=… contracts=… breach=… referenceDate=…`; JSON lines:
 * `{"type":"row",…}` lines, then `{"type":"end","complete":true,…}`.
 */
export function exportEndReader(format: 'csv' | 'jsonl'): ExportEndReader {
  let quoted = false;
  let lines = 0;
  let last = '';
  let current = '';
  return {
    push(text) {
      let from = 0;
      for (let i = 0; i < text.length; i += 1) {
        const ch = text[i];
        // An escaped quote ("") toggles twice: the state is right after the pair. JSON lines
        // escape their quotes and line breaks, so only CSV has quoted cells to track.
        if (ch === '"' && format === 'csv') quoted = !quoted;
        else if (ch === '\n' && !quoted) {
          last = current + text.slice(from, i);
          current = '';
          from = i + 1;
          lines += 1;
        }
      }
      current += text.slice(from);
    },
    finish() {
      if (current !== '' || lines === 0) return null;
      if (format === 'jsonl') {
        let end: { type?: string; complete?: boolean; rows?: number; contracts?: number; referenceDate?: string | null };
        try {
          end = JSON.parse(last);
        } catch {
          return null;
        }
        if (end.type !== 'end' || end.complete !== true || typeof end.rows !== 'number' || typeof end.contracts !== 'number') return null;
        // The rows, the end line.
        if (lines - 1 !== end.rows) return null;
        return { rows: end.rows, contracts: end.contracts, referenceDate: end.referenceDate ?? null };
      }
      const m = /^#END rows=(\d+) contracts=(\d+) breach=\S+ referenceDate=(\S+)$/.exec(last);
      if (!m) return null;
      const rows = Number(m[1]);
      // The header, the rows, the end line.
      if (lines - 2 !== rows) return null;
      return { rows, contracts: Number(m[2]), referenceDate: /^\d{4}-\d{2}-\d{2}$/.test(m[3]) ? m[3] : null };
    },
  };
}

/** The file name of a `Content-Disposition: attachment; filename="…"` header, if it has one. */
export function fileNameOf(disposition: string | null): string | null {
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? null;
}
