// --help texts. Exit codes are part of the interface: scripts and CI depend on them.

export const MAIN_HELP = `Usage: imr <command> [options]

Proofreading, outlines and data export for California workers' compensation
IMR Final Determination letters: their PDFs, or their text as pdftotext
writes it.

Commands:
  check <paths...>    Check letters against the proofreading rules
  outline <file>      Print the structure of one letter
  export <paths...>   One row per disputed item, as JSON or CSV

Options:
  -h, --help          Show help (also 'imr <command> --help')
  -v, --version       Show the version

Paths may be files, directories (searched for *.txt, *.imr and *.pdf) or
globs. Nothing is sent anywhere: all work is local.
`;

export const CHECK_HELP = `Usage: imr check [options] <paths...>

Checks each letter with every enabled rule and reports the findings.
Paths may be files, directories (searched recursively for *.txt, *.imr and
*.pdf) or globs such as 'letters/**/*.pdf' (quote them so the shell leaves
them). A PDF is read as pdftotext -layout would write it; --fix leaves PDFs
alone.

Options:
  -f, --format <text|json|sarif>  Output format (default: text)
                   text:  path:line:col  severity  message  ruleId/ruleName,
                          then a summary line; lines and columns from 1
                   json:  [{ file, findings: [{ ruleId, ruleName, severity,
                          message, range, fixes? }] }]; ranges from 0
                   sarif: SARIF 2.1.0 with the full rule catalog
  -c, --config <file>  Use this configuration for every file, instead of the
                       .imr.json found by walking up from each file to the
                       current directory (never above it)
  -q, --quiet          Report errors only
  -j, --jobs <n>       Read and check files on n threads (default: the number
                       of cores; at most 16 or the cores, whichever is more);
                       output order does not change
      --fix            Apply the safe fixes (e.g. Uphold -> Upheld) to the files
                       in place, then report what is left. Nothing outside a
                       fix's own range changes; line endings, the encoding
                       and a byte-order mark are kept. A file with bytes that
                       are not valid UTF-8 is checked but never rewritten,
                       nor is one that is read-only or changed while it was
                       checked (a warning says why). A fixed file is written
                       beside the letter, then renamed over it: Ctrl-C never
                       leaves half a letter
  -o, --output <file>  Write the report to a file instead of stdout
  -h, --help           Show this help

Exit codes:
  0  no error-level finding
  1  at least one error-level finding
  2  usage error, or some input could not be read: a path that matches no
     file, an unreadable or binary file, a directory given as a file, a file
     over 64 MiB, a PDF that is damaged, needs a password or has no text
     (a scan). Such files get one line on stderr; the others are still
     checked and reported. Exit code 2 wins over 1.
  130  interrupted (Ctrl-C): the files in hand are finished first, the
     others are left as they are and nothing is reported.

Problems inside a configuration file (bad JSON, unknown rules) are warned
about on stderr, the rest of it still applies, and the exit code does not
change; a --config file that does not exist or cannot be read is a usage
error (exit 2).
`;

export const OUTLINE_HELP = `Usage: imr outline [options] <file>

Prints the structure of one letter: header fields, sections, the reviewer's
credentials, and each disputed item with its decision, main citation and
fields. Line numbers are 1-based.

Options:
  -f, --format <text|json>  Output format (default: text); json gives the tree
                            with 0-based ranges
  -o, --output <file>       Write to a file instead of stdout
  -h, --help                Show this help

Exit codes: 0 done, 2 usage error or the file could not be read.
`;

export const EXPORT_HELP = `Usage: imr export [options] <paths...>

Writes one row per disputed item: file, caseNumber, decisionDate, layout,
index, item, subject, decision, conclusion, reviewerBasis,
reviewerCitations, claimsAdministratorBasis, claimsAdministratorCitations,
letter.

  decision    Upheld, Overturned, the word as written when it is neither,
              or empty (null in JSON) when the item has none
  conclusion  positive, negative or none: the rationale's medical-necessity
              statement
  *Basis      MTUS, Non-MTUS, MTUS and Non-MTUS, no evidence cited, or none
  *Citations  JSON: arrays of strings; CSV: joined with '; '
  letter      which letter of the file the item is in, from 1 (a file can
              hold several letters one after another)

Options:
  -f, --format <json|csv>  Output format (default: json). CSV follows RFC 4180:
                           a header row, CRLF line ends, quoted fields
  -o, --output <file>      Write to a file instead of stdout
  -j, --jobs <n>           Read files on n threads (default: the number of
                           cores; at most 16 or the cores, whichever is
                           more); the rows keep the order of the files
  -h, --help               Show this help

Paths may be files, directories (searched for *.txt, *.imr and *.pdf) or globs.

Exit codes: 0 done, 2 usage error or some input could not be read (one line
on stderr each; the other files are still exported).
`;
