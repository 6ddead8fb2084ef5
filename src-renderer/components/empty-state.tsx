import type { ReactNode } from 'react';

/** Says what will appear here and how to get it (design-language: "Empty states"). */
export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-state__title">{title}</p>
      <p className="empty-state__body">{children}</p>
    </div>
  );
}
