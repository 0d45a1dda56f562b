import { objectIdFor } from './random.ts';

/** The demo personas of SPEC §7, by key. */
export type PersonaKey = 'olivia' | 'eddie' | 'connie' | 'nora' | 'ivan' | 'rita' | 'gus';

/** A demo persona: who they are and what they show. */
export interface PersonaDefinition {
  key: PersonaKey;
  fullName: string;
  email: string;
  /** Organization key: `acme` (Acme Analytics) or `globex` (Globex). */
  org: 'acme' | 'globex';
  description: string;
}

/** Every persona, in the order the acting-as switcher lists them. */
export const personaDefinitions: readonly PersonaDefinition[] = [
  {
    key: 'olivia',
    fullName: 'Olivia Owens',
    email: 'olivia@acme.test',
    org: 'acme',
    description: 'Owner of every demo asset.',
  },
  {
    key: 'eddie',
    fullName: 'Eddie Evans',
    email: 'eddie@acme.test',
    org: 'acme',
    description: 'Read-write (Editor / User / Write) with “Allow sharing” on every demo asset.',
  },
  {
    key: 'connie',
    fullName: 'Connie Cole',
    email: 'connie@acme.test',
    org: 'acme',
    description: 'Read-only (Consumer / Read) on every demo asset.',
  },
  {
    key: 'nora',
    fullName: 'Nora Nash',
    email: 'nora@acme.test',
    org: 'acme',
    description: 'Editor without “Allow sharing” on the dataset and the data connection.',
  },
  {
    key: 'ivan',
    fullName: 'Ivan Ingram',
    email: 'ivan@acme.test',
    org: 'acme',
    description: 'Inactive account: cannot sign in or be shared with.',
  },
  {
    key: 'rita',
    fullName: 'Rita Reyes',
    email: 'rita@acme.test',
    org: 'acme',
    description: 'RBAC ceiling: read-only, whatever is shared with her.',
  },
  {
    key: 'gus',
    fullName: 'Gus Garcia',
    email: 'gus@globex.test',
    org: 'globex',
    description: 'Another organization (Globex): outside Acme Analytics.',
  },
];

/** A persona's user id (24 hex, stable across seeds). */
export function personaId(key: PersonaKey): string {
  return objectIdFor(`user:${key}`);
}

/** A persona's bearer token: `demo-` and its key. */
export function personaToken(key: PersonaKey): string {
  return `demo-${key}`;
}

/** Every persona's user id, by key. */
export const personaIds: Record<PersonaKey, string> = Object.fromEntries(
  personaDefinitions.map((persona) => [persona.key, personaId(persona.key)]),
) as Record<PersonaKey, string>;

/** Every persona's bearer token, by key. */
export const personaTokens: Record<PersonaKey, string> = Object.fromEntries(
  personaDefinitions.map((persona) => [persona.key, personaToken(persona.key)]),
) as Record<PersonaKey, string>;
