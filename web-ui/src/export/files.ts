import Papa from 'papaparse';

/** Saves {@code blob} as a download named {@code prefix}-{@code name}.{@code extension} (name reduced to letters and digits). */
export function saveFile(blob: Blob, prefix: string, name: string, extension = 'csv'): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${prefix}-${name.replace(/[^\p{L}\p{N}]+/gu, '-')}.${extension}`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // the browser reads the blob after this tick
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * CSV text (RFC 4180 quoting, by Papa Parse) for spreadsheets: a cell a spreadsheet would run as a formula
 * (=, +, -, @ first) is prefixed with an apostrophe; a byte-order mark lets Excel read UTF-8.
 */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): Blob {
  const text = Papa.unparse({ fields: header, data: rows.map((row) => row.map((value) => value ?? '')) },
    { escapeFormulae: true, newline: '\r\n' });
  return new Blob(['\uFEFF', text, '\r\n'], { type: 'text/csv;charset=utf-8' });
}
