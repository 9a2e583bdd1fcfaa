// The layouts older than L3 that need their own item readers (format guide §9): L1 (2013) and L0.
// L2 needs none: its items are read by the L3 item parser, as the guide assumes [inferred].
export { parseL1, type L1Result } from './l1';
export { parseL0Items } from './l0';
