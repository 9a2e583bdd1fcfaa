// The pure core: model, parser, citation grammar, necessity conclusions, glossary and rules. No I/O.
export * from './model';
export { parse } from './parse';
export { CancelledError, type IsCancelled } from './cancel';
