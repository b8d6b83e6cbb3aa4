import { defineRule } from '../engine/rule';
import { finalStage, type Stage } from '../model/dockerfile/parse';

function hasHealthcheck(stage: Stage): boolean {
  const seen = new Set<number>();
  let s: Stage | undefined = stage;
  while (s && !seen.has(s.index)) {
    seen.add(s.index);
    if (s.instructions.some((i) => i.keyword === 'HEALTHCHECK' && !i.onbuild)) return true;
    s = s.fromStage;
  }
  return false;
}

export default defineRule({
  id: 'DF013',
  name: 'healthcheck-missing',
  target: 'dockerfile',
  category: 'reliability',
  severity: 'info',
  title: 'Declare a HEALTHCHECK for the final image',
  fix: 'none',
  anchors: {
    hadolint: ['DL3057'],
    checkov: ['CKV_DOCKER_2'],
    trivy: ['AVD-DS-0026'],
    kics: ['b03a748a-542d-44f4-bb86-9199ab4fd2d5'],
    dockle: ['CIS-DI-0006'],
  },
  messages: {
    missing: () => 'The final stage declares no HEALTHCHECK (and inherits none), so a hung process looks healthy.',
  },
  docs: {
    summary: 'Neither the final stage nor the stages it is built FROM declare a HEALTHCHECK (`HEALTHCHECK NONE` counts as a deliberate choice).',
    rationale: 'Without a health check Docker and Swarm only know whether the process exists, not whether it serves; a deadlocked service is never restarted. hadolint turns this off by default while Trivy, KICS and CIS rate it low; we report it at info severity. Kubernetes ignores HEALTHCHECK (it uses probes), so images built only for Kubernetes can state `HEALTHCHECK NONE`.',
    remediation: 'Add `HEALTHCHECK CMD <command that fails when the service is unhealthy>`, or `HEALTHCHECK NONE` to state that probes live elsewhere.',
    references: ['https://docs.docker.com/reference/dockerfile/#healthcheck'],
    examples: {
      bad: ['FROM nginx:1.27\nCOPY site /usr/share/nginx/html\n'],
      good: ['FROM nginx:1.27\nHEALTHCHECK CMD curl -fs http://localhost/ || exit 1\n', 'FROM nginx:1.27\nHEALTHCHECK NONE\n'],
    },
  },
  hooks: {
    onEnd(ctx) {
      const stage = finalStage(ctx.model);
      if (stage && !hasHealthcheck(stage)) ctx.report({ at: stage.from.keywordRange, messageId: 'missing', args: [] });
    },
  },
});
