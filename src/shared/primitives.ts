// Schema building blocks every entity uses: times with an offset, bounded free text.
import { z } from 'zod';

/** ISO-8601 with an offset, as DESIGN.md asks for every time. */
export const isoDateTime = z.iso.datetime({ offset: true });

/** Free text with a length limit; the message is an i18n key. */
export const text = (max: number) => z.string().max(max, { message: 'text.tooLong' });
