// The shapes the screens work with. What each operation returns and takes is generated from the gateway's
// schema into generated.ts (`npm run codegen`, run by the build); requests are typed with those, so tsc
// checks that every answer fits the shape a screen reads it as.

export type JourneyStatus = 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';

export interface Journey {
  id: string;
  name: string;
  description: string | null;
  status: JourneyStatus;
  ownerTeam: string | null;
  tags: string[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  version: number;
}


export interface JourneysVariables {
  first?: number;
  after?: string | null;
}

export interface CreateJourneyInput {
  name: string;
  description?: string;
  ownerTeam?: string;
  tags?: string[];
}


// Employee NPS

export interface Department {
  code: string;
  name: string;
  parent: string | null;
  depth: number;
  children: string[];
}


export type CampaignStatus = 'DRAFT' | 'OPEN' | 'CLOSED';

export interface Translation {
  language: string;
  text: string;
}

export interface Campaign {
  id: string;
  name: string;
  company: string;
  language: string;
  departments: string[];
  opensAt: string | null;
  closesAt: string | null;
  status: CampaignStatus;
  resultsReleased: boolean;
  minGroupSize: number;
  minCommentGroupSize: number;
  createdAt: string;
  closedAt: string | null;
  version: number;
  question: Translation[];
  openQuestion: Translation[] | null;
}


export interface CampaignInput {
  name: string;
  company?: string;
  language?: string;
  departments: string[];
  closesAt: string;
  minGroupSize?: number;
  minCommentGroupSize?: number;
  openQuestion?: Translation[];
}

export interface SurveyLink {
  department: string;
  email: string | null;
  url: string;
}


export interface Participation {
  department: string | null;
  name: string;
  depth: number;
  invited: number;
  answered: number;
  responseRate: number | null;
}

export interface EnpsFigures {
  n: number;
  enps: number;
  marginOfError: number;
  promoters: number;
  passives: number;
  detractors: number;
  promotersPercent: number;
  passivesPercent: number;
  detractorsPercent: number;
}

export interface EnpsGroup extends Participation {
  hidden: boolean;
  hiddenRule: 'FEWER_THAN_MINIMUM' | 'PROTECTS_SMALLER_GROUP' | null;
  hiddenReason: string | null;
  commentsHidden: boolean;
  commentsHiddenReason: string | null;
  comments: string[];
  figures: EnpsFigures | null;
}

export interface CampaignResults {
  campaignId: string;
  campaignName: string;
  closedAt: string | null;
  minGroupSize: number;
  minCommentGroupSize: number;
  overall: EnpsGroup | null;
  departments: EnpsGroup[];
}

export interface DualNpsRow {
  department: string;
  name: string;
  campaignName: string;
  closedAt: string | null;
  employee: { hidden: boolean; hiddenRule: EnpsGroup['hiddenRule']; figures: { n: number; enps: number; marginOfError: number } | null };
  customer: { touchpoints: number; npsN: number; nps: number | null; npsMargin: number | null; csatN: number; csat: number | null };
}

/** One closed campaign of a department's eNPS trend. */
export interface TrendPoint {
  campaignId: string;
  campaignName: string;
  closedAt: string | null;
  group: { answered: number; hidden: boolean; hiddenRule: EnpsGroup['hiddenRule']; figures: { n: number; enps: number; marginOfError: number } | null };
}

// The measured journey map

export type Metric = 'NPS' | 'CSAT' | 'CES';

export interface Measurement {
  metric: Metric;
  n: number;
  score: { value: number | null; margin: number | null };
}

export interface MapTouchpoint {
  id: string;
  name: string;
  channel: string;
  ownerTeam: string | null;
  dimension: string | null;
  designedEmotion: number;
  momentOfTruth: boolean;
  painPoints: string[];
  opportunities: string[];
  version: number;
  measurements: Measurement[] | null;
}

/** A stage's figures for one metric: the answers to all its touchpoints pooled. */
export interface StageMeasurement extends Measurement {
  /** How many of the stage's touchpoints had answers. */
  touchpoints: number;
}

export interface MapStage {
  id: string;
  name: string;
  designedEmotion: number;
  touchpoints: MapTouchpoint[] | null;
  /** Null when metrics-service is unavailable; absent where the stage was not asked for them. */
  measurements?: StageMeasurement[] | null;
}

export interface Weakness {
  touchpointId: string;
  metric: Metric;
  status: 'WEAK' | 'OK' | 'INSUFFICIENT_DATA' | 'NO_TARGET';
  severity: number;
  reason: string;
  target: number | null;
  gap: number | null;
  importance: number | null;
  score: { value: number | null; margin: number | null; n: number };
}

export interface JourneyMapResult {
  journey: { id: string; name: string; description: string | null; version: number; stages: MapStage[] } | null;
  /** Null when metrics-service is unavailable. */
  weakTouchpoints: Weakness[] | null;
  /** Segment attributes of the journey's answers with their values (absent when metrics-service is down). */
  segments?: { attribute: string; values: string[] }[] | null;
}

export interface JourneyTemplate {
  key: string;
  name: string;
  description: string | null;
  tags: string[];
  stageCount: number;
  touchpointCount: number;
}




export interface ImportTargetsResult {
  journey: { id: string; name: string; stages: { id: string; name: string; touchpoints: { id: string; name: string }[] | null }[] } | null;
}

/** A CSV import job of metrics-service, as GET /api/metrics/imports/{id} answers it. */
/** A refused row: the server's English reason, and a code with the cell and what was expected (older imports have none). */
export interface ImportRowError {
  row: number;
  column: string | null;
  code?: string | null;
  value?: string | null;
  expected?: string | null;
  reason: string;
}

export interface ImportJob {
  id: string;
  journeyId: string;
  dryRun: boolean;
  status: 'RUNNING' | 'DONE' | 'FAILED';
  totalRows: number;
  processedRows: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  errors: ImportRowError[];
  failure: string | null;
  percent: number;
}

/** One period of a touchpoint's score series. */
export interface ScoreTrendPoint {
  metric: Metric;
  from: string;
  to: string;
  n: number;
  score: { value: number | null; low: number | null; high: number | null; margin: number | null };
}

/** The figures that opened a case (null on cases opened before they were kept). */
export interface CaseFinding {
  kind: 'BELOW_TARGET' | 'DROP' | 'DETRACTOR_COMMENT';
  score: number | null;
  n: number | null;
  margin: number | null;
  threshold: number | null;
  days: number | null;
  previousScore: number | null;
  previousN: number | null;
  comment: string | null;
  answeredAt: string | null;
}

export interface CaseSummary {
  id: string;
  touchpointId: string;
  metric: Metric;
  finding: CaseFinding | null;
  title: string;
  reason: string;
  status: 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED';
  ownerTeam: string | null;
  openedAt: string;
  dueAt: string;
  resolutionNote: string | null;
  version: number;
}

export interface TouchpointDrawerResult {
  touchpoint: {
    id: string; name: string; description: string | null; channel: string; ownerTeam: string | null; dimension: string | null;
    expectation: string | null; importance: number | null; importanceDerived: boolean; targets: { metric: Metric; value: number }[];
    painPoints: string[]; opportunities: string[]; momentOfTruth: boolean; version: number; trend: ScoreTrendPoint[] | null;
  } | null;
  /** Null, as cases, when metrics-service is unavailable. */
  keyDrivers: { touchpointId: string; metric: Metric; importance: number | null; pairs: number; quadrant: string }[] | null;
  cases: CaseSummary[] | null;
  journey: { id: string; version: number; revisions: { totalCount: number; nodes: { number: number; operation: string; actor: string; at: string }[] } } | null;
}
