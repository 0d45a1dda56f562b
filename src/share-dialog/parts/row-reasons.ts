import type { Permission } from '../../sharing/types.ts';

type Refusal = Extract<Permission, { allowed: false }>;

/** The visible sentences a row's disabled controls point at, and the ones the row must show itself. */
export interface RowReasons {
  /** The id of the sentence that says why, for `aria-describedby`. */
  idFor(refusal: Refusal): string;
  /** The row's own sentences, by id, in the order first asked for; each text once. */
  own(): [id: string, text: string][];
}

/**
 * Every disabled control points at a visible sentence: the shared ones for R7 (sharing not allowed) and R5 (roles
 * above the actor's own) where the dialog shows them, the row's own otherwise, one per distinct text.
 */
export function rowReasons(
  rowId: string,
  shared: { sharingReasonId: string | null; roleReasonsId: string | null },
  textOf: (refusal: Refusal) => string,
): RowReasons {
  const byText = new Map<string, string>();
  return {
    idFor(refusal) {
      if (refusal.code === 'SHARING_NOT_ALLOWED' && shared.sharingReasonId) return shared.sharingReasonId;
      if (refusal.code === 'ROLE_ABOVE_OWN_LEVEL' && shared.roleReasonsId) return shared.roleReasonsId;
      const text = textOf(refusal);
      const known = byText.get(text);
      if (known) return known;
      const id = `${rowId}-reason-${byText.size}`;
      byText.set(text, id);
      return id;
    },
    own: () => [...byText].map(([text, id]) => [id, text]),
  };
}
