// Placeholder entry; the language-server change replaces it.
export {};
