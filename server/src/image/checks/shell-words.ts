/**
 * Splits one `created_by` history string into commands (at `&&`, `||`, `;`, `|`, newlines) and words,
 * honouring single/double quotes and backslash escapes. Only used on that single extracted string.
 */

export function splitCommands(text: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  const endWord = (): void => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = (): void => {
    endWord();
    if (words.length) commands.push(words);
    words = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < text.length) word += text[++i];
      else word += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < text.length) {
      const n = text[++i] as string;
      if (n !== '\n') {
        word += n;
        inWord = true;
      }
    } else if (c === ' ' || c === '\t') {
      endWord();
    } else if (c === ';' || c === '\n' || c === '|' || (c === '&' && text[i + 1] === '&')) {
      if ((c === '&' || c === '|') && text[i + 1] === c) i++;
      endCommand();
    } else {
      word += c;
      inWord = true;
    }
  }
  endCommand();
  return commands;
}

/** The instruction text of a history entry: drops `/bin/sh -c #(nop)`, buildkit's `# buildkit` and `|N ARG=…` prefixes. */
export function normaliseCreatedBy(createdBy: string): { keyword: string; rest: string } {
  let s = createdBy.trim();
  if (s.endsWith('# buildkit')) s = s.slice(0, -'# buildkit'.length).trim();
  const argPrefix = /^\|\d+\s/.exec(s);
  if (argPrefix) {
    // `|2 A=1 B=2 /bin/sh -c cmd`: drop the ARG assignments (count given by the number).
    const n = Number(argPrefix[0].slice(1));
    const words = s.slice(argPrefix[0].length).split(' ');
    s = words.slice(n).join(' ');
  }
  if (s.startsWith('/bin/sh -c #(nop)')) {
    s = s.slice('/bin/sh -c #(nop)'.length).trim();
    const sp = s.indexOf(' ');
    return { keyword: (sp === -1 ? s : s.slice(0, sp)).toUpperCase(), rest: sp === -1 ? '' : s.slice(sp + 1).trim() };
  }
  if (s.startsWith('/bin/sh -c ')) return { keyword: 'RUN', rest: s.slice('/bin/sh -c '.length).trim() };
  const sp = s.indexOf(' ');
  const first = sp === -1 ? s : s.slice(0, sp);
  if (/^[A-Z]+$/.test(first)) {
    let rest = sp === -1 ? '' : s.slice(sp + 1).trim();
    const args = /^\|(\d+)\s/.exec(rest);
    if (first === 'RUN' && args) rest = rest.slice(args[0].length).split(' ').slice(Number(args[1])).join(' ');
    if (first === 'RUN' && rest.startsWith('/bin/sh -c ')) rest = rest.slice('/bin/sh -c '.length).trim();
    return { keyword: first, rest };
  }
  return { keyword: '', rest: s };
}
