import { useState } from 'react';
import { readToken, writeToken } from '../common/session-token';
import { readClaims } from '../common/token-claims';
import { Lang, LangContext, word } from './i18n';
import { InsurerView } from './InsurerView';
import { RegulatorView } from './RegulatorView';
import { SignIn } from './SignIn';

/** The language chosen, kept for the browser session; French unless the reader switched. */
function initialLang(): Lang {
  return sessionStorage.getItem('breach-impact.lang') === 'en' ? 'en' : 'fr';
}

/**
 * The dashboard: sign-in, then the view of the token's role (REGULATOR and ANALYST: the
 * regulator's dashboard; INSURER: its own view). The role read here only picks a view: the API
 * decides what each token may read.
 */
export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [token, setToken] = useState<string | null>(readToken);
  const claims = token ? readClaims(token) : null;
  const switchLang = () => {
    const next = lang === 'fr' ? 'en' : 'fr';
    sessionStorage.setItem('breach-impact.lang', next);
    document.documentElement.lang = next;
    setLang(next);
  };
  const signIn = (t: string | null) => {
    writeToken(t);
    setToken(t);
  };
  document.documentElement.lang = lang;
  return (
    <LangContext.Provider value={lang}>
      <header>
        <h1>{word(lang, 'title')}</h1>
        <div className="header-tools">
          {token ? (
            <span data-testid="signed-in">
              {word(lang, 'signedInAs')} <strong>{claims?.role ?? '?'}</strong>
              {claims?.org ? ` (${claims.org})` : ''}{' '}
              <button onClick={() => signIn(null)}>{word(lang, 'signOut')}</button>
            </span>
          ) : null}
          <a href="/graphiql">GraphiQL</a>
          <button onClick={switchLang} data-testid="lang-switch">{word(lang, 'language')}</button>
        </div>
      </header>
      <main>
        {!token ? (
          <SignIn onToken={signIn} />
        ) : claims?.role === 'REGULATOR' || claims?.role === 'ANALYST' ? (
          <RegulatorView key={token} token={token} role={claims.role} />
        ) : claims?.role === 'INSURER' ? (
          <InsurerView key={token} token={token} org={claims.org} />
        ) : (
          <p>{word(lang, 'noView')}</p>
        )}
      </main>
    </LangContext.Provider>
  );
}
