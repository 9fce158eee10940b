import { useRef } from 'react';
import type { Photo } from '../../../shared/walkaround.ts';
import { fitContain } from '../annotate-geometry.ts';
import { useBlobUrl } from '../../../ui/use-blob-url.ts';
import { useElementSize } from '../hooks/use-element-size.ts';
import { usePinchZoom } from '../hooks/use-pinch-zoom.ts';

type ZoomableImageProps = {
  photo: Photo;
  alt: string;
  /** Called on a one-finger swipe at 1x: 1 for the next photo, -1 for the previous. */
  onSwipe?: (direction: 1 | -1) => void;
};

/**
 * One full-size photo fitted to the stage, with pinch-zoom and pan. Render it with
 * `key={photo.id}` so each photo opens unzoomed.
 */
export function ZoomableImage({ photo, alt, onSwipe }: ZoomableImageProps) {
  const stageRef = useRef<HTMLDivElement>(null);
  const stage = useElementSize(stageRef);
  // The stored width and height are known before the bytes load, so the layout never jumps.
  const fitted = fitContain({ width: photo.width, height: photo.height }, stage);
  const { zoom, handlers } = usePinchZoom(fitted, onSwipe);
  const url = useBlobUrl(photo.sha256);
  return (
    <div ref={stageRef} className="viewer-stage" aria-busy={url === undefined} {...handlers}>
      {url !== undefined && (
        <img
          className="viewer-image"
          src={url}
          alt={alt}
          draggable={false}
          style={{
            width: fitted.width,
            height: fitted.height,
            transform: `translate(${zoom.x}px, ${zoom.y}px) scale(${zoom.scale})`,
          }}
        />
      )}
    </div>
  );
}
