
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'dsr' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'dsr'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'dsr' {
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile''s file, or a hidden prompt]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('tenant', 'tenant', [CompletionResultType]::ParameterValue, 'Register, list, show and remove tenants')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Index the tenant''s metadata so people can be located')
            [CompletionResult]::new('locate', 'locate', [CompletionResultType]::ParameterValue, 'Find every asset that holds a person''s data, with an explanation for each hit')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Run dsr on a bundled sample tenant, in temporary folders, and show what it finds')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Write the man pages and shell completions from this definition (for maintainers)')
            [CompletionResult]::new('generate-tenant', 'generate-tenant', [CompletionResultType]::ParameterValue, 'Write the sample tenant, or a synthetic one of N assets (for maintainers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dsr;tenant' {
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile''s file, or a hidden prompt]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Register a tenant')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the registered tenants')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one tenant''s profile and index status')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Forget a tenant and delete its local index')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check that the tenant can be reached and what the credentials may do')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dsr;tenant;add' {
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Where the tenant lives')
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'The tenant folder (dir)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The FotoWeb server''s URL; https unless on loopback (fotoweb)')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'The OAuth2 client id (fotoweb); the secret is never stored in the profile')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'How to authenticate (fotoweb): OAuth2 client credentials, or the legacy FWAPIToken header of on-premises servers (the API key is then given as the secret)')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the client secret, read whenever a token is needed (fotoweb)')
            [CompletionResult]::new('--default-region', '--default-region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, as a two-letter country code (e.g. NO, DE)')
            [CompletionResult]::new('--person-field', '--person-field', [CompletionResultType]::ParameterName, 'Another field holding people''s names (repeatable or comma-separated)')
            [CompletionResult]::new('--email-field', '--email-field', [CompletionResultType]::ParameterName, 'Another field holding e-mail addresses')
            [CompletionResult]::new('--phone-field', '--phone-field', [CompletionResultType]::ParameterName, 'Another field holding phone numbers')
            [CompletionResult]::new('--login-field', '--login-field', [CompletionResultType]::ParameterName, 'Another field holding platform logins')
            [CompletionResult]::new('--text-field', '--text-field', [CompletionResultType]::ParameterName, 'A field to read as free text even where FotoWeb gives it another role')
            [CompletionResult]::new('--shown-field', '--shown-field', [CompletionResultType]::ParameterName, 'Another field naming the people shown in the image, like 368 (erasure deletes an asset that shows the subject alone)')
            [CompletionResult]::new('--legal-hold-archive', '--legal-hold-archive', [CompletionResultType]::ParameterName, 'An archive under legal hold: erasure withholds its assets (repeatable)')
            [CompletionResult]::new('--legal-hold', '--legal-hold', [CompletionResultType]::ParameterName, 'A field value that puts an asset under legal hold, as FIELD=VALUE (repeatable)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dsr;tenant;list' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile''s file, or a hidden prompt]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dsr;tenant;show' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile''s file, or a hidden prompt]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dsr;tenant;remove' {
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile''s file, or a hidden prompt]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--keep-index', '--keep-index', [CompletionResultType]::ParameterName, 'Keep the local index instead of deleting it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dsr;tenant;check' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile''s file, or a hidden prompt]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dsr;tenant;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Register a tenant')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the registered tenants')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one tenant''s profile and index status')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Forget a tenant and delete its local index')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check that the tenant can be reached and what the credentials may do')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dsr;tenant;help;add' {
            break
        }
        'dsr;tenant;help;list' {
            break
        }
        'dsr;tenant;help;show' {
            break
        }
        'dsr;tenant;help;remove' {
            break
        }
        'dsr;tenant;help;check' {
            break
        }
        'dsr;tenant;help;help' {
            break
        }
        'dsr;sync' {
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'How many requests (fotoweb) or files (dir) are read at once')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'How many requests (fotoweb) or files (dir) are read at once')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'table prints a summary; json prints the report')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'table prints a summary; json prints the report')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile''s file, or a hidden prompt]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--full', '--full', [CompletionResultType]::ParameterName, 'Rebuild the index from scratch')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dsr;locate' {
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'An e-mail address (exact, case-insensitive)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A person''s name')
            [CompletionResult]::new('--phone', '--phone', [CompletionResultType]::ParameterName, 'A phone number; national numbers are read in the tenant''s default region')
            [CompletionResult]::new('--login', '--login', [CompletionResultType]::ParameterName, 'A platform login (exact)')
            [CompletionResult]::new('--text', '--text', [CompletionResultType]::ParameterName, 'A phrase of free text')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('--min-confidence', '--min-confidence', [CompletionResultType]::ParameterName, 'Leave out matches below this confidence')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile''s file, or a hidden prompt]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Show why each match was made')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dsr;demo' {
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile''s file, or a hidden prompt]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--keep', '--keep', [CompletionResultType]::ParameterName, 'Keep the temporary folders and print where they are')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dsr;generate' {
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository root that receives man/ and completions/')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile''s file, or a hidden prompt]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dsr;generate-tenant' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'The folder to write (must be empty or absent)')
            [CompletionResult]::new('--assets', '--assets', [CompletionResultType]::ParameterName, 'Write a synthetic tenant of this many assets instead of the sample tenant')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed of the synthetic tenant')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile''s file, or a hidden prompt]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dsr;help' {
            [CompletionResult]::new('tenant', 'tenant', [CompletionResultType]::ParameterValue, 'Register, list, show and remove tenants')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Index the tenant''s metadata so people can be located')
            [CompletionResult]::new('locate', 'locate', [CompletionResultType]::ParameterValue, 'Find every asset that holds a person''s data, with an explanation for each hit')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Run dsr on a bundled sample tenant, in temporary folders, and show what it finds')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Write the man pages and shell completions from this definition (for maintainers)')
            [CompletionResult]::new('generate-tenant', 'generate-tenant', [CompletionResultType]::ParameterValue, 'Write the sample tenant, or a synthetic one of N assets (for maintainers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dsr;help;tenant' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Register a tenant')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the registered tenants')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one tenant''s profile and index status')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Forget a tenant and delete its local index')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check that the tenant can be reached and what the credentials may do')
            break
        }
        'dsr;help;tenant;add' {
            break
        }
        'dsr;help;tenant;list' {
            break
        }
        'dsr;help;tenant;show' {
            break
        }
        'dsr;help;tenant;remove' {
            break
        }
        'dsr;help;tenant;check' {
            break
        }
        'dsr;help;sync' {
            break
        }
        'dsr;help;locate' {
            break
        }
        'dsr;help;demo' {
            break
        }
        'dsr;help;generate' {
            break
        }
        'dsr;help;generate-tenant' {
            break
        }
        'dsr;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
