/**
 * Hostile PDFs, written object by object with a correct cross-reference table, for the tests
 * that check pdf.js keeps them inert. Each payload, if it ever ran, sets globalThis[PWNED_FLAG].
 */
export const PWNED_FLAG = '__ringtracePwned';

/** A PDF from its objects' bodies (object n is bodies[n - 1]); object 1 is the catalog. */
export function buildPdf(bodies: readonly string[]): Uint8Array {
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  bodies.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = out.length;
  out +=
    `xref\n0 ${bodies.length + 1}\n0000000000 65535 f\r\n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n\r\n`).join('') +
    `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Uint8Array.from(out, (c) => c.charCodeAt(0));
}

const stream = (content: string) =>
  `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;

const TEXT = 'BT /F1 24 Tf 72 700 Td (Transfer to Dara Pich) Tj ET';

/**
 * The CVE-2024-4367 pattern: a font whose FontMatrix holds a string that closes pdf.js's
 * generated glyph-drawing code and appends script. pdf.js compiled that code with
 * `new Function` when eval was allowed (versions before 4.2.67).
 */
export function fontMatrixInjectionPdf(): Uint8Array {
  const payload = `(1\\); globalThis.${PWNED_FLAG} = 'font-matrix'; //)`;
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream(TEXT),
    `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FontMatrix [0.001 0 0 0.001 0 ${payload}] >>`,
  ]);
}

/** Script on open, on page open, in the document's name tree, and a Launch of a program. */
export function scriptAndLaunchPdf(): Uint8Array {
  const js = `(globalThis.${PWNED_FLAG} = 'javascript'; app.alert\\('pwned'\\);)`;
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R /Names << /JavaScript << /Names [(x) 6 0 R] >> >> /AA << /WC 7 0 R >> >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R /AA << /O 7 0 R /C 6 0 R >> >>',
    stream(TEXT),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Type /Action /S /JavaScript /JS ${js} >>`,
    '<< /Type /Action /S /Launch /F (/bin/sh) /Win << /F (cmd.exe) /P (/c calc) >> /Next 6 0 R >>',
  ]);
}

/** A page tree whose Pages node lists itself as its own kid: a naive walk never ends. */
export function pageTreeLoopPdf(): Uint8Array {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>',
    '<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>',
  ]);
}
