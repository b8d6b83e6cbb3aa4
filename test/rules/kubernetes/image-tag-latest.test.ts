import rule from '../../../rules/src/kubernetes/image-tag-latest';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const c = (image: string): string => `containers:\n  - name: app\n    image: ${image}\n`;

ruleTester(rule, {
  valid: [
    ...validInEveryKind(c('nginx:1.27.2'), 'version tag'),
    { code: pod(c('nginx@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5')), name: 'digest without tag' },
    { code: pod(c('nginx:latest@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5')), name: 'latest pinned by digest' },
    { code: pod(c('registry.local:5000/team/app:2.1')), name: 'near miss: registry port and a tag' },
    { code: pod('containers:\n  - name: app\n    resources: {}\n'), filename: 'overlays/prod/patch.yaml', name: 'no image (patch)' },
    { code: pod(c('$(IMAGE)')), name: 'substituted later' },
  ],
  invalid: [
    ...invalidInEveryKind(c('nginx:latest'), 'latest', [{ messageId: 'latest', line: 3, column: 12, endColumn: 24, message: "Container 'app' uses image 'nginx:latest' with the mutable tag 'latest'." }]),
    { code: pod(c('registry.local:5000/team/app')), name: 'registry port is not a tag', errors: [{ messageId: 'untagged', line: 8, column: 14, message: "Container 'app' uses image 'registry.local:5000/team/app' without a tag or digest, so 'latest' is implied." }] },
    {
      code: pod('initContainers:\n  - name: i\n    image: "busybox"\nephemeralContainers: [{name: e, image: alpine:latest}]\n' + c('nginx:1.27')) + '---\n' + pod(c('redis')),
      name: 'init (quoted), ephemeral (flow), multi-document',
      errors: [{ messageId: 'untagged', line: 8, column: 14, endColumn: 23 }, { messageId: 'latest', line: 9, message: "Ephemeral container 'e' uses image 'alpine:latest' with the mutable tag 'latest'." }, { messageId: 'untagged', line: 21 }],
    },
  ],
});
