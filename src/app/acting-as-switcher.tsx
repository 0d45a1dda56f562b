import { useId } from 'react';
import type { Persona } from '../api/demo-contract.ts';
import { initials } from './format.ts';
import { useSession } from './session.tsx';

/** The option text of a persona: who they are and what they show, so every rule can be tried from both sides. */
export function personaOptionLabel(persona: Persona): string {
  return `${persona.fullName} (${persona.username}) · ${persona.description}`;
}

/**
 * Signs the demo in as any persona. A native select (right on phones and for screen readers) lies over a card that
 * shows the current persona, so who is acting is always visible without the long option text.
 */
export function ActingAsSwitcher() {
  const { personas, persona, actAs } = useSession();
  const selectId = useId();
  return (
    <div className="acting-as">
      <span className="avatar" aria-hidden="true">
        {initials(persona.fullName)}
      </span>
      <span className="acting-as__text" aria-hidden="true">
        <span className="acting-as__label">Acting as</span>
        <span className="acting-as__name">{persona.fullName}</span>
        <span className="acting-as__description">{persona.description}</span>
      </span>
      <svg className="acting-as__chevron" width="16" height="16" viewBox="0 0 24 24" aria-hidden="true">
        <path d="m6 9 6 6 6-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <label className="visually-hidden" htmlFor={selectId}>
        Acting as
      </label>
      <select
        id={selectId}
        className="acting-as__select"
        value={persona.token}
        onChange={(event) => actAs(event.target.value)}
      >
        {personas.map((candidate) => (
          <option key={candidate.token} value={candidate.token}>
            {personaOptionLabel(candidate)}
          </option>
        ))}
      </select>
    </div>
  );
}
