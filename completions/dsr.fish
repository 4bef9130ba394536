# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_dsr_global_optspecs
    string join \n tenant= data-dir= config= q/quiet v/verbose client-secret-file= color= h/help V/version
end

function __fish_dsr_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_dsr_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_dsr_using_subcommand
    set -l cmd (__fish_dsr_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c dsr -n "__fish_dsr_needs_command" -l tenant -d 'The tenant to work on (the only one configured when omitted)' -r
complete -c dsr -n "__fish_dsr_needs_command" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr]' -r -F
complete -c dsr -n "__fish_dsr_needs_command" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml]' -r -F
complete -c dsr -n "__fish_dsr_needs_command" -l client-secret-file -d 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile\'s file, or a hidden prompt]' -r -F
complete -c dsr -n "__fish_dsr_needs_command" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_needs_command" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_needs_command" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_needs_command" -s V -l version -d 'Print version'
complete -c dsr -n "__fish_dsr_needs_command" -f -a "tenant" -d 'Register, list, show and remove tenants'
complete -c dsr -n "__fish_dsr_needs_command" -f -a "sync" -d 'Index the tenant\'s metadata so people can be located'
complete -c dsr -n "__fish_dsr_needs_command" -f -a "locate" -d 'Find every asset that holds a person\'s data, with an explanation for each hit'
complete -c dsr -n "__fish_dsr_needs_command" -f -a "demo" -d 'Run dsr on a bundled sample tenant, in temporary folders, and show what it finds'
complete -c dsr -n "__fish_dsr_needs_command" -f -a "generate" -d 'Write the man pages and shell completions from this definition (for maintainers)'
complete -c dsr -n "__fish_dsr_needs_command" -f -a "generate-tenant" -d 'Write the sample tenant, or a synthetic one of N assets (for maintainers)'
complete -c dsr -n "__fish_dsr_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show remove check help" -l tenant -d 'The tenant to work on (the only one configured when omitted)' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show remove check help" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show remove check help" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show remove check help" -l client-secret-file -d 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile\'s file, or a hidden prompt]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show remove check help" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show remove check help" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show remove check help" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show remove check help" -s h -l help -d 'Print help'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show remove check help" -f -a "add" -d 'Register a tenant'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show remove check help" -f -a "list" -d 'List the registered tenants'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show remove check help" -f -a "show" -d 'Show one tenant\'s profile and index status'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show remove check help" -f -a "remove" -d 'Forget a tenant and delete its local index'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show remove check help" -f -a "check" -d 'Check that the tenant can be reached and what the credentials may do'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show remove check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l platform -d 'Where the tenant lives' -r -f -a "dir\t'A folder of archives with JSON sidecars'
fotoweb\t'A FotoWeb server, through its REST API'"
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l path -d 'The tenant folder (dir)' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l url -d 'The FotoWeb server\'s URL; https unless on loopback (fotoweb)' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l client-id -d 'The OAuth2 client id (fotoweb); the secret is never stored in the profile' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l auth -d 'How to authenticate (fotoweb): OAuth2 client credentials, or the legacy FWAPIToken header of on-premises servers (the API key is then given as the secret)' -r -f -a "oauth\t'OAuth2 client credentials'
api-key\t'The legacy FWAPIToken header'"
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l client-secret-file -d 'A file holding the client secret, read whenever a token is needed (fotoweb)' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l default-region -d 'Region for national phone numbers, as a two-letter country code (e.g. NO, DE)' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l person-field -d 'Another field holding people\'s names (repeatable or comma-separated)' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l email-field -d 'Another field holding e-mail addresses' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l phone-field -d 'Another field holding phone numbers' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l login-field -d 'Another field holding platform logins' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l text-field -d 'A field to read as free text even where FotoWeb gives it another role' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l shown-field -d 'Another field naming the people shown in the image, like 368 (erasure deletes an asset that shows the subject alone)' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l legal-hold-archive -d 'An archive under legal hold: erasure withholds its assets (repeatable)' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l legal-hold -d 'A field value that puts an asset under legal hold, as FIELD=VALUE (repeatable)' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l tenant -d 'The tenant to work on (the only one configured when omitted)' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from list" -s o -l output -r -f -a "table\t''
json\t''"
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from list" -l tenant -d 'The tenant to work on (the only one configured when omitted)' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from list" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from list" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from list" -l client-secret-file -d 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile\'s file, or a hidden prompt]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from show" -s o -l output -r -f -a "table\t''
json\t''"
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from show" -l tenant -d 'The tenant to work on (the only one configured when omitted)' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from show" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from show" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from show" -l client-secret-file -d 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile\'s file, or a hidden prompt]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from show" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l tenant -d 'The tenant to work on (the only one configured when omitted)' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l client-secret-file -d 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile\'s file, or a hidden prompt]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l keep-index -d 'Keep the local index instead of deleting it'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from check" -s o -l output -r -f -a "table\t''
json\t''"
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from check" -l tenant -d 'The tenant to work on (the only one configured when omitted)' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from check" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from check" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from check" -l client-secret-file -d 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile\'s file, or a hidden prompt]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from check" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from check" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "add" -d 'Register a tenant'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the registered tenants'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one tenant\'s profile and index status'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Forget a tenant and delete its local index'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "check" -d 'Check that the tenant can be reached and what the credentials may do'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dsr -n "__fish_dsr_using_subcommand sync" -s j -l jobs -d 'How many requests (fotoweb) or files (dir) are read at once' -r
complete -c dsr -n "__fish_dsr_using_subcommand sync" -s o -l output -d 'table prints a summary; json prints the report' -r -f -a "table\t''
json\t''"
complete -c dsr -n "__fish_dsr_using_subcommand sync" -l tenant -d 'The tenant to work on (the only one configured when omitted)' -r
complete -c dsr -n "__fish_dsr_using_subcommand sync" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand sync" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand sync" -l client-secret-file -d 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile\'s file, or a hidden prompt]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand sync" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand sync" -l full -d 'Rebuild the index from scratch'
complete -c dsr -n "__fish_dsr_using_subcommand sync" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand sync" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l email -d 'An e-mail address (exact, case-insensitive)' -r
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l name -d 'A person\'s name' -r
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l phone -d 'A phone number; national numbers are read in the tenant\'s default region' -r
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l login -d 'A platform login (exact)' -r
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l text -d 'A phrase of free text' -r
complete -c dsr -n "__fish_dsr_using_subcommand locate" -s o -l output -r -f -a "table\t'Aligned columns for people'
json\t'One JSON array'
jsonl\t'One JSON object per line'
csv\t'One row per match, with a header'"
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l min-confidence -d 'Leave out matches below this confidence' -r -f -a "low\t''
medium\t''
high\t''"
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l tenant -d 'The tenant to work on (the only one configured when omitted)' -r
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l client-secret-file -d 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile\'s file, or a hidden prompt]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l explain -d 'Show why each match was made'
complete -c dsr -n "__fish_dsr_using_subcommand locate" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand locate" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand locate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand demo" -l tenant -d 'The tenant to work on (the only one configured when omitted)' -r
complete -c dsr -n "__fish_dsr_using_subcommand demo" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand demo" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand demo" -l client-secret-file -d 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile\'s file, or a hidden prompt]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand demo" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand demo" -l keep -d 'Keep the temporary folders and print where they are'
complete -c dsr -n "__fish_dsr_using_subcommand demo" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand demo" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand demo" -s h -l help -d 'Print help'
complete -c dsr -n "__fish_dsr_using_subcommand generate" -l root -d 'The repository root that receives man/ and completions/' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand generate" -l tenant -d 'The tenant to work on (the only one configured when omitted)' -r
complete -c dsr -n "__fish_dsr_using_subcommand generate" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand generate" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand generate" -l client-secret-file -d 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile\'s file, or a hidden prompt]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand generate" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand generate" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand generate" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand generate" -s h -l help -d 'Print help'
complete -c dsr -n "__fish_dsr_using_subcommand generate-tenant" -l out -d 'The folder to write (must be empty or absent)' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand generate-tenant" -l assets -d 'Write a synthetic tenant of this many assets instead of the sample tenant' -r
complete -c dsr -n "__fish_dsr_using_subcommand generate-tenant" -l seed -d 'Seed of the synthetic tenant' -r
complete -c dsr -n "__fish_dsr_using_subcommand generate-tenant" -l tenant -d 'The tenant to work on (the only one configured when omitted)' -r
complete -c dsr -n "__fish_dsr_using_subcommand generate-tenant" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand generate-tenant" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand generate-tenant" -l client-secret-file -d 'A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile\'s file, or a hidden prompt]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand generate-tenant" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand generate-tenant" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand generate-tenant" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand generate-tenant" -s h -l help -d 'Print help'
complete -c dsr -n "__fish_dsr_using_subcommand help; and not __fish_seen_subcommand_from tenant sync locate demo generate generate-tenant help" -f -a "tenant" -d 'Register, list, show and remove tenants'
complete -c dsr -n "__fish_dsr_using_subcommand help; and not __fish_seen_subcommand_from tenant sync locate demo generate generate-tenant help" -f -a "sync" -d 'Index the tenant\'s metadata so people can be located'
complete -c dsr -n "__fish_dsr_using_subcommand help; and not __fish_seen_subcommand_from tenant sync locate demo generate generate-tenant help" -f -a "locate" -d 'Find every asset that holds a person\'s data, with an explanation for each hit'
complete -c dsr -n "__fish_dsr_using_subcommand help; and not __fish_seen_subcommand_from tenant sync locate demo generate generate-tenant help" -f -a "demo" -d 'Run dsr on a bundled sample tenant, in temporary folders, and show what it finds'
complete -c dsr -n "__fish_dsr_using_subcommand help; and not __fish_seen_subcommand_from tenant sync locate demo generate generate-tenant help" -f -a "generate" -d 'Write the man pages and shell completions from this definition (for maintainers)'
complete -c dsr -n "__fish_dsr_using_subcommand help; and not __fish_seen_subcommand_from tenant sync locate demo generate generate-tenant help" -f -a "generate-tenant" -d 'Write the sample tenant, or a synthetic one of N assets (for maintainers)'
complete -c dsr -n "__fish_dsr_using_subcommand help; and not __fish_seen_subcommand_from tenant sync locate demo generate generate-tenant help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dsr -n "__fish_dsr_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "add" -d 'Register a tenant'
complete -c dsr -n "__fish_dsr_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "list" -d 'List the registered tenants'
complete -c dsr -n "__fish_dsr_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "show" -d 'Show one tenant\'s profile and index status'
complete -c dsr -n "__fish_dsr_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "remove" -d 'Forget a tenant and delete its local index'
complete -c dsr -n "__fish_dsr_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "check" -d 'Check that the tenant can be reached and what the credentials may do'
