// What pdfjs's legacy build needs from, and does to, the JavaScript built-ins of the process it runs in.

// pdfjs 6 calls Promise.withResolvers, which Node gained in 22; VS Code's and older Node 20 hosts lack it.
export function installPromiseWithResolvers(): void {
  const promise = Promise as unknown as { withResolvers?: () => unknown };
  if (typeof promise.withResolvers === 'function') return;
  promise.withResolvers = function withResolvers<T>() {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const settled = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise: settled, resolve, reject };
  };
}

type Methods = Map<object, Map<PropertyKey, unknown>>;

/** The built-in objects whose methods core-js may swap: the globals, and their constructors' prototypes. */
function builtinObjects(): object[] {
  const objects: object[] = [globalThis];
  for (const key of Reflect.ownKeys(globalThis)) {
    const value = Object.getOwnPropertyDescriptor(globalThis, key)?.value as unknown;
    if (typeof value !== 'object' && typeof value !== 'function') continue;
    if (value === null) continue;
    objects.push(value);
    // Function.prototype is itself a function.
    const prototype = Object.getOwnPropertyDescriptor(value, 'prototype')?.value as unknown;
    if ((typeof prototype === 'object' && prototype !== null) || typeof prototype === 'function')
      objects.push(prototype);
  }
  return objects;
}

function methodsOf(objects: readonly object[]): Methods {
  const methods: Methods = new Map();
  for (const object of objects) {
    const own = new Map<PropertyKey, unknown>();
    for (const key of Reflect.ownKeys(object)) {
      const descriptor = Object.getOwnPropertyDescriptor(object, key);
      if (descriptor && typeof descriptor.value === 'function') own.set(key, descriptor.value);
    }
    methods.set(object, own);
  }
  return methods;
}

/**
 * Runs `load` (which evaluates pdfjs) and then puts back every built-in method it replaced. The legacy
 * build's core-js swaps some of Node's natives for JavaScript versions process-wide, for edge cases
 * neither pdfjs nor this extension meets: on Node 20, Array.prototype.push (about 6× slower per call;
 * pdfjs alone makes some 40,000 calls per letter), JSON.stringify (2× slower; the language server's
 * messages) and JSON.parse. What it adds, and pdfjs needs (Map.prototype.getOrInsertComputed,
 * Uint8Array.prototype.toHex, …), stays.
 */
export async function keepingNativeBuiltins<T>(load: () => Promise<T>): Promise<T> {
  const objects = builtinObjects();
  const natives = methodsOf(objects);
  try {
    return await load();
  } finally {
    for (const [object, now] of methodsOf(objects)) {
      for (const [key, method] of now) {
        const native = natives.get(object)?.get(key);
        if (native === undefined || native === method) continue;
        const descriptor = Object.getOwnPropertyDescriptor(object, key);
        if (descriptor?.configurable) Object.defineProperty(object, key, { ...descriptor, value: native });
      }
    }
  }
}
