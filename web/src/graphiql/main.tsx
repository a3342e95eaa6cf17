import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './graphiql-page.css';
import examples from '../../../schema/examples.graphql?raw';
import { readToken } from '../common/session-token';
import { initialTab } from './initial-tab';

/**
 * The offline explorer: GraphiQL and its explorer plugin, bundled (Monaco's workers included),
 * sending operations to this server's /graphql. Preloaded with schema/examples.graphql, or with
 * the operation a dashboard figure links to (in the URL fragment, which no server sees). The
 * headers editor starts with the signed-in bearer token, if any; headers are not persisted.
 */
const explorer = explorerPlugin();

/** POSTs JSON to /graphql, as Apollo's CSRF prevention expects. */
async function fetcher(params: unknown, options?: { headers?: Record<string, unknown> }) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(options?.headers as Record<string, string> | undefined) },
    body: JSON.stringify(params),
  });
  return response.json();
}

const token = readToken();
const tab = initialTab(location.hash, examples);

createRoot(document.getElementById('root')!).render(
  <GraphiQL
    fetcher={fetcher}
    plugins={[explorer]}
    defaultQuery={examples}
    initialQuery={tab.query}
    initialVariables={tab.variables}
    initialHeaders={token ? JSON.stringify({ authorization: `Bearer ${token}` }, null, 2) : '{}'}
    isHeadersEditorEnabled
    shouldPersistHeaders={false}
    defaultEditorToolsVisibility={token ? 'headers' : true}
  />,
);
