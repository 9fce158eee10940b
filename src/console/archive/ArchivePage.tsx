// The card archive (客户档案): search every card of the store as the desk types it (a plate or
// its end, a VIN, a phone or its last digits, a name, a job number), open one read-only, or a
// customer's page of vehicles and visits. The view is kept in the address (?q=, ?card=,
// ?phone=/?name=), so the browser's back button and a bookmark work.
import { useEffect, useState, type FormEvent } from 'react';
import { ARCHIVE_API, archiveSearchResponseSchema } from '../../shared/console/archive-api.ts';
import { consoleApi } from '../console-api.ts';
import { useSay } from '../language.tsx';
import { CardTable } from './CardTable.tsx';
import CardView from './CardView.tsx';
import CustomerView from './CustomerView.tsx';
import { W } from './messages.ts';
import { useAnswer } from './use-answer.ts';
import './archive.css';

type View = { q: string; card: string; phone: string; name: string };

function viewOfAddress(): View {
  const params = new URLSearchParams(location.search);
  return { q: params.get('q') ?? '', card: params.get('card') ?? '', phone: params.get('phone') ?? '', name: params.get('name') ?? '' };
}

export default function ArchivePage() {
  const say = useSay();
  const [view, setView] = useState<View>(viewOfAddress);
  const [typed, setTyped] = useState(view.q);

  useEffect(() => {
    const onPop = () => {
      const next = viewOfAddress();
      setView(next);
      setTyped(next.q);
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  const go = (next: Partial<View>) => {
    const merged = { q: view.q, card: '', phone: '', name: '', ...next };
    const params = new URLSearchParams(Object.entries(merged).filter(([, value]) => value !== ''));
    history.pushState(null, '', `${location.pathname}${params.size > 0 ? `?${params}` : ''}`);
    setView(merged);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim() !== '') go({ q: typed.trim() });
  };

  if (view.card) return <CardView jobId={view.card} onBack={() => history.back()} onCustomer={(phone, name) => go({ phone, name })} />;
  if (view.phone || view.name) return <CustomerView phone={view.phone} name={view.name} onBack={() => history.back()} onOpen={(card) => go({ card })} />;

  return (
    <section className="archive" aria-labelledby="archive-title">
      <h1 id="archive-title">{say(W.title)}</h1>
      <form className="archive-search" role="search" onSubmit={submit}>
        <label className="console-field">
          {say(W.searchLabel)}
          <input type="search" value={typed} maxLength={50} autoFocus onChange={(event) => setTyped(event.target.value)} enterKeyHint="search" />
        </label>
        <button type="submit" className="console-button console-primary">
          {say(W.search)}
        </button>
      </form>
      <p className="console-hint">{say(W.searchHint)}</p>
      {view.q && <Results q={view.q} onOpen={(card) => go({ card })} onCustomer={(phone, name) => go({ phone, name })} />}
    </section>
  );
}

function Results({ q, onOpen, onCustomer }: { q: string; onOpen: (jobId: string) => void; onCustomer: (phone: string, name: string) => void }) {
  const say = useSay();
  const answer = useAnswer(() => consoleApi(`${ARCHIVE_API}/search?q=${encodeURIComponent(q)}`, { schema: archiveSearchResponseSchema }), q);
  if (!answer || answer.state === 'loading') return <p className="console-loading">{say(W.searching)}</p>;
  if (answer.state === 'failed') return <p role="alert" className="console-error">{answer.message}</p>;
  const { cards, more } = answer.data;
  if (cards.length === 0) return <p role="status">{say(W.noMatch)}</p>;
  return (
    <>
      <p role="status">{more ? say(W.more, { count: cards.length }) : say(W.found, { count: cards.length })}</p>
      <CardTable cards={cards} onOpen={onOpen} onCustomer={onCustomer} />
    </>
  );
}
