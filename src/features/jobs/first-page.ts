// Starts the first screen's raw read (src/db/first-read.ts) as this module is evaluated: the
// app's entry imports it before React and the app, so IndexedDB opens and reads while the rest
// of the entry script is still being run, for the filter the list will show (kept per tab).
import { startFirstRead, type FirstScreen } from '../../db/first-read.ts';
import { statusesOf, storedJobFilter } from './job-filter.ts';

export const firstRead: Promise<FirstScreen | null> = startFirstRead(statusesOf(storedJobFilter()));
