/** A calm placeholder while local data loads; announced politely, never a spinner wall. */
export function Loading({ label }: { label: string }) {
  return (
    <p className="loading" role="status">
      {label}
    </p>
  );
}
