// The viewer's toolbar icons: stroke drawings on a 16-unit grid, hidden from screen readers (the
// buttons carry the words).
const svg = {
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.5,
  'aria-hidden': true,
};

export const ChevronUpIcon = () => (
  <svg className="icon" {...svg}>
    <path d="M3.5 10 8 5.5l4.5 4.5" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);

export const ChevronDownIcon = () => (
  <svg className="icon" {...svg}>
    <path d="M3.5 6 8 10.5 12.5 6" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);

export const MinusIcon = () => (
  <svg className="icon" {...svg}>
    <path d="M3.5 8h9" strokeLinecap="round" />
  </svg>
);

export const PlusIcon = () => (
  <svg className="icon" {...svg}>
    <path d="M3.5 8h9M8 3.5v9" strokeLinecap="round" />
  </svg>
);

export const RotateLeftIcon = () => (
  <svg className="icon" {...svg}>
    <path d="M3 3v3.5h3.5" strokeLinecap="round" strokeLinejoin="round" />
    <path d="M3.4 6.3A5 5 0 1 1 3.5 10" strokeLinecap="round" />
  </svg>
);

export const RotateRightIcon = () => (
  <svg className="icon" {...svg}>
    <path d="M13 3v3.5H9.5" strokeLinecap="round" strokeLinejoin="round" />
    <path d="M12.6 6.3A5 5 0 1 0 12.5 10" strokeLinecap="round" />
  </svg>
);
