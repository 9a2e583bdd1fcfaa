// Placeholder entry; the benchmark change replaces it.
console.log('no benchmark yet');
