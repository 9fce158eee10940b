// The app's one database connection. Tests open their own with `openDatabase(name)`.
import { openDatabase } from './database.ts';

export const db = openDatabase();
