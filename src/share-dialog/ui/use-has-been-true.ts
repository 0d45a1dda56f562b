import { useState } from 'react';

/**
 * Whether a value has been true at any render so far: a part whose code loads once it is first needed (a
 * confirmation, a disclosure's content) stays mounted after it, so that closing it keeps what it holds and lets it
 * hand focus back.
 */
export function useHasBeenTrue(value: boolean): boolean {
  const [hasBeen, setHasBeen] = useState(value);
  if (value && !hasBeen) setHasBeen(true);
  return hasBeen || value;
}
