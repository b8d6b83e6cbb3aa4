import rule from '../../../rules/src/kubernetes/image-no-digest';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const c = (image: string): string => `containers:\n  - name: app\n    image: ${image}\n`;
const digest = 'sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5';

ruleTester(rule, {
  valid: [...validInEveryKind(c(`nginx@${digest}`), 'digest'), { code: pod(c(`nginx:1.27@${digest}`)), name: 'tag and digest' }, { code: pod('containers:\n  - name: app\n'), name: 'no image' }],
  invalid: [
    ...invalidInEveryKind(c('nginx:1.27'), 'tag only', [{ messageId: 'noDigest', line: 3, column: 12, endColumn: 22, message: "Container 'app' uses image 'nginx:1.27' without a @sha256 digest." }]),
    { code: pod(`initContainers: [{name: i, image: busybox}]\n${c('nginx:1.27')}`), name: 'init container', errors: [{ messageId: 'noDigest', line: 6 }, { messageId: 'noDigest', line: 9 }] },
  ],
});
