import fragments from '../graphql/dashboard.graphql?raw';
import type { DashboardDriverFragment, DashboardWeaknessFragment } from '../graphql/generated';

// Dynamic, as the schema asks for one journeyId per field and a document cannot repeat a field over a list variable:
// the fields are the generated fragments, so codegen checks them and types the answer of every alias.
/** Each journey's fields are null when metrics-service could not answer for them. */
export type DashboardQuery = Record<`w${number}`, DashboardWeaknessFragment[] | null> & Record<`k${number}`, DashboardDriverFragment[] | null>;
export type DashboardQueryVariables = Record<`j${number}`, string>;

/**
 * One request for the weak touchpoints and key drivers of several journeys (aliases w<i> and k<i> for the
 * i-th journey): the gateway fans out per journey, the page waits once.
 */
export function dashboardQuery(journeyIds: string[]): { document: string; variables: DashboardQueryVariables } {
  const declared = journeyIds.map((_, i) => `$j${i}: ID!`).join(', ');
  const fields = journeyIds.map((_, i) => `
  w${i}: weakTouchpoints(journeyId: $j${i}, days: 90) { ...DashboardWeakness }
  k${i}: keyDrivers(journeyId: $j${i}, days: 90) { ...DashboardDriver }`).join('');
  return {
    document: `query Dashboard(${declared}) {${fields}\n}\n${fragments}`,
    variables: Object.fromEntries(journeyIds.map((id, i) => [`j${i}`, id])),
  };
}
