/**
 * One request for the weak touchpoints and key drivers of several journeys (one aliased field pair per
 * journey): the gateway fans out per journey, the page waits once.
 */
export function dashboardDocument(journeyCount: number): string {
  const variables = Array.from({ length: journeyCount }, (_, i) => `$j${i}: ID!`).join(', ');
  const fields = Array.from({ length: journeyCount }, (_, i) => `
  w${i}: weakTouchpoints(journeyId: $j${i}, days: 90) { touchpointId name metric status severity target gap importance score { value margin n } }
  k${i}: keyDrivers(journeyId: $j${i}, days: 90) { touchpointId metric importance performance quadrant pairs }`).join('');
  return `query Dashboard(${variables}) {${fields}\n}`;
}
