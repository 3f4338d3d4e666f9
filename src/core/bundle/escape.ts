/**
 * A string from a bundle, made safe to print on a terminal or show on screen: control
 * characters (C0, DEL, C1), bidirectional overrides and other invisible format characters are
 * shown as escapes (\x1b, \u202e), and a backslash as \\ so that an escape cannot be faked.
 * A crafted member name or case title can then neither move the cursor, erase "NOT VERIFIED"
 * nor reorder what is displayed.
 */
export function escapeUntrusted(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return text.replace(
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped
    /[\\\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g,
    (ch) => {
      if (ch === '\\') return '\\\\';
      if (ch === '\n') return '\\n';
      if (ch === '\r') return '\\r';
      if (ch === '\t') return '\\t';
      const code = ch.charCodeAt(0);
      return code <= 0xff
        ? `\\x${code.toString(16).padStart(2, '0')}`
        : `\\u${code.toString(16).padStart(4, '0')}`;
    },
  );
}
