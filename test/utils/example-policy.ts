import type { PolicyOptions } from '../../rules/src/engine/rule';

/** Rules that act only under a policy (trusted registries, allowed base images, label schema): their docs examples are checked with this policy. */
export const EXAMPLE_POLICY: Readonly<Record<string, Partial<PolicyOptions>>> = {
  DF082: { trustedRegistries: ['docker.io'] },
  DF100: { allowedBaseImages: ['gcr.io/distroless/*', 'alpine:3.*'] },
  DF101: { labelSchema: { 'org.opencontainers.image.source': 'url' } },
  DF102: { labelSchema: { 'org.opencontainers.image.source': 'url' }, strictLabels: true },
  DF103: { labelSchema: { 'org.opencontainers.image.authors': 'text' } },
  DF104: { labelSchema: { 'org.opencontainers.image.source': 'url' } },
  DF105: { labelSchema: { 'org.opencontainers.image.created': 'rfc3339' } },
  DF106: { labelSchema: { 'org.opencontainers.image.licenses': 'spdx' } },
  DF107: { labelSchema: { 'org.opencontainers.image.revision': 'hash' } },
  DF108: { labelSchema: { 'org.opencontainers.image.version': 'semver' } },
  DF109: { labelSchema: { maintainer: 'email' } },
  K8S099: { trustedRegistries: ['registry.example.com'] },
  DC038: { trustedRegistries: ['registry.example.com'] },
};
