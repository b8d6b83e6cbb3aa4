import rule from '../../../rules/src/kubernetes/kube-controller-manager-flags';
import { ruleTester, type InvalidCase } from '../../utils/rule-tester';
import { pod } from './kinds';
import { COMMAND_LINE, flagIndex, staticPod, withFlag, wordLine } from './control-plane';

const IMAGE = 'registry.k8s.io/kube-controller-manager:v1.31.0';
const BASE = ['--profiling=false', '--use-service-account-credentials=true', '--service-account-private-key-file=/pki/sa.key', '--root-ca-file=/pki/ca.crt', '--bind-address=127.0.0.1'];
const kcm = (flags: readonly string[]): string => staticPod(['kube-controller-manager', ...flags], IMAGE);

const ROWS: readonly [string, string | undefined, string][] = [
  ['profiling', 'true', 'profiling'],
  ['profiling', undefined, 'profiling'],
  ['use-service-account-credentials', 'false', 'useServiceAccountCredentials'],
  ['use-service-account-credentials', undefined, 'useServiceAccountCredentials'],
  ['service-account-private-key-file', undefined, 'serviceAccountPrivateKeyFile'],
  ['root-ca-file', undefined, 'rootCaFile'],
  ['terminated-pod-gc-threshold', '0', 'terminatedPodGcThreshold'],
  ['terminated-pod-gc-threshold', '12501', 'terminatedPodGcThreshold'],
  ['bind-address', '0.0.0.0', 'bindAddress'],
  ['bind-address', undefined, 'bindAddress'],
  ['feature-gates', 'Foo=true,RotateKubeletServerCertificate=false', 'rotateKubeletServerCertificate'],
];

const rowCases: InvalidCase[] = ROWS.map(([flag, value, messageId]) => {
  const flags = withFlag(BASE, flag, value);
  const i = flagIndex(flags, flag);
  return { code: kcm(flags), name: `${messageId}: --${flag}=${value ?? '(absent)'}`, errors: [{ messageId, line: i < 0 ? COMMAND_LINE : wordLine(i + 1) }] };
});

ruleTester(rule, {
  valid: [
    { code: kcm(BASE), name: 'every flag set as required' },
    { code: kcm([...BASE, '--terminated-pod-gc-threshold=10', '--feature-gates=RotateKubeletServerCertificate=true']), name: 'gc threshold 10, rotation gate on' },
    { code: pod(`containers:\n  - name: kcm\n    image: ${IMAGE}\n    args: ${JSON.stringify(BASE)}\n`), name: 'no command: the image decides' },
    { code: staticPod(['kube-apiserver', '--profiling=true'], IMAGE), name: 'near miss: command names another component than the image' },
  ],
  invalid: [
    ...rowCases,
    {
      code: pod('containers:\n  - name: kcm\n    image: example.com/kube-controller-manager-amd64:v1.6.0\n    command: ["kube-controller-manager", "--profiling=false", "--use-service-account-credentials=true", "--service-account-private-key-file=/k", "--root-ca-file=/ca"]\n'),
      name: 'flow command, bind address missing',
      errors: [{ messageId: 'bindAddress', line: 9, message: 'kube-controller-manager: --bind-address is not set and defaults to 0.0.0.0: the unauthenticated health and metrics endpoints are reachable from the network; set --bind-address=127.0.0.1.' }],
    },
  ],
});
