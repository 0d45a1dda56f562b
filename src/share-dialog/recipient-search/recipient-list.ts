/**
 * Reading a pasted list of recipients: addresses separated by commas, semicolons, whitespace or new lines, and
 * the `Name <address>` form mail clients copy.
 */

const separators = /[,;\n\r]+/;
const bracketedAddress = /<([^<>]*)>/;

/** The entries of a pasted list, in order, without blanks or repeats (compared case-insensitively). */
export function splitRecipientList(text: string): string[] {
  const entries: string[] = [];
  const seen = new Set<string>();
  for (const chunk of text.split(separators)) {
    const bracketed = bracketedAddress.exec(chunk);
    // `Olivia Owens <olivia@acme.test>`: the address is the entry, the name around it is not.
    const words = bracketed ? [bracketed[1] ?? ''] : chunk.split(/\s+/);
    for (const word of words) {
      const entry = word.trim();
      const key = entry.toLowerCase();
      if (!entry || seen.has(key)) continue;
      seen.add(key);
      entries.push(entry);
    }
  }
  return entries;
}

/** Whether an entry has the shape of an e-mail address (one `@`, something on either side, no spaces). */
export function isEmailAddress(entry: string): boolean {
  return /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+$/.test(entry);
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * Whether an address that the search did not find lies outside the actor's organization: its domain is not the
 * actor's own. The search never answers anyone of another organization (tenant isolation), so the dialog tells
 * "outside your organization" from "no such account" by the address alone, and names nothing but the address.
 */
export function isAddressOutsideOrganization(address: string, actorUsername: string | undefined): boolean {
  if (!actorUsername || !isEmailAddress(address) || !isEmailAddress(actorUsername)) return false;
  return domainOf(address) !== domainOf(actorUsername);
}
