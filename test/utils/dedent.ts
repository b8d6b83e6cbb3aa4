/** Template-literal dedent for multi-line Dockerfiles and YAML in test tables. */
export function dedent(strings: TemplateStringsArray | string, ...values: unknown[]): string {
  const raw = typeof strings === 'string' ? strings : strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length);
  const min = indents.length ? Math.min(...indents) : 0;
  const out = lines.map((l) => l.slice(min)).join('\n');
  return out.endsWith('\n') ? out : out.replace(/[ \t]*$/, '') + (out.trim() === '' ? '' : '\n');
}
