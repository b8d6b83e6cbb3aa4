/**
 * Build-argument substitution for FROM lines: `$NAME`, `${NAME}`, `${NAME:-default}` and
 * `${NAME:+alt}` resolved against ARG defaults declared before the first FROM.
 */

/** Result of substitution: the text and whether some variable had no known value. */
export interface Substituted {
  value: string;
  unresolved: boolean;
}

function isNameChar(c: string | undefined, first: boolean): boolean {
  if (c === undefined) return false;
  if (c === '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return !first && c >= '0' && c <= '9';
}

/** Substitutes variables in `text` from `vars`; a variable with no value marks the result unresolved. */
export function substituteVariables(text: string, vars: ReadonlyMap<string, string | undefined>): Substituted {
  let out = '';
  let unresolved = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    if (text[i + 1] === '{') {
      const close = text.indexOf('}', i + 2);
      if (close < 0) {
        out += text.slice(i);
        unresolved = true;
        break;
      }
      const body = text.slice(i + 2, close);
      const op = body.search(/:[-+]/);
      const name = op >= 0 ? body.slice(0, op) : body;
      const value = vars.get(name);
      if (op >= 0 && body[op + 1] === '-') {
        const fallback = body.slice(op + 2);
        out += value !== undefined && value !== '' ? value : fallback;
      } else if (op >= 0) {
        out += value !== undefined && value !== '' ? body.slice(op + 2) : '';
      } else if (value !== undefined) {
        out += value;
      } else {
        unresolved = true;
      }
      i = close + 1;
      continue;
    }
    let j = i + 1;
    while (isNameChar(text[j], j === i + 1)) j++;
    if (j === i + 1) {
      out += c;
      i++;
      continue;
    }
    const value = vars.get(text.slice(i + 1, j));
    if (value !== undefined) out += value;
    else unresolved = true;
    i = j;
  }
  return { value: out, unresolved };
}
