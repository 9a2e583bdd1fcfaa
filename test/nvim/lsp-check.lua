-- The IMR language server seen by a second, independent LSP client: Neovim 0.7 (Debian bookworm), headless,
-- over stdio with the system node. Run through test/nvim/run-lsp-check.mjs, which sets:
--   IMR_SERVER      dist/server.js
--   IMR_FIXTURES    test/vscode/fixtures/ws (the same letters as the VS Code suite)
--   IMR_FIRST_LINE  the language's `firstLine` regex from package.json (single source of truth)
-- Output on stdout (print() would go to the message area): one line per check, then `N passed, N failed`.
-- Exit code: 0 all passed, 1 a check failed, 2 a Lua error (e.g. the server is missing or crashed).
local server = assert(os.getenv('IMR_SERVER'), 'IMR_SERVER not set')
local fixtures = assert(os.getenv('IMR_FIXTURES'), 'IMR_FIXTURES not set')
local first_line = assert(os.getenv('IMR_FIRST_LINE'), 'IMR_FIRST_LINE not set')

local function out(s) io.stdout:write(s .. '\n') end
local function path(name) return fixtures .. '/' .. name end

-- Filetype detection, Neovim side: the first line against package.json's `firstLine` (a JS regex that only
-- uses ^, \s, (...|...), \. and literals, which Vim's very-magic syntax reads the same way).
local first_line_re = vim.regex('\\v' .. first_line)
vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufNewFile' }, {
  callback = function(a)
    local l = vim.api.nvim_buf_get_lines(a.buf, 0, 1, false)[1] or ''
    if first_line_re:match_str(l) then vim.bo[a.buf].filetype = 'imr' end
  end,
})

local passed, failed = 0, 0
local server_exit -- set when the language server process ends: every later check would only time out
local function check(name, f)
  local ok, err = pcall(f)
  if not ok and server_exit then
    error(('the language server exited (code %s, signal %s); last check: %s: %s'):format(server_exit.code, server_exit.signal, name, tostring(err)), 0)
  end
  if ok then
    passed = passed + 1
    out('ok   ' .. name)
  else
    failed = failed + 1
    out('FAIL ' .. name .. ': ' .. tostring(err))
  end
end

local function eq(actual, expected, what)
  if not vim.deep_equal(actual, expected) then
    error(('%s: expected %s, got %s'):format(what, vim.inspect(expected), vim.inspect(actual)), 0)
  end
end

-- Item symbols: a depth-first walk keeping the symbols whose detail is a decision.
local function item_symbols(symbols)
  local items = {}
  local function walk(list)
    for _, s in ipairs(list or {}) do
      if type(s.detail) == 'string' and (s.detail:match('^Upheld') or s.detail:match('^Overturned')) then
        table.insert(items, s)
      end
      walk(s.children)
    end
  end
  walk(symbols)
  return items
end

