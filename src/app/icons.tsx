/** Small inline icons for the demo app's chrome; decorative, so hidden from assistive technology. */

const common = {
  width: 20,
  height: 20,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.8,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  focusable: false,
} as const;

export function BellIcon() {
  return (
    <svg {...common} aria-hidden="true">
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/** A share arrow out of a box. */
export function ShareIcon() {
  return (
    <svg {...common} width={16} height={16} aria-hidden="true">
      <circle cx="18" cy="5" r="3" />
      <circle cx="6" cy="12" r="3" />
      <circle cx="18" cy="19" r="3" />
      <path d="m8.6 13.5 6.8 4M15.4 6.5l-6.8 4" />
    </svg>
  );
}

export function MailIcon() {
  return (
    <svg {...common} width={16} height={16} aria-hidden="true">
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <path d="m3 7 9 6 9-6" />
    </svg>
  );
}

/** A circular arrow. */
export function ResetIcon() {
  return (
    <svg {...common} width={16} height={16} aria-hidden="true">
      <path d="M3 12a9 9 0 1 0 3-6.7L3 8" />
      <path d="M3 3v5h5" />
    </svg>
  );
}

/** The product mark: three connected people. */
export function LogoMark() {
  return (
    <svg width={28} height={28} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="currentColor" />
      <path d="M11 16 22 10M11 16l11 6" stroke="white" strokeWidth="2" />
      <circle cx="11" cy="16" r="4" fill="white" />
      <circle cx="22" cy="10" r="3.5" fill="white" />
      <circle cx="22" cy="22" r="3.5" fill="white" />
    </svg>
  );
}
