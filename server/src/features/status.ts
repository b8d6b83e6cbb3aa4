/** The `bulkhead/status` notification sent after every lint (for the client's language status item). */
import type { StatusParams } from '../../../protocol/src/protocol';
import type { Analysis } from '../documents';

/** What the status item shows about one analysis. */
export function statusOf(a: Analysis): StatusParams {
  return {
    uri: a.uri,
    kind: a.kind,
    activeRules: a.activeRules,
    durationMs: Math.round(a.durationMs * 100) / 100,
    lintedAt: a.lintedAt.toISOString(),
    suppressed: a.result.suppressed.length,
    unusedSuppressions: a.ignoreIds.filter((i) => !i.used).length,
    crashedRules: a.result.crashedRules,
    profile: a.profile,
    trustedRegistries: [...a.policy.trustedRegistries],
    allowedBaseImages: [...a.policy.allowedBaseImages],
    configFiles: a.configFiles,
    ...(a.result.skipped !== undefined ? { skipped: a.result.skipped } : {}),
  };
}
