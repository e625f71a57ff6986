/** Entry of the web app: NL Design System styles, the query client, the router. */
import '@utrecht/design-tokens/dist/index.css';
import '@utrecht/component-library-css/dist/index.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { setUnauthenticatedHandler } from './api/client.ts';
import { createQueryClient, keys } from './api/queries.ts';
import { App } from './app.tsx';

const queryClient = createQueryClient();

// The session ended on the server (expired, logged out elsewhere): forget everything and ask to log in.
setUnauthenticatedHandler(() => {
  queryClient.clear();
  queryClient.setQueryData(keys.session, null);
});

const root = document.getElementById('root');
if (!root) throw new Error('Element #root ontbreekt in index.html');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
