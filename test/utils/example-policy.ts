/** Rules that act only under a policy (trusted registries, allowed base images): their docs examples are checked with this policy. */
export const EXAMPLE_POLICY: Readonly<Record<string, { trustedRegistries?: string[]; allowedBaseImages?: string[] }>> = {
  DF082: { trustedRegistries: ['docker.io'] },
  DF100: { allowedBaseImages: ['gcr.io/distroless/*', 'alpine:3.*'] },
};
