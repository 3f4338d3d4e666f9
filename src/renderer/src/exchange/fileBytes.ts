/** The bytes of the file chosen in a file input, or null when nothing was chosen. */
export async function chosenFileBytes(
  input: HTMLInputElement,
): Promise<{ name: string; data: Uint8Array } | null> {
  const file = input.files?.[0];
  if (!file) return null;
  return { name: file.name, data: new Uint8Array(await file.arrayBuffer()) };
}

export function shortDate(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}
