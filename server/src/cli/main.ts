// Placeholder entry; the CLI change replaces it.
console.error('imr: not built yet');
process.exit(2);
