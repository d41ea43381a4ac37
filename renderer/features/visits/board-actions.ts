/**
 * An action a feature adds to a person's card (and compact row) on the board: "Commencer la
 * consultation" for a doctor. The features' actions are listed in
 * `renderer/app/board-actions-registry.ts`, one line each; the card draws those that apply (each
 * component returns null when it does not), only for a reader who may move the pathway.
 */
import type { ComponentType } from 'react';
import type { BoardRow } from '../../../shared/contract';

export interface BoardCardActionProps {
  row: BoardRow;
  /** Another action on this person is under way. */
  busy: boolean;
  layout: 'card' | 'row';
}

export interface BoardCardActionDef {
  key: string;
  Component: ComponentType<BoardCardActionProps>;
}
