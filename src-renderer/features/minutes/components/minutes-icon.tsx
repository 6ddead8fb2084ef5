/** The navigation rail's icon of hearing minutes (decorative: the label beside it names it). */
export function MinutesIcon({ className }: { className?: string }) {
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
      <path d="M4 1.75h6l2.5 2.5v10H4z" />
      <path d="M6 6.5h4.5M6 9h4.5M6 11.5h3" />
    </svg>
  );
}
