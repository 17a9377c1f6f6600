import { useCallback, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import moveTouchpointDocument from '../graphql/moveTouchpoint.graphql?raw';
import renameStageDocument from '../graphql/renameStage.graphql?raw';
import renameTouchpointDocument from '../graphql/renameTouchpoint.graphql?raw';
import reorderStagesDocument from '../graphql/reorderStages.graphql?raw';
import deleteTouchpointDocument from '../graphql/deleteTouchpoint.graphql?raw';
import restoreTouchpointDocument from '../graphql/restoreTouchpoint.graphql?raw';
import removeStageDocument from '../graphql/removeStage.graphql?raw';
import restoreStageDocument from '../graphql/restoreStage.graphql?raw';
import { GraphQLRequestError, graphqlRequest, UnauthorizedError } from '../graphql/client';
import type { JourneyMapResult } from '../graphql/types';
import type {
  DeleteTouchpointMutation, DeleteTouchpointMutationVariables, MoveTouchpointMutation, MoveTouchpointMutationVariables,
  RemoveStageMutation, RemoveStageMutationVariables, RenameStageMutation, RenameStageMutationVariables,
  RenameTouchpointMutation, RenameTouchpointMutationVariables, ReorderStagesMutation, ReorderStagesMutationVariables,
  RestoreStageMutation, RestoreStageMutationVariables, RestoreTouchpointMutation, RestoreTouchpointMutationVariables,
} from '../graphql/generated';
import { applied, invert, type Op } from './editOps';

type Target = 'journey' | { touchpoint: string } | undefined;
/** What an edit's answer says of what it changed; null when it names no version (a delete answers with the id alone). */
type Versioned = { id: string; version: number } | null;
const JOURNEY = '\u0000journey';

/**
 * This editor's edits: they run one after the other. Each is made on the version of the journey or
 * touchpoint shown when it was made, and sent on that version as this editor's own earlier edits took it
 * further: a change by someone else in between (a live update that reached the map after the edit was
 * queued) makes it stale, and the server refuses it as CONFLICT. It is reported (with the refused edit,
 * when it can be applied again on the new version), never forced through. Every edit goes on an undo history (redo until the
 * next new edit): deleted touchpoints and stages come back with their ids, so their answers stay theirs.
 */
export function useMapEditor({ journeyId, setMap, reload, settle, onConflict, onError }: {
  journeyId: string; setMap: Dispatch<SetStateAction<JourneyMapResult | null>>; reload: () => void; settle: () => void;
  onConflict: (refused: Op | null) => void; onError: (e: unknown) => void;
}) {
  /** The latest version known of the journey ({@link JOURNEY}) and of each touchpoint (by id). */
  const versions = useRef(new Map<string, number>());
  /** {@code <target>:<version>} -> the version an own edit made of it: the chain of this editor's own edits. */
  const ownSuccessors = useRef(new Map<string, number>());
  const lastOwnEdit = useRef(0);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const [history, setHistory] = useState<{ undo: Op[]; redo: Op[] }>({ undo: [], redo: [] });
  /** Counts the edits shown before the server had them: a map loaded meanwhile may not hold them yet. */
  const applying = useRef(0);

  /** The version an edit made on {@code basis} goes out on: {@code basis} as this editor's own edits took it further. */
  const onOwnChain = (key: string, basis: number) => {
    let version = basis;
    for (let next = ownSuccessors.current.get(`${key}:${version}`); next !== undefined && next !== version;
      next = ownSuccessors.current.get(`${key}:${version}`)) version = next;
    return version;
  };

  /** Takes {@code version} of {@code key} as known, unless a newer one is. */
  function raise(key: string, version: number) {
    versions.current.set(key, Math.max(versions.current.get(key) ?? 0, version));
  }

  /** Versions as the server last showed them (never older than what an own edit answered). */
  const known = useCallback((map: JourneyMapResult) => {
    if (!map.journey) return;
    raise(JOURNEY, map.journey.version);
    map.journey.stages.forEach((s) => (s.touchpoints ?? []).forEach((tp) => {
      raise(tp.id, tp.version);
    }));
  }, []);

  /**
   * Sends one edit after the ones before it. {@code op} is what it does (offered again when refused as stale);
   * {@code entry} is its place on the history (the op itself, or the one an undo reverses), taken off it when
   * the server refuses the edit. {@code versioned} reads the version the answer gives (typed by the generated
   * mutation type {@code M}, as the variables by {@code V}); it takes the own edits' chain further.
   */
  function edit<M, V extends object>(document: string, variables: (expectedVersion: number) => V, versioned: (result: M) => Versioned,
    { target, op = null, entry = op, answered }: { target?: Target; op?: Op | null; entry?: Op | null; answered?: (result: M) => void } = {}) {
    // the version shown now; the edit goes out on it as the own edits queued before this one leave it
    const key = target === 'journey' ? JOURNEY : target?.touchpoint;
    const basis = key === undefined ? 0 : versionOf(key);
    queue.current = queue.current.then(async () => {
      try {
        const expected = key === undefined ? 0 : onOwnChain(key, basis);
        const result = await graphqlRequest<M, V>(document, variables(expected));
        lastOwnEdit.current = Date.now();
        const answer = versioned(result);
        if (answer) {
          if (key !== undefined) ownSuccessors.current.set(`${key}:${expected}`, answer.version);
          raise(key ?? answer.id, answer.version);
        }
        answered?.(result);
        settle();
      } catch (e) {
        if (e instanceof UnauthorizedError) return;
        // what the server refused did not happen: it leaves the history (a stale one can be re-applied)
        if (entry) setHistory((h) => ({ undo: h.undo.filter((x) => x !== entry), redo: h.redo.filter((x) => x !== entry) }));
        if (e instanceof GraphQLRequestError && e.code === 'CONFLICT') onConflict(op);
        else { onError(e); reload(); }
      }
    });
  }

  const versionOf = (key: string) => versions.current.get(key) ?? 0;

  function perform(op: Op, entry: Op = op) {
    applying.current += 1;
    setMap((m) => (m ? applied(m, op) : m));
    switch (op.kind) {
      case 'renameStage':
        edit<RenameStageMutation, RenameStageMutationVariables>(renameStageDocument, (expectedVersion) => ({ journeyId,
          stageId: op.stageId, expectedVersion, input: { name: op.to } }), (r) => r.updateStage, { target: 'journey', op, entry });
        break;
      case 'reorderStages':
        edit<ReorderStagesMutation, ReorderStagesMutationVariables>(reorderStagesDocument, (expectedVersion) => ({ journeyId,
          expectedVersion, stageIds: op.to }), (r) => r.reorderStages, { target: 'journey', op, entry });
        break;
      case 'moveTouchpoint':
        edit<MoveTouchpointMutation, MoveTouchpointMutationVariables>(moveTouchpointDocument, (expectedVersion) => ({ id: op.id,
          expectedVersion, stageId: op.to.stageId, position: op.to.position }), (r) => r.moveTouchpoint,
        { target: { touchpoint: op.id }, op, entry });
        break;
      case 'renameTouchpoint':
        edit<RenameTouchpointMutation, RenameTouchpointMutationVariables>(renameTouchpointDocument, (expectedVersion) => ({ id: op.id,
          expectedVersion, input: { name: op.to } }), (r) => r.updateTouchpoint, { target: { touchpoint: op.id }, op, entry });
        break;
      case 'touchpointPresence':
        if (op.to) {
          edit<RestoreTouchpointMutation, RestoreTouchpointMutationVariables>(restoreTouchpointDocument, () => ({ id: op.touchpoint.id }),
            (r) => r.restoreTouchpoint, { target: { touchpoint: op.touchpoint.id }, op, entry });
        } else {
          edit<DeleteTouchpointMutation, DeleteTouchpointMutationVariables>(deleteTouchpointDocument, (expectedVersion) => ({
            id: op.touchpoint.id, expectedVersion }), () => null, { target: { touchpoint: op.touchpoint.id }, op, entry });
        }
        break;
      case 'stagePresence':
        if (op.to) {
          const touchpointIds = (op.stage.touchpoints ?? []).map((tp) => tp.id);
          edit<RestoreStageMutation, RestoreStageMutationVariables>(restoreStageDocument, (expectedVersion) => ({ journeyId,
            stageId: op.stage.id, expectedVersion, position: op.position, touchpointIds: touchpointIds.length ? touchpointIds : null }),
          (r) => r.restoreStage, { target: 'journey', op, entry });
        } else {
          edit<RemoveStageMutation, RemoveStageMutationVariables>(removeStageDocument, (expectedVersion) => ({ journeyId,
            stageId: op.stage.id, expectedVersion, ...((op.stage.touchpoints ?? []).length ? op.removal : {}) }),
          (r) => r.removeStage, { target: 'journey', op, entry });
        }
        break;
    }
  }

  /**
   * Something new (a stage, a touchpoint): sent, then shown and put on the history as what the answer says it
   * is, so that undo deletes it and redo brings the same one back.
   */
  function create<R extends { id: string; version: number }>(document: string, variables: (expectedVersion: number) => Record<string, unknown>,
    target: Target, opOf: (answer: R) => Op | null) {
    applying.current += 1;
    // the caller names the type of the mutation's one field (generated, e.g. AddStageMutation['addStage']): the answer is that field
    const field = (result: Record<string, R>) => Object.values(result)[0];
    edit<Record<string, R>, Record<string, unknown>>(document, variables, field, { target, answered: (result) => {
      const op = opOf(field(result));
      if (!op) return;
      setMap((m) => (m ? applied(m, op) : m));
      setHistory((h) => ({ undo: [...h.undo, op].slice(-50), redo: [] }));
    } });
  }

  function change(op: Op) {
    perform(op);
    setHistory((h) => ({ undo: [...h.undo, op].slice(-50), redo: [] }));
  }

  function undo() {
    const op = history.undo.at(-1);
    if (!op) return;
    perform(invert(op), op);
    setHistory((h) => ({ undo: h.undo.slice(0, -1), redo: [...h.redo, op] }));
  }

  function redo() {
    const op = history.redo.at(-1);
    if (!op) return;
    perform(op);
    setHistory((h) => ({ undo: [...h.undo, op], redo: h.redo.slice(0, -1) }));
  }

  return { create, change, undo, redo, history, known, lastOwnEdit, applying };
}
