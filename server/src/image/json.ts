/** Narrowing helpers for JSON read from images and scanner outputs (`unknown` in, typed values out). */

export type JsonRecord = Record<string, unknown>;

export function isRecord(v: unknown): v is JsonRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function rec(v: unknown): JsonRecord | undefined {
  return isRecord(v) ? v : undefined;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function strArr(v: unknown): string[] {
  return arr(v).filter((x): x is string => typeof x === 'string');
}

/** Parses JSON text; returns undefined (never throws) on malformed input. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The first `{`/`[` onwards: some tools print log lines before their JSON. */
export function parseJsonLenient(text: string): unknown {
  const direct = parseJson(text);
  if (direct !== undefined) return direct;
  const i = text.search(/^[{[]/m);
  return i > 0 ? parseJson(text.slice(i)) : undefined;
}
