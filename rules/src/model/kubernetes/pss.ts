/**
 * Pod Security Standards profiles without engine changes: a rule's PSS level is read from its
 * `anchors.pss` (`baseline:<control>` / `restricted:<control>`), and a profile is turned into
 * ordinary RuleSettings (restricted-only rules are `defaultOff`, so the restricted profile
 * enables them; the baseline profile leaves them off).
 */
import type { AnyRule } from '../../engine/rule';
import type { RuleSettings } from '../../engine/severity';

export type PssProfile = 'baseline' | 'restricted';

/** Every PSS control, as named by Pod Security Admission, per level. */
export const PSS_CONTROLS: Readonly<Record<PssProfile, readonly string[]>> = {
  baseline: ['hostNamespaces', 'privileged', 'capabilities_baseline', 'hostPathVolumes', 'hostPorts', 'appArmorProfile', 'seLinuxOptions', 'procMount', 'seccompProfile_baseline', 'sysctls', 'windowsHostProcess', 'hostProbesAndHostLifecycle'],
  restricted: ['restrictedVolumes', 'allowPrivilegeEscalation', 'runAsNonRoot', 'runAsUser', 'seccompProfile_restricted', 'capabilities_restricted', 'procMount_restricted'],
};

/** The lowest PSS level a rule belongs to, or undefined for rules outside the standard. */
export function pssLevelOf(rule: AnyRule): PssProfile | undefined {
  const levels = (rule.anchors.pss ?? []).map((a) => a.split(':')[0]);
  if (levels.includes('baseline')) return 'baseline';
  if (levels.includes('restricted')) return 'restricted';
  return undefined;
}

/**
 * Settings that select a profile: `restricted` enables every rule anchored to a restricted
 * control (some are off by default); `baseline` turns restricted-only rules off.
 */
export function settingsForProfile(profile: PssProfile, rules: readonly AnyRule[]): RuleSettings {
  const restrictedOnly = rules.filter((r) => r.target === 'kubernetes' && pssLevelOf(r) === 'restricted').map((r) => r.id);
  return profile === 'restricted' ? { enabledRules: restrictedOnly } : { disabledRules: restrictedOnly };
}