local function main()
  assert(vim.fn.filereadable(server) == 1, 'IMR_SERVER ' .. server .. ' does not exist (npm run build)')
  local diagnostics = {} -- uri -> the last published list
  local client_id = vim.lsp.start_client({
    name = 'imr',
    cmd = { 'node', server, '--stdio' },
    root_dir = fixtures,
    on_exit = function(code, signal) server_exit = { code = code, signal = signal } end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, res, ctx, cfg)
        diagnostics[res.uri] = res.diagnostics
        return vim.lsp.diagnostic.on_publish_diagnostics(err, res, ctx, cfg)
      end,
    },
  })
  assert(client_id, 'the language server did not start')

  local function open(name)
    vim.cmd('edit ' .. vim.fn.fnameescape(path(name)))
    local buf = vim.api.nvim_get_current_buf()
    if vim.bo[buf].filetype == 'imr' then vim.lsp.buf_attach_client(buf, client_id) end
    return buf, vim.uri_from_bufnr(buf)
  end

  local client
  local function request(method, params, buf)
    client = client or vim.lsp.get_client_by_id(client_id)
    assert(client, 'no client')
    local resp, err = client.request_sync(method, params, 10000, buf)
    assert(resp, ('%s: no answer (%s)'):format(method, tostring(err)))
    assert(not resp.err, ('%s: error %s'):format(method, vim.inspect(resp.err)))
    return resp.result
  end

  local letter, letter_uri = open('CM16-0238035.txt')
  local defect, defect_uri = open('CM16-0238035-missing-rationale.txt')
  local noext = open('CM17-0004738')
  local notes = open('notes.txt')

  check('filetype: .txt letters and the extension-less letter are imr, notes.txt is not', function()
    eq({ vim.bo[letter].filetype, vim.bo[defect].filetype, vim.bo[noext].filetype }, { 'imr', 'imr', 'imr' }, 'filetypes')
    if vim.bo[notes].filetype == 'imr' then error('notes.txt is imr', 0) end
  end)

  check('diagnostics: IMR001 at the heading of item 2 (line 69), source imr, error', function()
    local got = vim.wait(15000, function() return diagnostics[defect_uri] ~= nil or server_exit ~= nil end, 20) and not server_exit
    assert(got, 'no publishDiagnostics for the defect letter within 15 s')
    local imr001 = {}
    for _, d in ipairs(diagnostics[defect_uri]) do
      out(('  diagnostic: %s line %d:%d sev %d %s'):format(tostring(d.code), d.range.start.line, d.range.start.character, d.severity, d.message))
      if d.code == 'IMR001' then table.insert(imr001, d) end
    end
    eq(#imr001, 1, 'IMR001 count')
    local d = imr001[1]
    eq(d.source, 'imr', 'source')
    eq(d.severity, 1, 'severity')
    eq(d.range, { start = { line = 68, character = 0 }, ['end'] = { line = 68, character = 25 } }, 'range')
    eq(d.message, 'Item 2 "Medical Clearance" (Upheld) has no Decision rationale.', 'message')
  end)

  check('diagnostics: the clean letter has no error', function()
    local got = vim.wait(15000, function() return diagnostics[letter_uri] ~= nil or server_exit ~= nil end, 20) and not server_exit
    assert(got, 'no publishDiagnostics for the clean letter within 15 s')
    local errors = {}
    for _, d in ipairs(diagnostics[letter_uri]) do
      if d.severity == 1 then table.insert(errors, d.code .. ' ' .. d.message) end
    end
    eq(errors, {}, 'errors')
  end)

  check('documentSymbol: the 8 items of CM16-0238035, all Upheld', function()
    local result = request('textDocument/documentSymbol', { textDocument = { uri = letter_uri } }, letter)
    local items = item_symbols(result)
    for _, s in ipairs(items) do out('  symbol: ' .. s.name .. ' | ' .. s.detail) end
    eq(#items, 8, 'item count')
    eq(items[1].name, 'Right shoulder arthroscopy RCR (rotator cuff…', 'first item name')
    eq(items[8].name, 'Associated surgical service: Shoulder sling…', 'last item name')
    for _, s in ipairs(items) do
      if not s.detail:match('^Upheld') then error(s.name .. ': detail ' .. s.detail, 0) end
    end
  end)

  check('codeAction: the IMR001 quick fix inserts a rationale skeleton after line 72', function()
    local d
    for _, x in ipairs(diagnostics[defect_uri] or {}) do
      if x.code == 'IMR001' then d = x end
    end
    assert(d, 'no IMR001 diagnostic')
    local actions = request('textDocument/codeAction', {
      textDocument = { uri = defect_uri },
      range = d.range,
      context = { diagnostics = { d }, only = { 'quickfix' } },
    }, defect)
    local fix
    for _, a in ipairs(actions or {}) do
      if a.title == 'Insert a Decision rationale skeleton for item 2' then fix = a end
    end
    assert(fix, 'no quick fix; got ' .. vim.inspect(vim.tbl_map(function(a) return a.title end, actions or {})))
    if not fix.edit and client.server_capabilities.codeActionProvider.resolveProvider then
      fix = request('codeAction/resolve', fix, defect)
    end
    local edits = fix.edit and ((fix.edit.changes or {})[defect_uri])
    if not edits and fix.edit and fix.edit.documentChanges then edits = fix.edit.documentChanges[1].edits end
    eq(edits, {
      {
        range = { start = { line = 71, character = 90 }, ['end'] = { line = 71, character = 90 } },
        newText = '\nDecision rationale: <rationale>. As such, the request is not medically necessary.',
      },
    }, 'edits')
  end)

  server_exit = nil -- from here on, an exit is the expected one
  vim.lsp.stop_client(client_id)
  vim.wait(3000, function() return server_exit ~= nil end, 20)
end

local ok, err = xpcall(main, debug.traceback) -- an uncaught error would leave headless nvim hanging (E5113)
if not ok then
  out('ERROR: ' .. tostring(err))
  failed = failed + 1 -- the run itself counts as a failure
end
out(('%d passed, %d failed'):format(passed, failed))
vim.cmd(((not ok) and 2 or (failed > 0 and 1 or 0)) .. 'cquit')
