// How the language server process is started: the node flags shared by the VS Code client
// (client/src/serverHost.ts) and the benchmark (test/bench/benchServer.ts), so that the bench's memory rows
// describe the process VS Code runs. No imports: each bundle takes just this constant.

/**
 * A small young generation keeps the server's memory close to what it holds, at no cost for ordinary letters:
 * 2 MiB semi-spaces, not V8's default of up to 16, took about 30 MB off the peak with a 10 MiB letter file
 * open, and 1 MiB about 3 MB more (bench: 151-152 MB, then 147-149), with the edit, outline and
 * large-document rows within their noise. One V8 worker thread, not four: each thread's C allocator arena
 * keeps what the compiler and collector tasks on it freed (about 5 MB less at the same peak); the server's
 * work is on its main thread, and the cold start is no slower.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=1', '--v8-pool-size=1'];
