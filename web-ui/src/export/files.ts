/** Saves {@code blob} as a download named {@code prefix}-{@code name}.csv (name reduced to letters and digits). */
export function saveFile(blob: Blob, prefix: string, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${prefix}-${name.replace(/[^\p{L}\p{N}]+/gu, '-')}.csv`;
  a.click();
  URL.revokeObjectURL(url);
}
