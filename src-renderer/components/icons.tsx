// Inline SVG icons: no icon font or data: URI, so nothing widens the CSP. Each is decorative
// (aria-hidden); the text beside it carries the meaning.
import type { ReactNode } from 'react';

function Icon({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const LockIcon = ({ className }: { className?: string }) => (
  <Icon className={className}>
    <rect x="3" y="7" width="10" height="7" rx="1.5" />
    <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
  </Icon>
);

export const CasesIcon = ({ className }: { className?: string }) => (
  <Icon className={className}>
    <path d="M2 4.5A1.5 1.5 0 0 1 3.5 3H6l1.5 1.5h5A1.5 1.5 0 0 1 14 6v5.5a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 2 11.5z" />
  </Icon>
);

export const SearchIcon = ({ className }: { className?: string }) => (
  <Icon className={className}>
    <circle cx="7" cy="7" r="4.5" />
    <path d="m10.5 10.5 3 3" />
  </Icon>
);

export const SyncIcon = ({ className }: { className?: string }) => (
  <Icon className={className}>
    <path d="M13 5.5A5.5 5.5 0 0 0 3.2 4.8M3 10.5a5.5 5.5 0 0 0 9.8.7" />
    <path d="M13 2.5v3h-3M3 13.5v-3h3" />
  </Icon>
);

export const WarningIcon = ({ className }: { className?: string }) => (
  <Icon className={className}>
    <path d="M8 2.5 14 13H2z" />
    <path d="M8 6.5v3M8 11.4v.1" />
  </Icon>
);

export const SignOutIcon = ({ className }: { className?: string }) => (
  <Icon className={className}>
    <path d="M6 3H3.5A1.5 1.5 0 0 0 2 4.5v7A1.5 1.5 0 0 0 3.5 13H6M10.5 5.5 13 8l-2.5 2.5M13 8H6" />
  </Icon>
);

export const WorkIcon = ({ className }: { className?: string }) => (
  <Icon className={className}>
    <rect x="2.5" y="3" width="11" height="10.5" rx="1.5" />
    <path d="M5 1.5v3M11 1.5v3M2.5 6.5h11M5 9h2M5 11h4" />
  </Icon>
);

export const RegisterIcon = ({ className }: { className?: string }) => (
  <Icon className={className}>
    <path d="M4 1.5h5.5L12.5 4.5V14a.5.5 0 0 1-.5.5H4a.5.5 0 0 1-.5-.5V2a.5.5 0 0 1 .5-.5z" />
    <path d="M8 7v5M5.5 9.5h5" />
  </Icon>
);

export const AllocationIcon = ({ className }: { className?: string }) => (
  <Icon className={className}>
    <path d="M8 2v3M8 5l-4.5 4M8 5l4.5 4M8 5v4" />
    <circle cx="3.5" cy="11.5" r="1.75" />
    <circle cx="8" cy="11.5" r="1.75" />
    <circle cx="12.5" cy="11.5" r="1.75" />
  </Icon>
);

/** Hearing minutes: a page with lines. */
export const MinutesIcon = ({ className }: { className?: string }) => (
  <Icon className={className}>
    <path d="M4 1.75h6l2.5 2.5v10H4z" />
    <path d="M6 6.5h4.5M6 9h4.5M6 11.5h3" />
  </Icon>
);

export const SettingsIcon = ({ className }: { className?: string }) => (
  <Icon className={className}>
    <circle cx="8" cy="8" r="2" />
    <path d="M8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4" />
  </Icon>
);
