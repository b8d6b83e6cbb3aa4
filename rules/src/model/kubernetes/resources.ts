/** Resource requests/limits of a container: what is missing, where to report it and how to add it. */
import type { Range } from 'vscode-languageserver-types';
import type { TextEdit } from 'vscode-languageserver-types';
import { getIn, keyRange, mapGet } from '../yaml/documents';
import { lazySuggestion, type KubernetesContext } from '../../engine/rule';
import { containerLabel, type Container } from './workloads';
import { setContainerField } from './fixes';

export type ResourceSection = 'limits' | 'requests';
export type ResourceName = 'cpu' | 'memory';

/** Placeholder values offered by the fixes (the same orders of magnitude Polaris uses). */
export const PLACEHOLDER: Readonly<Record<ResourceName, string>> = { cpu: '100m', memory: '512Mi' };

/** A missing `resources.<section>.<name>`: where to report it and (built on demand) the edit that adds it; undefined when it is set or the container is a partial patch. */
export function missingResource(c: Container, section: ResourceSection, name: ResourceName): { at: Range; fix: () => TextEdit | undefined } | undefined {
  if (c.partial) return undefined;
  const value = getIn(c.node, ['resources', section, name]);
  if (value !== undefined) return undefined;
  const file = c.workload.object.file;
  const resources = mapGet(c.node, 'resources');
  // Report on the most specific existing key: `<section>`, else (for CPU, as KICS does) `resources`, else the container.
  const at = keyRange(file, resources, section) ?? (name === 'cpu' ? keyRange(file, c.node, 'resources') : undefined) ?? c.range;
  return { at, fix: () => setContainerField(c, ['resources', section, name], PLACEHOLDER[name]) };
}

type MissingMessages = { missing: (container: string) => string };

/** Reports a container lacking `resources.<section>.<name>`, with a placeholder-value suggestion when one can be inserted. */
export function reportMissingResource(c: Container, ctx: KubernetesContext<MissingMessages>, section: ResourceSection, name: ResourceName): void {
  const m = missingResource(c, section, name);
  if (!m) return;
  ctx.report({
    at: m.at,
    messageId: 'missing',
    args: [containerLabel(c)],
    fixes: lazySuggestion(`Add resources.${section}.${name}: ${PLACEHOLDER[name]} (placeholder: measure and adjust)`, m.fix),
  });
}
