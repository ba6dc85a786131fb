import { join } from 'node:path';

/** The message catalogues shipped with the service (one `<language>.json` per language). */
export const BUNDLED_MESSAGES_DIR = join(__dirname, '..', '..', 'messages');
