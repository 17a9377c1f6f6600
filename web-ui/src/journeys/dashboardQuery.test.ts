import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { dashboardQuery } from './dashboardQuery';

describe('dashboard query', () => {
  // built outside codegen, so nothing else checks it against the schema before a real gateway would
  it('asks for each journey\u2019s weak touchpoints and key drivers in a document the gateway\u2019s schema accepts', () => {
    const { document, variables } = dashboardQuery(['j1', 'j2', 'j3']);

    // the schema codegen reads (tests run in web-ui, as codegen does)
    const schema = buildSchema(readFileSync('../gateway/src/main/resources/graphql/schema.graphqls', 'utf8'));
    expect(validate(schema, parse(document)).map((e) => e.message)).toEqual([]);
    expect(variables).toEqual({ j0: 'j1', j1: 'j2', j2: 'j3' });
    expect(document).toContain('w2: weakTouchpoints(journeyId: $j2, days: 90) { ...DashboardWeakness }');
    expect(document).toContain('k2: keyDrivers(journeyId: $j2, days: 90) { ...DashboardDriver }');
  });
});
