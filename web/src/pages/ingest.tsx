import { useState } from 'preact/hooks';
import type { ApiIngestReport, Health } from '../../../src/index.js';
import { counted } from '../../../src/render/plural.js';
import { type IngestProgress, type IngestRequest, ingest } from '../api.js';
import { useJson } from '../hooks.js';
import { pastedRequest } from '../paste.js';

type Job =
  | { state: 'idle' }
  | { state: 'running'; line: string; fraction: number | null }
  | { state: 'done'; report: ApiIngestReport }
  | { state: 'failed'; message: string };

/** The session's write token, kept for this tab only when the server asks for one. */
const TOKEN_KEY = 'triangulate-token';

/** Drop files or paste text or URLs; progress while they are read, annotated and linked; then what happened. */
export function IngestPage() {
  const health = useJson<Health>('/api/health');
  const [files, setFiles] = useState<File[]>([]);
  // Remounting the file input is the only way to clear the name it shows after an ingest.
  const [inputKey, setInputKey] = useState(0);
  const [pasted, setPasted] = useState('');
  const [over, setOver] = useState(false);
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? '');
  const [job, setJob] = useState<Job>({ state: 'idle' });
  const needsToken = health.state === 'ok' && health.data.writeRequiresToken;

  const onProgress = (p: IngestProgress): void => {
    if (p.phase === 'upload') setJob({ state: 'running', line: `sending ${Math.round(p.sent / 1024)} KB`, fraction: p.total > 0 ? p.sent / p.total : null });
    else if (p.event.type === 'start') setJob({ state: 'running', line: `reading ${p.event.inputs} inputs`, fraction: 0 });
    else if (p.event.type === 'item')
      setJob({
        state: 'running',
        line: `${p.event.done} read (${p.event.added} new, ${counted(p.event.problems, 'problem')}): ${p.event.path}`,
        fraction: null,
      });
    else if (p.event.type === 'linking') setJob({ state: 'running', line: 'linking stories', fraction: null });
  };
  const send = (request: IngestRequest): void => {
    if (needsToken) sessionStorage.setItem(TOKEN_KEY, token);
    setJob({ state: 'running', line: 'starting', fraction: 0 });
    ingest(request, needsToken ? token : '', onProgress).then(
      (report) => {
        setJob({ state: 'done', report });
        setFiles([]);
        setPasted('');
        setInputKey((k) => k + 1);
      },
      (error: Error) => setJob({ state: 'failed', message: error.message }),
    );
  };
  const request: IngestRequest | null = files.length > 0 ? { files, texts: pasted.trim() ? [pasted] : [] } : pastedRequest(pasted);
  const running = job.state === 'running';

  return (
    <div class="ingest">
      <h1>Add articles</h1>
      <label
        class={`dropzone${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          setFiles([...files, ...Array.from(e.dataTransfer?.files ?? [])]);
        }}
      >
        <span>Drop saved pages, text, JSON/JSONL, feeds or WARC files here, or choose them</span>
        <input key={inputKey} type="file" multiple name="file" onChange={(e) => setFiles([...files, ...Array.from(e.currentTarget.files ?? [])])} />
      </label>
      {files.length > 0 && (
        <ul class="chosen">
          {files.map((f, i) => (
            <li key={i}>
              {f.name} <span class="count">{Math.ceil(f.size / 1024)} KB</span>
            </li>
          ))}
        </ul>
      )}
      <textarea
        name="text"
        rows={8}
        placeholder="…or paste an article's text, or URLs (one per line)"
        value={pasted}
        onInput={(e) => setPasted(e.currentTarget.value)}
      />
      {needsToken && (
        <label class="token">
          write token <input type="password" autocomplete="off" value={token} onInput={(e) => setToken(e.currentTarget.value)} />
        </label>
      )}
      <button type="button" class="primary" disabled={running || request === null} onClick={() => request && send(request)}>
        {request && 'urls' in request ? `Fetch ${request.urls.length} URLs` : 'Ingest'}
      </button>
      <Status job={job} />
    </div>
  );
}

function Status({ job }: { job: Job }) {
  if (job.state === 'idle') return null;
  if (job.state === 'failed')
    return (
      <p class="error" role="alert">
        {job.message}
      </p>
    );
  if (job.state === 'running')
    return (
      <div class="progress" role="status">
        {job.fraction === null ? <progress /> : <progress value={job.fraction} max={1} />}
        <span>{job.line}</span>
      </div>
    );
  const { report } = job;
  return (
    <div class="report" role="status">
      <p>
        {counted(report.added, 'new article')}, {report.unchanged + report.aliases} already stored, {counted(report.problems.length, 'problem')};{' '}
        {counted(report.stories, 'story', 'stories')}. <a href="#/">See the stories</a>
      </p>
      {report.problems.length + report.warnings.length > 0 && (
        <ul class="problems">
          {[...report.problems, ...report.warnings].map((p, i) => (
            <li key={i}>
              <span class="path">
                {p.path}
                {p.line !== undefined ? `:${p.line}` : ''}
              </span>{' '}
              {p.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
