import rule from '../../../rules/src/kubernetes/audit-policy-coverage';
import { ruleTester } from '../../utils/rule-tester';

/** A Policy whose `rules:` key is on line 3 and first rule's level on line 4. */
const policy = (rules: string): string => `apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n${rules}`;
const SECRETS_METADATA = '  - level: Metadata\n    resources:\n      - group: ""\n        resources: [secrets, configmaps]\n      - group: authentication.k8s.io\n        resources: [tokenreviews]\n';
const CATCH_ALL = '  - level: Metadata\n';

ruleTester(rule, {
  valid: [
    { code: policy(`${SECRETS_METADATA}  - level: RequestResponse\n    resources:\n      - group: ""\n        resources: [pods, pods/exec, pods/portforward, pods/proxy, services/proxy]\n      - group: apps\n        resources: [deployments]\n`), name: 'explicit rules' },
    { code: policy(CATCH_ALL), name: 'one catch-all Metadata rule' },
    { code: policy(`  - level: None\n    users: ["system:kube-proxy"]\n    verbs: [watch]\n  - level: None\n    resources:\n      - group: ""\n        resources: [configmaps]\n        resourceNames: [controller-leader]\n${CATCH_ALL}`), name: 'narrowed None rules are skipped' },
    { code: policy(`${SECRETS_METADATA}  - level: Request\n    resources:\n      - group: ""\n  - level: Metadata\n`), name: 'whole core group at Request after the secrets rule' },
    { code: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: x\nspec:\n  minAvailable: 1\n  selector: {matchLabels: {app: x}}\n', name: 'near miss: another Policy-like kind' },
  ],
  invalid: [
    {
      code: policy('  - level: RequestResponse\n'),
      name: 'everything with bodies',
      errors: ['secrets', 'configmaps', 'tokenreviews'].map((r) => ({ messageId: 'bodiesLogged', line: 4, column: 12, message: `This rule logs ${r} at level RequestResponse, which writes their contents (secret values, tokens) to the audit log; use Metadata.` })),
    },
    {
      code: 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules: []\n',
      name: 'no rules',
      errors: ['secrets', 'configmaps', 'tokenreviews', 'pods', 'deployments', 'pods/exec', 'pods/portforward', 'pods/proxy', 'services/proxy'].map((r) => ({ messageId: 'notLogged', line: 3, message: `The audit policy does not log requests to ${r} (no rule covers them, so their level is None).` })),
    },
    {
      code: policy(`${SECRETS_METADATA}  - level: None\n    resources:\n      - group: ""\n        resources: ["pods/*"]\n${CATCH_ALL}`),
      name: 'subresources at None',
      errors: ['pods/exec', 'pods/portforward', 'pods/proxy'].map((r) => ({ messageId: 'levelNone', line: 10, message: `This rule sets level None for ${r}: requests to them are not audited.` })),
    },
  ],
});
