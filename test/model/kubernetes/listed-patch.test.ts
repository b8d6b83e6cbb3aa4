/**
 * Files a kustomization lists as patches (`objectsOf(file, path, listedPatch)`): every workload
 * and container is partial, with or without `image`, at any path; unlisted, the path conventions
 * of `isPatchPath` decide as before.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../../../rules/src/model/yaml/documents';
import { objectsOf, workloadOf } from '../../../rules/src/model/kubernetes/workloads';

const withImage = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      initContainers:\n        - name: init\n          image: busybox:1.36\n      containers:\n        - name: web\n          image: nginx:1.27\n';
/** Containers are listed regular first, then init (as `workloadOf` builds them). */
const withoutImage = withImage.replace('          image: nginx:1.27\n', '');

describe('listed patches', () => {
  const table: { name: string; text: string; path: string; listed: boolean; workload: boolean; containers: boolean[] }[] = [
    { name: 'complete manifest, plain path, not listed', text: withImage, path: 'prod/deployment.yaml', listed: false, workload: false, containers: [false, false] },
    { name: 'complete manifest, plain path, listed', text: withImage, path: 'prod/deployment.yaml', listed: true, workload: true, containers: [true, true] },
    { name: 'image-less container, plain path, not listed', text: withoutImage, path: 'prod/deployment.yaml', listed: false, workload: false, containers: [false, false] },
    { name: 'image-less container, plain path, listed', text: withoutImage, path: 'prod/deployment.yaml', listed: true, workload: true, containers: [true, true] },
    { name: 'image-less container, overlay path, not listed', text: withoutImage, path: 'overlays/prod/deployment.yaml', listed: false, workload: true, containers: [true, false] },
    { name: 'complete manifest, overlay path, listed', text: withImage, path: 'overlays/prod/deployment.yaml', listed: true, workload: true, containers: [true, true] },
  ];
  for (const c of table) {
    it(c.name, () => {
      const o = objectsOf(parseYaml(c.text), c.path, c.listed)[0];
      assert.ok(o);
      assert.equal(o.listedPatch === true, c.listed);
      const w = workloadOf(o);
      assert.equal(w?.partial, c.workload);
      assert.deepEqual(w?.containers.map((x) => x.partial), c.containers);
    });
  }
});
