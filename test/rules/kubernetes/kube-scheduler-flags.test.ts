import rule from '../../../rules/src/kubernetes/kube-scheduler-flags';
import { ruleTester } from '../../utils/rule-tester';
import { COMMAND_LINE, staticPod, wordLine } from './control-plane';

const IMAGE = 'registry.k8s.io/kube-scheduler:v1.31.0';
const ks = (flags: readonly string[]): string => staticPod(['kube-scheduler', ...flags], IMAGE);
const config = (body: string): string => `apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\n${body}`;

ruleTester(rule, {
  valid: [
    { code: ks(['--bind-address=127.0.0.1']), name: 'profiling not given: read from the config file' },
    { code: ks(['--config=/etc/kubernetes/scheduler.conf', '--bind-address=127.0.0.1', '--profiling=false']), name: 'profiling off' },
    { code: config('enableProfiling: false\nprofiles:\n  - schedulerName: default-scheduler\n'), name: 'config with enableProfiling: false' },
    { code: 'apiVersion: example.com/v1\nkind: KubeSchedulerConfiguration\nspec: {}\n', name: 'near miss: another API group' },
  ],
  invalid: [
    { code: ks(['--bind-address=127.0.0.1', '--profiling=true']), errors: [{ messageId: 'profiling', line: wordLine(2), message: 'kube-scheduler: --profiling=true; set it to false.' }] },
    { code: ks(['--profiling=false']), name: 'bind address missing', errors: [{ messageId: 'bindAddress', line: COMMAND_LINE }] },
    { code: ks(['--bind-address=0.0.0.0', '--profiling=false']), name: 'bind address 0.0.0.0', errors: [{ messageId: 'bindAddress', line: wordLine(1) }] },
    { code: config('profiles:\n  - schedulerName: default-scheduler\n'), name: 'config without enableProfiling', errors: [{ messageId: 'configProfiling', line: 2, message: 'KubeSchedulerConfiguration does not set enableProfiling, which defaults to true; set enableProfiling: false.' }] },
    { code: config('enableProfiling: true\n'), name: 'config with enableProfiling: true', errors: [{ messageId: 'configProfiling', line: 3, column: 18 }] },
  ],
});
