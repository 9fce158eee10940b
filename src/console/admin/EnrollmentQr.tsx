// The QR code of an enrollment address, drawn by uqr (loaded here with import(), so neither
// the console's first page nor the tablet app carries it) as an SVG image: a data: URL, which
// the server's content security policy allows for images, no markup injected into the page.
import { useEffect, useState } from 'react';
import { useSay } from '../language.tsx';
import { W } from './messages.ts';

type QrState = { url: string; src: string } | { url: string; failed: true } | null;

export function EnrollmentQr({ code, url }: { code: string; url: string }) {
  const say = useSay();
  const [state, setState] = useState<QrState>(null);

  useEffect(() => {
    let current = true;
    import('uqr').then(
      ({ renderSVG }) => {
        // M: a code on a screen or paper survives glare and a smudge; 4 modules of quiet zone, as the standard asks.
        const svg = renderSVG(url, { ecc: 'M', border: 4, pixelSize: 8 });
        if (current) setState({ url, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` });
      },
      () => {
        if (current) setState({ url, failed: true });
      },
    );
    return () => {
      current = false;
    };
  }, [url]);

  const shown = state?.url === url ? state : null;
  return (
    <figure className="admin-qr">
      {shown && 'src' in shown ? (
        <img src={shown.src} alt={say(W.qrAlt, { code })} width={256} height={256} />
      ) : shown ? (
        <p role="alert" className="console-error">
          {say(W.qrFailed)}
        </p>
      ) : (
        <p className="console-loading">{say(W.loading)}</p>
      )}
      <figcaption className="console-hint">
        {say(W.qrAddress)} <code>{url}</code>
      </figcaption>
      {isLoopback(url) && (
        <p role="alert" className="console-error">
          {say(W.qrLocal)}
        </p>
      )}
    </figure>
  );
}

/** An address only this computer can open (the console opened as localhost): useless to a tablet. */
export function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\./.test(host);
}
