/**
 * The model card (`card.md`, written into the model folder by the build) as the server hands it out:
 * read once, bounded, and only a regular file inside the folder (never a symlink out of it).
 */
import { open } from 'node:fs/promises';
import { constants } from 'node:fs';
import { join } from 'node:path';

export const MODEL_CARD_FILE = 'card.md';
/** A card is a page of markdown; anything larger is not one. */
const MAX_CARD_BYTES = 1024 * 1024;

const cards = new Map<string, Promise<string | undefined>>();

/** The card's text, or undefined when the folder has none. Throws (a server bug, logged) when it is not a readable file of sane size. */
export function readModelCard(dir: string): Promise<string | undefined> {
  let card = cards.get(dir);
  if (!card) {
    card = readCard(join(dir, MODEL_CARD_FILE));
    cards.set(dir, card);
    // Only a card found is remembered: a missing or unreadable one is looked for again on the next request.
    card.then(
      (text) => text === undefined && cards.delete(dir),
      () => cards.delete(dir),
    );
  }
  return card;
}

async function readCard(file: string): Promise<string | undefined> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new Error(`${file} is not a regular file`);
    if (stat.size > MAX_CARD_BYTES) throw new Error(`${file} is ${stat.size} bytes, more than the ${MAX_CARD_BYTES} a model card may have`);
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}
