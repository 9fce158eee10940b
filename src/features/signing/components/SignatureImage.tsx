import type { Signature } from '../../../shared/signature.ts';
import { useBlobUrl } from '../../../ui/use-blob-url.ts';
import { useI18n } from '../../../ui/i18n.tsx';

type SignatureImageProps = { signature: Signature; size?: 'large' | 'small' };

/** The signature as drawn (its PNG blob). The box keeps its size while the bytes load. */
export function SignatureImage({ signature, size = 'large' }: SignatureImageProps) {
  const { t } = useI18n();
  const url = useBlobUrl(signature.pngSha256);
  return (
    <span className={`signature-image signature-image-${size}`}>
      {url && <img src={url} alt={t('signing.image', { name: signature.signerName })} draggable={false} />}
    </span>
  );
}
