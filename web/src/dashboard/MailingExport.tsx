import { FormEvent, useState } from 'react';
import { apiErrorOf, type ApiErrorBody } from '../common/graphql-client';
import { formatDate, formatNumber } from './format';
import { useT } from './i18n';
import { ExportEnd, exportEndReader, fileNameOf } from './mailing-export-file';

/** Where the API serves the mailing export (src/api/export/affected-contracts-export.ts). */
const EXPORT_PATH = '/export/affected-contracts';

type State =
  | { kind: 'idle' }
  | { kind: 'running'; bytes: number }
  | { kind: 'done'; end: ExportEnd; fileName: string }
  | { kind: 'failed'; message: string };

/** The File System Access API's save dialog (Chromium-based browsers; not in TypeScript's DOM types). */
type SaveFilePicker = (options: { suggestedName?: string; types?: Array<{ description: string; accept: Record<string, string[]> }> }) => Promise<FileSystemFileHandle>;

/** The browser's save dialog, where it has one that can write a file as it arrives. */
function saveFilePicker(): SaveFilePicker | undefined {
  const picker = (window as unknown as { showSaveFilePicker?: SaveFilePicker }).showSaveFilePicker;
  return typeof picker === 'function' ? picker.bind(window) : undefined;
}

/** Where the file's bytes go as they arrive, and what happens to them once its end is checked. */
interface Sink {
  write(chunk: Uint8Array<ArrayBuffer>): Promise<void>;
  /** The file is complete: hand it to the user under `fileName`; answers the name it was saved under. */
  keep(fileName: string): Promise<string>;
  /** The file is incomplete: it must not be offered. */
  drop(): Promise<void>;
}

/**
 * Straight to the file the user chose (File System Access API): each piece is written as it
 * arrives, so the page holds one piece at a time whatever the file's size, and the file only gets
 * its content once closed; an incomplete one is aborted, which leaves it empty. The dialog asks
 * for the file before the request, while the click still counts as the user's.
 */
async function fileSink(picker: SaveFilePicker, suggestedName: string, format: 'csv' | 'jsonl'): Promise<Sink> {
  const handle = await picker({
    suggestedName,
    types: [format === 'csv' ? { description: 'CSV', accept: { 'text/csv': ['.csv'] } } : { description: 'JSON lines', accept: { 'application/x-ndjson': ['.jsonl'] } }],
  });
  const writable = await handle.createWritable();
  return {
    write: (chunk) => writable.write(chunk),
    keep: async () => {
      await writable.close();
      return handle.name;
    },
    drop: () => writable.abort(),
  };
}

/**
 * In memory, for browsers without a save dialog that writes (Firefox, Safari): the pieces are
 * kept and offered as one download once the file is whole. The browser then holds the whole file
 * until it is saved (at 10M people the largest insurer's CSV is about 260 MB).
 */
function memorySink(format: 'csv' | 'jsonl'): Sink {
  let chunks: BlobPart[] = [];
  return {
    write: async (chunk) => {
      chunks.push(chunk);
    },
    keep: async (fileName) => {
      const blob = new Blob(chunks, { type: format === 'csv' ? 'text/csv' : 'application/x-ndjson' });
      chunks = [];
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.click();
      // The download has its own copy once started; the page's can go.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return fileName;
    },
    drop: async () => {
      chunks = [];
    },
  };
}

/**
 * The mailing export of one breach (#13 §3): every affected contract and beneficiary role of the
 * signed-in insurer, as the API streams it in one audited request. The bearer token goes in a
 * header, never in an address (a download link could not carry it), so the file is fetched by
 * script: where the browser has a save dialog that writes (Chromium-based ones), to the file the
 * user chose as it arrives; elsewhere in memory, then offered as a download. Either way a file
 * whose end line is missing (the server cut the connection) or disagrees with its lines is
 * refused as incomplete, never offered or left as the mailing list.
 */
