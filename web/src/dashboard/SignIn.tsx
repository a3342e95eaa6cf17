import { FormEvent, useEffect, useState } from 'react';
import { useT } from './i18n';

/** The development token endpoint (absent, 404, unless DEV_TOKENS is on; never in production). */
const DEV_TOKEN_PATH = '/dev/token';

/** Roles the development picker offers. */
interface DevOffer {
  roles: string[];
  insurers: Array<{ id: string; name: string }>;
}

/**
 * Sign-in: paste a bearer token (kept in sessionStorage by the caller). When the server offers
 * development tokens, a role picker mints a local one through `/dev/token`.
 */
export function SignIn({ onToken }: { onToken: (token: string) => void }) {
  const { t } = useT();
  const [pasted, setPasted] = useState('');
  const [offer, setOffer] = useState<DevOffer | null>(null);
  const [role, setRole] = useState('REGULATOR');
  const [org, setOrg] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetch(DEV_TOKEN_PATH, { headers: { accept: 'application/json' } })
      .then((r) => (r.ok ? (r.json() as Promise<DevOffer>) : null))
      .then((o) => {
        setOffer(o);
        if (o?.insurers[0]) setOrg(o.insurers[0].id);
      })
      .catch(() => setOffer(null));
  }, []);
  const mint = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const response = await fetch(DEV_TOKEN_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(role === 'INSURER' ? { role, org } : { role }),
    });
    const body = (await response.json()) as { token?: string; errors?: Array<{ message: string }> };
    if (body.token) onToken(body.token);
    else setError(body.errors?.[0]?.message ?? `HTTP ${response.status}`);
  };
  return (
    <div className="sign-in">
      <h2>{t('signIn')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (pasted.trim()) onToken(pasted.trim());
        }}
      >
        <label>
          {t('pasteToken')}
          <textarea value={pasted} onChange={(e) => setPasted(e.target.value)} rows={3} spellCheck={false} autoComplete="off" data-testid="token-input" />
        </label>
        <button type="submit" data-testid="use-token">{t('useToken')}</button>
      </form>
      {offer ? (
        <form onSubmit={mint} className="dev-picker" data-testid="dev-picker">
          <h3>{t('devPicker')}</h3>
          <select value={role} onChange={(e) => setRole(e.target.value)} data-testid="dev-role">
            {offer.roles.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
          {role === 'INSURER' ? (
            <label>
              {t('devOrg')}{' '}
              <select value={org} onChange={(e) => setOrg(e.target.value)} data-testid="dev-org">
                {offer.insurers.map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
              </select>
            </label>
          ) : null}
          <button type="submit" data-testid="dev-mint">{t('devMint')}</button>
          {error ? <p className="error" role="alert">{error}</p> : null}
        </form>
      ) : null}
    </div>
  );
}
