import rule from '../../../rules/src/kubernetes/git-sync-dangerous';
import { ruleTester } from '../../utils/rule-tester';
import { pod } from './kinds';

const c = (image: string, rest: string): string => pod(`containers:\n  - name: sync\n    image: ${image}\n${rest}`);

ruleTester(rule, {
  valid: [c('registry.k8s.io/git-sync/git-sync:v4.4.0', '    args: [--repo=https://x, --period=60s]\n'), { code: c('alpine:3.20', '    args: [--exechook-command=/bin/sh]\n'), name: 'near miss: not git-sync' }],
  invalid: [
    { code: c('registry.k8s.io/git-sync/git-sync:v4.4.0', '    args:\n      - --repo=https://x\n      - --git-config=core.sshCommand:/tmp/x\n'), errors: [{ messageId: 'arg', line: 11, column: 11, message: "Container 'sync' passes --git-config to git-sync, which can run arbitrary commands." }] },
    { code: c('k8s.gcr.io/git-sync:v3.1.0', '    env:\n      - name: GITSYNC_EXECHOOK_COMMAND\n        value: /hook.sh\n'), name: 'environment variable', errors: [{ messageId: 'arg', line: 10 }] },
  ],
});
