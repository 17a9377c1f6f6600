// Result and variable types of the documents in this folder (kept next to them, checked by tsc).

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

export interface JourneysResult {
  journeys: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Journey[];
  };
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

export interface CreateJourneyResult {
  createJourney: Journey;
}
