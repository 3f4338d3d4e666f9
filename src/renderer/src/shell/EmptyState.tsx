import type { ReactNode } from 'react';

type Props = Readonly<{ title: string; body: string; children?: ReactNode }>;

/** What a view shows when it has nothing yet: what this place is for and what to do first. */
export function EmptyState({ title, body, children }: Props): ReactNode {
  return (
    <section className="empty-state" data-testid="empty-state">
      <h2>{title}</h2>
      <p>{body}</p>
      {children}
    </section>
  );
}
