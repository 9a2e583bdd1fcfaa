// The hostile texts that once invited catastrophic regex backtracking, shared by the tests that check what
// the code makes of them and the benchmark that times them. Built on demand: some are megabytes long.

/** Citation-shaped texts: runs of spaces inside titles, thousands of titles, sections, pages and leads. */
export function hostileCitationInputs(): Array<[name: string, text: string]> {
  const spaces = ' '.repeat(1_000_000);
  return [
    ['1 MB of spaces', spaces],
    ['ODG citation, 1 MB of spaces inside', `Decision based on Non-MTUS Citation ODG Low Back${spaces}x`],
    ['MTUS title, 1 MB of spaces inside', `Decision based on MTUS Low Back Complaints${spaces}x`],
    ['30,000 joined MTUS titles', `Decision based on MTUS ${', and Low Back Complaints 2004'.repeat(30_000)}`],
    ['90,000 sections', `Decision based on MTUS Low Back Complaints 2004, Section(s): ${'NSAIDs, a, '.repeat(90_000)}`],
    ['200,000 page ranges', `Decision based on MTUS ACOEM Page(s): ${'1-2, '.repeat(200_000)}`],
    ['40,000 citation leads', 'Decision based on MTUS '.repeat(40_000)],
    ['doubled words around 2 MB of spaces', `The The ${spaces}Claims${spaces}`],
  ];
}

/** 1.5 MB of rationale-like sentences with no conclusion in them. */
export function necessityFiller(): string {
  return 'The patient reported pain at 5/10 and Dr. Smith noted 0.5 cc injections. '.repeat(20_000);
}
