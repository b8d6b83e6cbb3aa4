/** Parsers for other tools' inline suppression comments (hadolint, Checkov, Trivy, KICS, BuildKit). */
import type { Range } from 'vscode-languageserver-types';
import type { IgnoreComment } from './suppressions';

/** Splits `a,b c` into ids. */
export function splitIds(text: string): string[] {
  return text.split(/[,\s]+/).map((s) => s.trim()).filter((s) => s !== '');
}

function make(tool: IgnoreComment['tool'], scope: IgnoreComment['scope'], ids: string[], range: Range, reason?: string, all = false): IgnoreComment {
  return { tool, scope, ids, all, reason, range, from: -1, to: -1 };
}

/** Parses a comment body (without '#', trimmed) in another tool's syntax; undefined when it is none. */
export function parseForeignComment(body: string, range: Range): IgnoreComment | undefined {
  // hadolint: `hadolint ignore=DL3006,DL3008` (next instruction), `hadolint global ignore=…` (file)
  if (body.startsWith('hadolint ')) {
    const rest = body.slice('hadolint '.length).trim();
    const global = rest.startsWith('global ');
    const spec = global ? rest.slice('global '.length).trim() : rest;
    if (!spec.startsWith('ignore=')) return undefined;
    const ids = splitIds(spec.slice('ignore='.length));
    return ids.length ? make('hadolint', global ? 'file' : 'line', ids, range) : undefined;
  }
  // Checkov: `checkov:skip=CKV_DOCKER_2:reason` applies to the resource, i.e. the whole Dockerfile / document.
  if (body.startsWith('checkov:skip=')) {
    const spec = body.slice('checkov:skip='.length);
    const colon = spec.indexOf(':');
    const id = (colon >= 0 ? spec.slice(0, colon) : spec).trim();
    return id ? make('checkov', 'file', [id], range, colon >= 0 ? spec.slice(colon + 1).trim() || undefined : undefined) : undefined;
  }
  // Trivy: `trivy:ignore:AVD-DS-0002` applies to the next line / block.
  if (body.startsWith('trivy:ignore:')) {
    const id = body.slice('trivy:ignore:'.length).split(/\s/)[0] ?? '';
    return id ? make('trivy', 'block', [id], range) : undefined;
  }
  // KICS: `kics-scan ignore-line`, `ignore-block`, `ignore` (whole file), `disable=<uuid>,…` (file, those queries).
  if (body.startsWith('kics-scan ')) {
    const spec = body.slice('kics-scan '.length).trim();
    if (spec === 'ignore-line') return make('kics', 'line', [], range, undefined, true);
    if (spec === 'ignore-block') return make('kics', 'block', [], range, undefined, true);
    if (spec === 'ignore') return make('kics', 'file', [], range, undefined, true);
    if (spec.startsWith('disable=')) {
      const ids = splitIds(spec.slice('disable='.length));
      return ids.length ? make('kics', 'file', ids, range) : undefined;
    }
    return undefined;
  }
  // BuildKit: `check=skip=JSONArgsRecommended,…` or `check=skip=all` (a parser directive).
  // (The body is trimmed, so a directive starts with `c`: other comments skip the whitespace strip.)
  if (body.startsWith('c') && body.replace(/\s/g, '').startsWith('check=')) {
    const spec = body.replace(/\s/g, '').slice('check='.length);
    const skip = spec.split(';').find((p) => p.startsWith('skip='));
    if (!skip) return undefined;
    const ids = splitIds(skip.slice('skip='.length));
    if (ids.length === 1 && ids[0]!.toLowerCase() === 'all') return make('buildkit', 'file', [], range, undefined, true);
    return ids.length ? make('buildkit', 'file', ids, range) : undefined;
  }
  return undefined;
}
