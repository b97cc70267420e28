import { render } from 'preact';
import { useHash } from './hooks.js';
import { ArticlePage } from './pages/article.js';
import { DossierPage } from './pages/dossier.js';
import { IngestPage } from './pages/ingest.js';
import { StoriesPage } from './pages/stories.js';
import { parseRoute } from './route.js';
import './styles/base.css';
import './styles/dossier.css';
import './styles/timeline.css';
import './styles/reader.css';
import './styles/ingest.css';

/** The app shell: header navigation and the page the location hash names. */
function App() {
  const hash = useHash();
  const route = parseRoute(hash);
  return (
    <>
      <header class="top">
        <a href="#/" class="brand">
          Triangulate
        </a>
        <nav>
          <a href="#/">Stories</a>
          <a href="#/ingest">Add articles</a>
          <a href="/api/reference">API</a>
        </nav>
      </header>
      <main>
        {route.page === 'stories' && <StoriesPage key={route.params.toString()} params={route.params} />}
        {route.page === 'story' && <DossierPage key={route.id} id={route.id} />}
        {route.page === 'article' && <ArticlePage key={route.id} id={route.id} span={route.span} />}
        {route.page === 'ingest' && <IngestPage />}
        {route.page === 'missing' && <p class="error">No page at “{route.hash}”.</p>}
      </main>
    </>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
