import { useCallback, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import moveTouchpointDocument from '../graphql/moveTouchpoint.graphql?raw';
import renameStageDocument from '../graphql/renameStage.graphql?raw';
import renameTouchpointDocument from '../graphql/renameTouchpoint.graphql?raw';
import reorderStagesDocument from '../graphql/reorderStages.graphql?raw';
import { GraphQLRequestError, graphqlRequest, UnauthorizedError } from '../graphql/client';
import type { JourneyMapResult } from '../graphql/types';
import { applied, invert, type Op } from './editOps';

type Target = 'journey' | { touchpoint: string } | undefined;

/**
 * This editor's edits: they run one after the other, each on the latest version this editor knows of
 * the journey or touchpoint (from the map or from the previous edit's answer). An edit someone else
 * made first comes back as CONFLICT: it is reported (with the refused edit, when it can be applied
 * again on the new version), never forced through. Reversible edits go on an undo history (redo until
 * the next new edit).
 */
export function useMapEditor({ journeyId, setMap, reload, onConflict, onError }: {
  journeyId: string; setMap: Dispatch<SetStateAction<JourneyMapResult | null>>; reload: () => void;
  onConflict: (refused: Op | null) => void; onError: (e: unknown) => void;
}) {
  const journeyVersion = useRef(0);
  const touchpointVersions = useRef(new Map<string, number>());
  const lastOwnEdit = useRef(0);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const [history, setHistory] = useState<{ undo: Op[]; redo: Op[] }>({ undo: [], redo: [] });
  /** Counts the edits shown before the server had them: a map loaded meanwhile may not hold them yet. */
  const applying = useRef(0);

  /** Versions as the server last showed them (never older than what an own edit answered). */
  const known = useCallback((map: JourneyMapResult) => {
    if (!map.journey) return;
    journeyVersion.current = Math.max(journeyVersion.current, map.journey.version);
    map.journey.stages.forEach((s) => (s.touchpoints ?? []).forEach((tp) => {
      touchpointVersions.current.set(tp.id, Math.max(touchpointVersions.current.get(tp.id) ?? 0, tp.version));
    }));
  }, []);

  function edit(document: string, variables: () => Record<string, unknown>, target?: Target, op: Op | null = null) {
    queue.current = queue.current.then(async () => {
      try {
        const result = await graphqlRequest<Record<string, { version?: number }>>(document, variables());
        lastOwnEdit.current = Date.now();
        const version = Object.values(result)[0]?.version;
        if (typeof version === 'number') {
          if (target === 'journey') journeyVersion.current = version;
          else if (target) touchpointVersions.current.set(target.touchpoint, version);
        }
        reload();
      } catch (e) {
        if (e instanceof GraphQLRequestError && e.code === 'CONFLICT') {
          // what the server refused is not on the history: it can be re-applied, not undone
          if (op) setHistory((h) => ({ undo: h.undo.filter((x) => x !== op), redo: h.redo }));
          onConflict(op);
        }
        else if (!(e instanceof UnauthorizedError)) onError(e);
      }
    });
  }

  const touchpointVersion = (id: string) => touchpointVersions.current.get(id) ?? 0;

  function perform(op: Op) {
    applying.current += 1;
    setMap((m) => (m ? applied(m, op) : m));
    switch (op.kind) {
      case 'renameStage':
        edit(renameStageDocument, () => ({ journeyId, stageId: op.stageId, expectedVersion: journeyVersion.current,
          input: { name: op.to } }), 'journey', op);
        break;
      case 'reorderStages':
        edit(reorderStagesDocument, () => ({ journeyId, expectedVersion: journeyVersion.current, stageIds: op.to }), 'journey', op);
        break;
      case 'moveTouchpoint':
        edit(moveTouchpointDocument, () => ({ id: op.id, expectedVersion: touchpointVersion(op.id), stageId: op.to.stageId,
          position: op.to.position }), { touchpoint: op.id }, op);
        break;
      case 'renameTouchpoint':
        edit(renameTouchpointDocument, () => ({ id: op.id, expectedVersion: touchpointVersion(op.id), input: { name: op.to } }),
          { touchpoint: op.id }, op);
        break;
    }
  }

  function change(op: Op) {
    perform(op);
    setHistory((h) => ({ undo: [...h.undo, op].slice(-50), redo: [] }));
  }

  function undo() {
    const op = history.undo.at(-1);
    if (!op) return;
    perform(invert(op));
    setHistory((h) => ({ undo: h.undo.slice(0, -1), redo: [...h.redo, op] }));
  }

  function redo() {
    const op = history.redo.at(-1);
    if (!op) return;
    perform(op);
    setHistory((h) => ({ undo: [...h.undo, op], redo: h.redo.slice(0, -1) }));
  }

  return { edit, change, undo, redo, history, known, lastOwnEdit, journeyVersion, touchpointVersion, applying };
}
