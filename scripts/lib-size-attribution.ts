/**
 * Which package each byte of a built bundle comes from, read from its source map: how the host cost splits
 * between the dialog's own code and each dependency, so that the heavy ones can be named.
 */
import { gzipSync } from 'node:zlib';

const base64Digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one source-map segment (base64 VLQ) into its numbers. */
export function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = base64Digits.indexOf(char);
    if (digit < 0) throw new Error(`not a base64 VLQ digit: ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** The package a source path belongs to: `zod`, `@radix-ui/react-dialog`, or `sharewell` / `host` for the rest. */
export function packageOfSource(source: string): string {
  const inNodeModules = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source.split('\\').join('/'));
  if (inNodeModules?.[1]) return inNodeModules[1];
  return 'host';
}

/** A minimal source map, as Vite writes it. */
export interface SourceMap {
  sources: string[];
  mappings: string;
}

/** The generated code of a bundle, grouped by the package its source map says each byte came from. */
export function attributeCode(code: string, map: SourceMap): Map<string, string> {
  const lines = code.split('\n');
  const pieces = new Map<string, string[]>();
  let sourceIndex = 0;
  map.mappings.split(';').forEach((lineMappings, lineNumber) => {
    const line = lines[lineNumber] ?? '';
    let column = 0;
    const segments: { column: number; source: number | null }[] = [];
    for (const segment of lineMappings.split(',')) {
      if (!segment) continue;
      const [columnDelta = 0, sourceDelta] = decodeVlq(segment);
      column += columnDelta;
      if (sourceDelta !== undefined) sourceIndex += sourceDelta;
      segments.push({ column, source: sourceDelta === undefined ? null : sourceIndex });
    }
    segments.forEach((segment, index) => {
      const end = segments[index + 1]?.column ?? line.length;
      const owner =
        segment.source === null ? '(unmapped)' : packageOfSource(map.sources[segment.source] ?? '');
      const list = pieces.get(owner) ?? [];
      list.push(line.slice(segment.column, end));
      pieces.set(owner, list);
    });
  });
  return new Map([...pieces].map(([owner, list]) => [owner, list.join('')]));
}

/** Raw and gzipped bytes per package, largest first. */
export function packageSizes(code: Map<string, string>): { name: string; raw: number; gzip: number }[] {
  return [...code]
    .map(([name, text]) => ({
      name,
      raw: Buffer.byteLength(text),
      gzip: gzipSync(text, { level: 9 }).byteLength,
    }))
    .sort((a, b) => b.raw - a.raw);
}
