import { defineRule } from '../engine/rule';
import { getIn, mapGet, mapPairs, nodeRange, scalarValue, stringValue } from '../model/yaml/documents';
import { objectLabel, workloadOf } from '../model/kubernetes/workloads';
import { containerYaml } from '../model/kubernetes/examples';

/** A label name or value: alphanumerics at both ends, `-`, `_`, `.` inside, at most 63 characters. */
const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
/** A DNS subdomain (the optional key prefix before `/`): at most 253 characters. */
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Unresolved template placeholders (`{{x}}`, `${X}`, `$(X)`) are substituted by tooling before apply. */
const TEMPLATED = /\{\{|\$\{|\$\(/;

function keyProblem(key: string): boolean {
  const slash = key.indexOf('/');
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  const name = slash < 0 ? key : key.slice(slash + 1);
  return !NAME.test(name) || (prefix !== undefined && (prefix.length > 253 || !SUBDOMAIN.test(prefix)));
}

export default defineRule({
  id: 'K8S093',
  name: 'label-invalid',
  target: 'kubernetes',
  category: 'hygiene',
  severity: 'error',
  title: 'Use valid label keys and values',
  fix: 'none',
  anchors: {
    kics: ['1123031a-f921-4c5b-bd86-ef354ecfd37a'],
  },
  messages: {
    invalidValue: (object: string, key: string, value: string) => `${object} has label ${key} with the invalid value '${value}' (at most 63 characters: letters, digits, '-', '_', '.', starting and ending with a letter or digit).`,
    invalidKey: (object: string, key: string) => `${object} has the invalid label key '${key}' (an optional DNS subdomain prefix and '/', then a name of at most 63 characters: letters, digits, '-', '_', '.').`,
  },
  docs: {
    summary: "A label key or value in an object's `metadata.labels` (or its pod template's) does not follow Kubernetes' label syntax.",
    rationale: 'The API server rejects the whole object, so the manifest fails to apply; tools that template labels from versions or branch names (`feature/x`, `1.2+build`) hit this often.',
    remediation: 'Keep label values to 63 letters, digits, `-`, `_` and `.` that start and end alphanumeric (or empty); move free text to an annotation.',
    references: ['https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set'],
    examples: {
      bad: [containerYaml().replace('name: p\n', 'name: p\n  labels:\n    version: 1.2+build\n')],
      good: [containerYaml().replace('name: p\n', 'name: p\n  labels:\n    app.kubernetes.io/version: 1.2-build\n    empty: ""\n')],
    },
  },
  hooks: {
    onObject(o, ctx) {
      const pairs = [...mapPairs(getIn(o.node, ['metadata', 'labels']))];
      const template = workloadOf(o)?.podMetadata;
      if (template !== undefined && template !== mapGet(o.node, 'metadata')) pairs.push(...mapPairs(mapGet(template, 'labels')));
      for (const pair of pairs) {
        const key = stringValue(pair.key) ?? '';
        const raw = scalarValue(pair.value);
        const value = raw === null || raw === undefined ? '' : String(raw);
        if (TEMPLATED.test(key) || TEMPLATED.test(value)) continue;
        if (keyProblem(key)) ctx.report({ at: nodeRange(o.file, pair.key) ?? o.headRange, messageId: 'invalidKey', args: [objectLabel(o), key] });
        else if (value !== '' && !NAME.test(value)) ctx.report({ at: nodeRange(o.file, pair.value) ?? o.headRange, messageId: 'invalidValue', args: [objectLabel(o), key, value] });
      }
    },
  },
});
