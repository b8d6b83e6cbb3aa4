/** Builders for the complete manifests used in rule docs examples (kept short in the rule files). */

function indent(text: string, n: number): string {
  return text.split('\n').map((l) => (l === '' ? l : ' '.repeat(n) + l)).join('\n');
}

/** A Pod named `p` whose spec is `spec` (written at column 0, ending with a newline). */
export function podYaml(spec: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${indent(spec, 2)}`;
}

/** A Pod with one container `app` (image nginx:1.27.2) whose extra container fields are `fields` (column 0). */
export function containerYaml(fields = '', podFields = ''): string {
  return podYaml(`${podFields}containers:\n  - name: app\n    image: nginx:1.27.2\n${indent(fields, 4)}`);
}

/** An object of `kind` with `body` (column 0) after its metadata. */
export function objectYaml(apiVersion: string, kind: string, body: string, metadata = 'name: x\n'): string {
  return `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n${indent(metadata, 2)}${body}`;
}

/** A static Pod (as kubeadm writes them) running `image` with an exec-form `command` of one word per line. */
export function staticPodYaml(image: string, command: readonly string[]): string {
  return podYaml(`containers:\n  - name: main\n    image: ${image}\n    command:\n${command.map((w) => `      - ${w}\n`).join('')}`);
}
