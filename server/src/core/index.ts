// The pure core: model, parser, citation grammar, necessity conclusions, glossary and rules. No I/O.
export * from './model';
export { parse } from './parse';
export { lettersOf, letterAt, letterDocument } from './letters';
export { CancelledError, type IsCancelled } from './cancel';
