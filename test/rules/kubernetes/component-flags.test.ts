/** Unit tests of the shared control-plane flag model (model/kubernetes/component-flags.ts). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { durationSeconds, featureGate, invocationOf, listOf, parseBool, weakCiphers } from '../../../rules/src/model/kubernetes/component-flags';
import { objectsOf, workloadOf } from '../../../rules/src/model/kubernetes/workloads';
import { parseYaml } from '../../../rules/src/model/yaml/documents';
import { pod } from './kinds';

function invocation(containerYaml: string): ReturnType<typeof invocationOf> {
  const file = parseYaml(pod(`containers:\n${containerYaml}`));
  const c = objectsOf(file).map(workloadOf)[0]?.containers[0];
  assert.ok(c, 'the fixture has a container');
  return invocationOf(c);
}

describe('component flags model', () => {
  it('parses Go durations', () => {
    for (const [text, seconds] of [['0', 0], ['0s', 0], ['300s', 300], ['6m', 360], ['1h1m1s', 3661], ['1h0s', 3600], ['1.5h', 5400], ['250ms', 0.25]] as const) assert.equal(durationSeconds(text), seconds, text);
    for (const bad of ['', 'abc', '5 m', '1x', 'h1']) assert.equal(durationSeconds(bad), undefined, bad);
  });
  it('parses booleans as strconv.ParseBool does', () => {
    assert.equal(parseBool('True'), true);
    assert.equal(parseBool('0'), false);
    assert.equal(parseBool('yes'), undefined);
  });
  it('splits lists and reads feature gates', () => {
    assert.deepEqual(listOf(' Node, RBAC ,,'), ['Node', 'RBAC']);
    assert.equal(featureGate('A=true, RotateKubeletServerCertificate=false', 'RotateKubeletServerCertificate'), 'false');
    assert.equal(featureGate('A=true', 'RotateKubeletServerCertificate'), undefined);
  });
  it('tells weak cipher suites from strong ones', () => {
    assert.deepEqual(weakCiphers(['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', 'TLS_RSA_WITH_RC4_128_SHA']), ['TLS_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', 'TLS_RSA_WITH_RC4_128_SHA']);
  });
  it('finds the component from command[0], a hyperkube sub-command or the image', () => {
    assert.equal(invocation('  - name: a\n    image: x/y:1\n    command: ["/usr/local/bin/kube-apiserver", "--profiling=false"]\n')?.component, 'kube-apiserver');
    assert.equal(invocation('  - name: a\n    image: x/y:1\n    command: ["hyperkube", "controller-manager"]\n')?.component, 'kube-controller-manager');
    assert.equal(invocation('  - name: a\n    image: gcr.io/google_containers/kube-scheduler-amd64:v1.6.0\n    args: ["--profiling=false"]\n')?.component, 'kube-scheduler');
    assert.equal(invocation('  - name: a\n    image: registry.k8s.io/etcd:3.5.15-0\n    command: ["sh", "-c", "etcd"]\n'), undefined, 'shell form: command[0] decides');
    assert.equal(invocation('  - name: a\n    image: nginx:1.27\n'), undefined);
  });
  it('reads --flag=value, --flag value, bare booleans and underscores; the last occurrence wins', () => {
    const inv = invocation('  - name: a\n    image: x/y:1\n    command: ["etcd", "--auto-tls=true", "--name", "m1", "--client-cert-auth", "--peer_auto_tls=false", "--auto-tls=false"]\n    args: ["--data-dir", "/var/lib/etcd"]\n');
    assert.deepEqual(Object.fromEntries([...(inv?.flags ?? new Map())].map(([k, v]) => [k, v.value])), { 'auto-tls': 'false', name: 'm1', 'client-cert-auth': 'true', 'peer-auto-tls': 'false', 'data-dir': '/var/lib/etcd' });
  });
});
