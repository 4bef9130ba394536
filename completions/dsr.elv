
use builtin;
use str;

set edit:completion:arg-completer[dsr] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'dsr'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'dsr'= {
            cand --tenant 'The tenant to work on (the only one configured when omitted)'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml]'
            cand --client-secret-file 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile''s file, or a hidden prompt]'
            cand --color 'When to colour the output'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand tenant 'Register, list, show and remove tenants'
            cand sync 'Index the tenant''s metadata so people can be located'
            cand locate 'Find every asset that holds a person''s data, with an explanation for each hit'
            cand demo 'Run dsr on a bundled sample tenant, in temporary folders, and show what it finds'
            cand generate 'Write the man pages and shell completions from this definition (for maintainers)'
            cand generate-tenant 'Write the sample tenant, or a synthetic one of N assets (for maintainers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dsr;tenant'= {
            cand --tenant 'The tenant to work on (the only one configured when omitted)'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml]'
            cand --client-secret-file 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile''s file, or a hidden prompt]'
            cand --color 'When to colour the output'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Register a tenant'
            cand list 'List the registered tenants'
            cand show 'Show one tenant''s profile and index status'
            cand remove 'Forget a tenant and delete its local index'
            cand check 'Check that the tenant can be reached and what the credentials may do'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dsr;tenant;add'= {
            cand --platform 'Where the tenant lives'
            cand --path 'The tenant folder (dir)'
            cand --url 'The FotoWeb server''s URL; https unless on loopback (fotoweb)'
            cand --client-id 'The OAuth2 client id (fotoweb); the secret is never stored in the profile'
            cand --auth 'How to authenticate (fotoweb): OAuth2 client credentials, or the legacy FWAPIToken header of on-premises servers (the API key is then given as the secret)'
            cand --client-secret-file 'A file holding the client secret, read whenever a token is needed (fotoweb)'
            cand --default-region 'Region for national phone numbers, as a two-letter country code (e.g. NO, DE)'
            cand --person-field 'Another field holding people''s names (repeatable or comma-separated)'
            cand --email-field 'Another field holding e-mail addresses'
            cand --phone-field 'Another field holding phone numbers'
            cand --login-field 'Another field holding platform logins'
            cand --text-field 'A field to read as free text even where FotoWeb gives it another role'
            cand --shown-field 'Another field naming the people shown in the image, like 368 (erasure deletes an asset that shows the subject alone)'
            cand --legal-hold-archive 'An archive under legal hold: erasure withholds its assets (repeatable)'
            cand --legal-hold 'A field value that puts an asset under legal hold, as FIELD=VALUE (repeatable)'
            cand --tenant 'The tenant to work on (the only one configured when omitted)'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml]'
            cand --color 'When to colour the output'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dsr;tenant;list'= {
            cand -o 'o'
            cand --output 'output'
            cand --tenant 'The tenant to work on (the only one configured when omitted)'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml]'
            cand --client-secret-file 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile''s file, or a hidden prompt]'
            cand --color 'When to colour the output'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dsr;tenant;show'= {
            cand -o 'o'
            cand --output 'output'
            cand --tenant 'The tenant to work on (the only one configured when omitted)'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml]'
            cand --client-secret-file 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile''s file, or a hidden prompt]'
            cand --color 'When to colour the output'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dsr;tenant;remove'= {
            cand --tenant 'The tenant to work on (the only one configured when omitted)'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml]'
            cand --client-secret-file 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile''s file, or a hidden prompt]'
            cand --color 'When to colour the output'
            cand --keep-index 'Keep the local index instead of deleting it'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dsr;tenant;check'= {
            cand -o 'o'
            cand --output 'output'
            cand --tenant 'The tenant to work on (the only one configured when omitted)'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml]'
            cand --client-secret-file 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile''s file, or a hidden prompt]'
            cand --color 'When to colour the output'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dsr;tenant;help'= {
            cand add 'Register a tenant'
            cand list 'List the registered tenants'
            cand show 'Show one tenant''s profile and index status'
            cand remove 'Forget a tenant and delete its local index'
            cand check 'Check that the tenant can be reached and what the credentials may do'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dsr;tenant;help;add'= {
        }
        &'dsr;tenant;help;list'= {
        }
        &'dsr;tenant;help;show'= {
        }
        &'dsr;tenant;help;remove'= {
        }
        &'dsr;tenant;help;check'= {
        }
        &'dsr;tenant;help;help'= {
        }
        &'dsr;sync'= {
            cand -j 'How many requests (fotoweb) or files (dir) are read at once'
            cand --jobs 'How many requests (fotoweb) or files (dir) are read at once'
            cand -o 'table prints a summary; json prints the report'
            cand --output 'table prints a summary; json prints the report'
            cand --tenant 'The tenant to work on (the only one configured when omitted)'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml]'
            cand --client-secret-file 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile''s file, or a hidden prompt]'
            cand --color 'When to colour the output'
            cand --full 'Rebuild the index from scratch'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dsr;locate'= {
            cand --email 'An e-mail address (exact, case-insensitive)'
            cand --name 'A person''s name'
            cand --phone 'A phone number; national numbers are read in the tenant''s default region'
            cand --login 'A platform login (exact)'
            cand --text 'A phrase of free text'
            cand -o 'o'
            cand --output 'output'
            cand --min-confidence 'Leave out matches below this confidence'
            cand --tenant 'The tenant to work on (the only one configured when omitted)'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml]'
            cand --client-secret-file 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile''s file, or a hidden prompt]'
            cand --color 'When to colour the output'
            cand --explain 'Show why each match was made'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dsr;demo'= {
            cand --tenant 'The tenant to work on (the only one configured when omitted)'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml]'
            cand --client-secret-file 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile''s file, or a hidden prompt]'
            cand --color 'When to colour the output'
            cand --keep 'Keep the temporary folders and print where they are'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dsr;generate'= {
            cand --root 'The repository root that receives man/ and completions/'
            cand --tenant 'The tenant to work on (the only one configured when omitted)'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml]'
            cand --client-secret-file 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile''s file, or a hidden prompt]'
            cand --color 'When to colour the output'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dsr;generate-tenant'= {
            cand --out 'The folder to write (must be empty or absent)'
            cand --assets 'Write a synthetic tenant of this many assets instead of the sample tenant'
            cand --seed 'Seed of the synthetic tenant'
            cand --tenant 'The tenant to work on (the only one configured when omitted)'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml]'
            cand --client-secret-file 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile''s file, or a hidden prompt]'
            cand --color 'When to colour the output'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dsr;help'= {
            cand tenant 'Register, list, show and remove tenants'
            cand sync 'Index the tenant''s metadata so people can be located'
            cand locate 'Find every asset that holds a person''s data, with an explanation for each hit'
            cand demo 'Run dsr on a bundled sample tenant, in temporary folders, and show what it finds'
            cand generate 'Write the man pages and shell completions from this definition (for maintainers)'
            cand generate-tenant 'Write the sample tenant, or a synthetic one of N assets (for maintainers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dsr;help;tenant'= {
            cand add 'Register a tenant'
            cand list 'List the registered tenants'
            cand show 'Show one tenant''s profile and index status'
            cand remove 'Forget a tenant and delete its local index'
            cand check 'Check that the tenant can be reached and what the credentials may do'
        }
        &'dsr;help;tenant;add'= {
        }
        &'dsr;help;tenant;list'= {
        }
        &'dsr;help;tenant;show'= {
        }
        &'dsr;help;tenant;remove'= {
        }
        &'dsr;help;tenant;check'= {
        }
        &'dsr;help;sync'= {
        }
        &'dsr;help;locate'= {
        }
        &'dsr;help;demo'= {
        }
        &'dsr;help;generate'= {
        }
        &'dsr;help;generate-tenant'= {
        }
        &'dsr;help;help'= {
        }
    ]
    $completions[$command]
}
