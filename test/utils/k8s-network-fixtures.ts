/**
 * The Deployment and NetworkPolicy the cross-file tests (CLI, language server, startup scan) put in
 * separate files: a Deployment `app` in namespace `shop` whose pods carry `app: <app>`, and a
 * policy selecting them.
 */
import { dedent } from './dedent';

export const deploymentYaml = (app = 'web'): string => dedent`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: ${app}
    namespace: shop
  spec:
    template:
      metadata:
        labels: {app: ${app}}
      spec:
        containers:
          - name: ${app}
            image: nginx:1.27
`;

/** With `types`, the policy also lists `policyTypes: [Ingress, Egress]`. */
export const policyYaml = (app: string, types = false): string =>
  dedent`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: ${app}
    namespace: shop
  spec:
    podSelector:
      matchLabels: {app: ${app}}
` + (types ? '  policyTypes: [Ingress, Egress]\n' : '');
