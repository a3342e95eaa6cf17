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

/**
 * The mailing export of one breach (#13 §3): every affected contract and beneficiary role of the
 * signed-in insurer, as the API streams it in one audited request. The bearer token goes in a
 * header, never in an address (a download link could not carry it), so the file is fetched by
 * script and handed to the browser as a download once it is whole: a file whose end line is
 * missing (the server cut the connection) or disagrees with its lines is refused as incomplete,
 * never offered as the mailing list. The browser holds the file until it is saved (at 10M people
 * the largest insurer's CSV is about 260 MB).
 */
export function MailingExport({ breachId, token }: { breachId: string; token: string | null }) {
  const { t, lang } = useT();
  const [format, setFormat] = useState<'csv' | 'jsonl'>('csv');
  const [bom, setBom] = useState(false);
  const [state, setState] = useState<State>({ kind: 'idle' });

  const run = async (event: FormEvent) => {
    event.preventDefault();
    setState({ kind: 'running', bytes: 0 });
    try {
      const query = new URLSearchParams({ breachId, format, ...(format === 'csv' && bom ? { bom: 'true' } : {}) });
      const response = await fetch(`${EXPORT_PATH}?${query.toString()}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      if (!response.ok || !response.body) {
        // Refusals before the first byte come with the API's GraphQL-shaped error body.
        const body = (await response.json().catch(() => ({}))) as ApiErrorBody;
        setState({ kind: 'failed', message: apiErrorOf(response.status, body).message });
        return;
      }
      const chunks: BlobPart[] = [];
      let bytes = 0;
      // The file is checked as it arrives, so its text is never held beside its bytes.
      const check = exportEndReader(format);
      const decoder = new TextDecoder();
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as Uint8Array<ArrayBuffer>);
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
      const blob = new Blob(chunks, { type: format === 'csv' ? 'text/csv' : 'application/x-ndjson' });
      const fileName = fileNameOf(response.headers.get('content-disposition')) ?? `affected-contracts_${breachId}.${format}`;
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.click();
      // The download has its own copy once started; the page's can go.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ kind: 'done', end, fileName });
    } catch (e) {
      // A connection cut mid-file (the server's signal that it failed after the first byte).
      setState({ kind: 'failed', message: `${t('exportIncomplete')} (${(e as Error).message})` });
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
