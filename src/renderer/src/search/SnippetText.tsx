import type { ReactNode } from 'react';
import type { Snippet } from '../../../core/search';

/** The excerpt with its matched words marked; leading and trailing cuts shown as ellipses. */
export function SnippetText({
  snippet,
  fullLength,
}: Readonly<{ snippet: Snippet; fullLength: number }>): ReactNode {
  const parts: ReactNode[] = [];
  let at = 0;
  snippet.highlights.forEach((h, i) => {
    if (h.start > at) parts.push(snippet.text.slice(at, h.start));
    parts.push(<mark key={i}>{snippet.text.slice(h.start, h.end)}</mark>);
    at = h.end;
  });
  if (at < snippet.text.length) parts.push(snippet.text.slice(at));
  return (
    <span className="search-snippet">
      {snippet.start > 0 && '…'}
      {parts}
      {snippet.start + snippet.text.length < fullLength && '…'}
    </span>
  );
}
