import { useEffect, useState, type RefObject } from 'react';
import type { Size } from '../annotate-geometry.ts';

/**
 * The content size of an element, kept current as the tablet turns between portrait and
 * landscape, so a photo can be fitted to the space it really has.
 */
export function useElementSize(ref: RefObject<HTMLElement | null>): Size {
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
