import type { TFunction } from 'i18next';
import type { HiddenRule } from '../graphql/generated';

/**
 * Why a group shows no figures, in the user's language: with the campaign's minimum where it is known (a
 * campaign's results), the server's own wording for a rule this screen does not know yet.
 */
export function hiddenReason(group: { hiddenRule: HiddenRule | null; hiddenReason?: string | null }, t: TFunction,
  minGroupSize?: number): string {
  if (group.hiddenRule === 'PROTECTS_SMALLER_GROUP') return t('enps.results.hiddenComplement');
  if (group.hiddenRule === 'FEWER_THAN_MINIMUM' && minGroupSize !== undefined) return t('enps.results.hiddenFewer', { min: minGroupSize });
  return (group.hiddenRule === null && group.hiddenReason) || t('enps.dual.hidden');
}