export function MailingExport({ breachId, token }: { breachId: string; token: string | null }) {
  const { t, lang } = useT();
  const [format, setFormat] = useState<'csv' | 'jsonl'>('csv');
  const [bom, setBom] = useState(false);
  const [state, setState] = useState<State>({ kind: 'idle' });

  const run = async (event: FormEvent) => {
    event.preventDefault();
    const picker = saveFilePicker();
    let sink: Sink;
    try {
      sink = picker ? await fileSink(picker, `affected-contracts_${breachId}.${format}`, format) : memorySink(format);
    } catch (e) {
      // The user closed the save dialog: nothing was asked of the API.
      if ((e as Error).name === 'AbortError') return;
      setState({ kind: 'failed', message: (e as Error).message });
      return;
    }
    setState({ kind: 'running', bytes: 0 });
    let kept = false;
    try {
      const query = new URLSearchParams({ breachId, format, ...(format === 'csv' && bom ? { bom: 'true' } : {}) });
      const response = await fetch(`${EXPORT_PATH}?${query.toString()}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      if (!response.ok || !response.body) {
        // Refusals before the first byte come with the API's GraphQL-shaped error body.
        const body = (await response.json().catch(() => ({}))) as ApiErrorBody;
        setState({ kind: 'failed', message: apiErrorOf(response.status, body).message });
        return;
      }
      let bytes = 0;
      // The file is checked as it arrives, so its text is never held beside its bytes.
      const check = exportEndReader(format);
      const decoder = new TextDecoder();
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        await sink.write(value as Uint8Array<ArrayBuffer>);
        check.push(decoder.decode(value, { stream: true }));
        bytes += value.byteLength;
        setState({ kind: 'running', bytes });
      }
      check.push(decoder.decode());
      const end = check.finish();
      if (!end) {
        setState({ kind: 'failed', message: t('exportIncomplete') });
        return;
      }
      const fileName = fileNameOf(response.headers.get('content-disposition')) ?? `affected-contracts_${breachId}.${format}`;
      const savedAs = await sink.keep(fileName);
      kept = true;
      setState({ kind: 'done', end, fileName: savedAs });
    } catch (e) {
      // A connection cut mid-file (the server's signal that it failed after the first byte).
      setState({ kind: 'failed', message: `${t('exportIncomplete')} (${(e as Error).message})` });
    } finally {
      if (!kept) await sink.drop().catch(() => undefined);
    }
  };

  return (
    <form className="mailing-export" data-testid="mailing-export" onSubmit={run}>
      <h3>{t('export')}</h3>
      <p className="note">{t('exportNote')}</p>
      <label>
        {t('exportFormat')}{' '}
        <select value={format} onChange={(e) => setFormat(e.target.value as 'csv' | 'jsonl')} data-testid="export-format">
          <option value="csv">{t('exportCsv')}</option>
          <option value="jsonl">{t('exportJsonl')}</option>
        </select>
      </label>{' '}
      {format === 'csv' ? (
        <label>
          <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} data-testid="export-bom" /> {t('exportBom')}
        </label>
      ) : null}{' '}
      <button type="submit" disabled={state.kind === 'running'} data-testid="export-run">{t('exportRun')}</button>
      <p role="status" data-testid="export-status" data-state={state.kind}>
        {state.kind === 'running' ? `${t('exportRunning')} ${formatNumber(lang, Math.round(state.bytes / 1024))} Kio` : null}
        {state.kind === 'done' ? (
          <>
            {t('exportDone')} <span data-figure={`export.${breachId}.rows`} data-value={state.end.rows}>{formatNumber(lang, state.end.rows)}</span> {t('exportRows')},{' '}
            <span data-figure={`export.${breachId}.contracts`} data-value={state.end.contracts}>{formatNumber(lang, state.end.contracts)}</span> {t('contracts').toLowerCase()}
            {state.end.referenceDate ? <>, {t('referenceDate').toLowerCase()} {formatDate(lang, state.end.referenceDate)}</> : null} — <code>{state.fileName}</code>
          </>
        ) : null}
        {state.kind === 'failed' ? <span className="error" role="alert">{state.message}</span> : null}
      </p>
    </form>
  );
}
