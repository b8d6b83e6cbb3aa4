import { defineRule } from '../engine/rule';

export default defineRule({
  id: 'DF063',
  name: 'platform-flag',
  target: 'dockerfile',
  category: 'reliability',
  severity: 'info',
  title: 'Do not hard-code FROM --platform',
  fix: 'none',
  anchors: { hadolint: ['DL3029'], kics: ['b16e8501-ef3c-44e1-a543-a093238099c9'], buildkit: ['FromPlatformFlagConstDisallowed'] },
  messages: {
    platform: (value: string) => `FROM --platform=${value} pins the platform, so the image cannot be built for other architectures.`,
  },
  docs: {
    summary: 'FROM uses `--platform` with a constant value (variables such as `$BUILDPLATFORM` are fine).',
    rationale: 'A fixed platform silently builds an emulated (slow, sometimes broken) image on other architectures and defeats multi-platform builds. hadolint and KICS flag any --platform; we follow BuildKit and accept variables, which are how cross-compilation stages are written.',
    remediation: 'Remove the flag and choose the platform with `docker build --platform`, or use `$BUILDPLATFORM`/`$TARGETPLATFORM`.',
    references: ['https://docs.docker.com/reference/build-checks/from-platform-flag-const-disallowed/'],
    examples: { bad: ['FROM --platform=linux/amd64 debian:12\n'], good: ['FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n'] },
  },
  hooks: {
    onStage(s, ctx) {
      const f = s.from.flags.find((x) => x.name.toLowerCase() === 'platform');
      if (f?.value && !f.value.includes('$')) ctx.report({ at: f.range, messageId: 'platform', args: [f.value] });
    },
  },
});
