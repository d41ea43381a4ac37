/**
 * The actions features add to a person's card on the board, one line per feature. The card and
 * the compact row draw them in this order.
 */
import { startConsultationAction } from '../features/consultations/start-consultation';
import type { BoardCardActionDef } from '../features/visits/board-actions';

export const BOARD_CARD_ACTIONS: readonly BoardCardActionDef[] = [startConsultationAction];
