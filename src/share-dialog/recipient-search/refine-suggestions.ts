import type { PrincipalItem } from '../../api/contract.ts';
import { foldSearchText } from '../../api/principals.ts';

const wordSplit = /[^\p{L}\p{N}]+/u;
const wordUnit = /[\p{L}\p{N}]/u;

/** Whether a word of the (folded) text starts with `word`. */
function hasWordStartingWith(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (at === 0 || !wordUnit.test(text.charAt(at - 1))) return true;
  }
  return false;
}

/**
 * Whether a suggestion answers `search` as the directory search does: its name or username starts with it, or
 * every word typed starts a word of its name or of its username's part before the `@`.
 */
export function suggestionMatches(item: PrincipalItem, search: string): boolean {
  const query = foldSearchText(search).trim().replace(/\s+/g, ' ');
  if (query.length === 0) return false;
  const name = foldSearchText(item.displayName);
  const username = foldSearchText(item.email ?? item.name);
  if (name.startsWith(query) || username.startsWith(query)) return true;
  const words = query.split(wordSplit).filter(Boolean);
  if (words.length === 0) return false;
  const squashedName = name.replace(/[^\p{L}\p{N}\s]+/gu, '');
  const usernameLocal = username.split('@')[0] ?? username;
  return words.every(
    (word) =>
      hasWordStartingWith(name, word) ||
      hasWordStartingWith(squashedName, word) ||
      hasWordStartingWith(usernameLocal, word),
  );
}

/** The suggestions of a shorter search's answer that also answer `search`, in the order the server gave them. */
export function refineSuggestions(items: readonly PrincipalItem[], search: string): PrincipalItem[] {
  return items.filter((item) => suggestionMatches(item, search));
}
