# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_dsr_global_optspecs
    string join \n tenant= group= all-tenants data-dir= config= q/quiet v/verbose client-secret-file= timeout= color= operator= purpose= key= h/help V/version
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

complete -c dsr -n "__fish_dsr_needs_command" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_needs_command" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_needs_command" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_needs_command" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_needs_command" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_needs_command" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_needs_command" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_needs_command" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_needs_command" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_needs_command" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_needs_command" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_needs_command" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_needs_command" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_needs_command" -s h -l help -d 'Print help'
complete -c dsr -n "__fish_dsr_needs_command" -s V -l version -d 'Print version'
complete -c dsr -n "__fish_dsr_needs_command" -f -a "tenant" -d 'Register, list, show and remove tenants'
complete -c dsr -n "__fish_dsr_needs_command" -f -a "sync" -d 'Index the tenant\'s metadata so people can be located'
complete -c dsr -n "__fish_dsr_needs_command" -f -a "locate" -d 'Find every asset that holds a person\'s data, with an explanation for each hit'
complete -c dsr -n "__fish_dsr_needs_command" -f -a "case" -d 'Open, review, extend, list and close data-subject requests'
complete -c dsr -n "__fish_dsr_needs_command" -f -a "access" -d 'Write the Art. 15 access package of a case'
complete -c dsr -n "__fish_dsr_needs_command" -f -a "portability" -d 'Write the Art. 20 portable ZIP of a case'
complete -c dsr -n "__fish_dsr_needs_command" -f -a "erase" -d 'Erase a subject\'s data (Art. 17): plan, confirm, apply under a journal, verify'
complete -c dsr -n "__fish_dsr_needs_command" -f -a "rectify" -d 'Correct a subject\'s data (Art. 16): plan, confirm, apply under a journal, verify'
complete -c dsr -n "__fish_dsr_needs_command" -f -a "restrict" -d 'Restrict the processing of a subject\'s data (Art. 18), or lift the restriction'
complete -c dsr -n "__fish_dsr_needs_command" -f -a "keys" -d 'Make the key that signs receipts, and show every key that signed them'
complete -c dsr -n "__fish_dsr_needs_command" -f -a "receipt" -d 'Check receipts (signed proof of what an operation did) and show what they say'
complete -c dsr -n "__fish_dsr_needs_command" -f -a "audit" -d 'List the audit log of every command that read personal data, and check its chain'
complete -c dsr -n "__fish_dsr_needs_command" -f -a "demo" -d 'Run dsr on a bundled sample tenant, in temporary folders, and show what it finds'
complete -c dsr -n "__fish_dsr_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show edit remove check ropa group help" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show edit remove check ropa group help" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show edit remove check ropa group help" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show edit remove check ropa group help" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show edit remove check ropa group help" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show edit remove check ropa group help" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show edit remove check ropa group help" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show edit remove check ropa group help" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show edit remove check ropa group help" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show edit remove check ropa group help" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show edit remove check ropa group help" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show edit remove check ropa group help" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show edit remove check ropa group help" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show edit remove check ropa group help" -s h -l help -d 'Print help'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show edit remove check ropa group help" -f -a "add" -d 'Register a tenant'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show edit remove check ropa group help" -f -a "list" -d 'List the registered tenants'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show edit remove check ropa group help" -f -a "show" -d 'Show one tenant\'s profile and index status'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show edit remove check ropa group help" -f -a "edit" -d 'Change a registered tenant\'s profile'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show edit remove check ropa group help" -f -a "remove" -d 'Forget a tenant and delete its local index; its records are kept'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show edit remove check ropa group help" -f -a "check" -d 'Check that the tenant can be reached and what the credentials may do'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show edit remove check ropa group help" -f -a "ropa" -d 'Show the tenant\'s record of processing, or write a template to fill in (--init)'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show edit remove check ropa group help" -f -a "group" -d 'Name groups of tenants: the systems one request must reach'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and not __fish_seen_subcommand_from add list show edit remove check ropa group help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l platform -d 'Where the tenant lives' -r -f -a "dir\t'A folder of archives with JSON sidecars'
fotoweb\t'A FotoWeb server, through its REST API'
objects\t'The dir layout in object storage: an S3 bucket, an Azure Blob container or a local folder (file://)'
sql\t'A SQLite database described by a dataset file: each row of a described table is an asset (`table/key`)'"
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l path -d 'The tenant folder (dir)' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l url -d 'The FotoWeb server\'s URL, https unless on loopback (fotoweb); or the store\'s: file:///path, s3://bucket/prefix or az://container/prefix (objects); or the database\'s (sql): sqlite:///path/db.sqlite, postgres://USER@HOST:PORT/DB or mysql://USER@HOST:PORT/DB (mariadb:// too). A database URL holds no password (it comes from DSR_DB_PASSWORD, --client-secret-file or a prompt) and needs ?sslmode=require unless the server is on loopback or a Unix socket' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l dataset -d 'The dataset file describing the database (sql): a TOML file naming, per table, its key, an optional change column, the personal columns and their roles (email, phone, login, person, text), and what erasure does to a row (delete, scrub with a mask per column: null, a fixed text, a marker, a salted hash, or an e-mail address or phone number that keeps its form; or keep with a legal reason). It is read and checked against the database now, each mask against its column\'s type, length, NOT NULL, unique indexes and CHECK constraints; the profile records its roles, the tables erasure deletes and those it keeps. A table of another schema (on MariaDB/MySQL: another database of the server) is named with it, billing.invoices; a schema the database lacks is refused. See docs/sql.md' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l scope -d 'Limit every query to one customer of a multi-tenant database (sql), as COLUMN=VALUE: the column must be on every table of the dataset. Rows of other customers are never read, exported, changed or erased' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l endpoint -d 'The server to talk to instead of the cloud\'s own (objects): an S3-compatible provider such as MinIO, Hetzner or DigitalOcean, or an emulator; https unless on loopback. Credentials are read from the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, or the profile AWS_PROFILE names in ~/.aws/credentials; AZURE_STORAGE_ACCOUNT_NAME, AZURE_STORAGE_ACCOUNT_KEY), never from the profile' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l client-id -d 'The OAuth2 client id (fotoweb); the secret is never stored in the profile' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l records -d 'Records to read, search and erase beside the assets (fotoweb), comma-separated: user accounts, comments on assets, albums and their shares, orders, assets\' consent statuses (read with the assets, no request of their own). Each sync then reads every user, the comments of every asset (one request per asset), the sharing of every album (one request per album) and the site\'s order history' -r -f -a "users\t'User accounts (user management): username, full name, e-mail, phone, address'
comments\t'Comments on assets: their text and author'
albums\t'Albums: their owner (login and name), name and description'
shares\t'Shares of albums to people by e-mail'
orders\t'Orders: the customer\'s login, name, e-mail, phone, address and comment (kept under the bookkeeping hold when she is erased)'
consents\t'Assets\' consent statuses (consent management), beside the people each asset shows'"
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l auth -d 'How to authenticate (fotoweb): OAuth2 client credentials, or the legacy FWAPIToken header of on-premises servers (the API key is then given as the secret)' -r -f -a "oauth\t'OAuth2 client credentials'
api-key\t'The legacy FWAPIToken header'"
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l client-secret-file -d 'A file holding the client secret, read whenever a token is needed (fotoweb), or the database user\'s password, read when the server asks for one (sql)' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l default-region -d 'Region for national phone numbers, as a two-letter country code (e.g. NO, DE)' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l person-field -d 'Another field holding people\'s names (repeatable or comma-separated)' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l email-field -d 'Another field holding e-mail addresses' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l phone-field -d 'Another field holding phone numbers' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l login-field -d 'Another field holding platform logins' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l text-field -d 'A field to read as free text even where FotoWeb gives it another role' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l shown-field -d 'Another field naming the people shown in the image, like 368 (erasure deletes an asset that shows the subject alone)' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l legal-hold-archive -d 'An archive under legal hold: erasure withholds its assets (repeatable)' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l legal-hold -d 'A field value that puts an asset under legal hold, as FIELD=VALUE (repeatable)' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l signing-key -d 'The Ed25519 key that signs this tenant\'s receipts [default: the data directory\'s]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l default-operator -d 'Who works on this tenant when --operator is not given (audit log, receipts)' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l default-purpose -d 'Why this tenant\'s personal data is read when --purpose is not given: a contract or ticket reference, never a person\'s name' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l records-retention -d 'How long the records of a closed case are kept before `dsr case purge` may delete its personal data: years, months, weeks or days, such as 5y, 18m or 1y6m [default: none, and no case is purged]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l restriction-field -d 'The field `dsr restrict` marks a subject\'s assets in (Art. 18), such as a status or keyword field the platform\'s users see [default: none, and restriction is refused]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l restriction-value -d 'The value `dsr restrict` puts into --restriction-field [default: restricted]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from list" -s o -l output -r -f -a "human\t'For people: aligned columns, or a summary'
json\t'One JSON document (an array for a list)'
jsonl\t'One JSON object per line (per item of a list)'
csv\t'A header, then one row per item'"
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from list" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from list" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from list" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from list" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from list" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from list" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from list" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from list" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from list" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from list" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from show" -s o -l output -r -f -a "human\t'For people: aligned columns, or a summary'
json\t'One JSON document (an array for a list)'
jsonl\t'One JSON object per line (per item of a list)'
csv\t'A header, then one row per item'"
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from show" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from show" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from show" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from show" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from show" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from show" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from show" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from show" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from show" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from show" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from show" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from edit" -l records-retention -d 'How long the records of a closed case are kept before `dsr case purge` may delete its personal data: years, months, weeks or days, such as 5y, 18m or 1y6m' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from edit" -l restriction-field -d 'The field `dsr restrict` marks a subject\'s assets in (Art. 18)' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from edit" -l restriction-value -d 'The value `dsr restrict` puts into --restriction-field [default: restricted]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from edit" -l ropa -d 'The record of processing the tenant\'s access packages draw on, when several systems share one: `dsr tenant ropa RECORD` (ropa/RECORD.toml) [default: the tenant\'s own]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from edit" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from edit" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from edit" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from edit" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from edit" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from edit" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from edit" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from edit" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from edit" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from edit" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from edit" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from edit" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l keep-index -d 'Keep the local index instead of deleting it'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from check" -s o -l output -r -f -a "human\t'For people: aligned columns, or a summary'
json\t'One JSON document (an array for a list)'
jsonl\t'One JSON object per line (per item of a list)'
csv\t'A header, then one row per item'"
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from check" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from check" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from check" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from check" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from check" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from check" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from check" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from check" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from check" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from check" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from check" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from check" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from ropa" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from ropa" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from ropa" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from ropa" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from ropa" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from ropa" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from ropa" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from ropa" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from ropa" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from ropa" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from ropa" -l init -d 'Write a commented template to fill in'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from ropa" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from ropa" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from ropa" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from ropa" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from group" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from group" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from group" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from group" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from group" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from group" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from group" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from group" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from group" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from group" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from group" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from group" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from group" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from group" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from group" -f -a "add" -d 'Make a group of tenants, or add tenants to one; each must be registered'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from group" -f -a "list" -d 'List the groups and their tenants'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from group" -f -a "remove" -d 'Remove a group, or only the tenants named from it; the tenants themselves stay'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from group" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "add" -d 'Register a tenant'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the registered tenants'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one tenant\'s profile and index status'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change a registered tenant\'s profile'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Forget a tenant and delete its local index; its records are kept'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "check" -d 'Check that the tenant can be reached and what the credentials may do'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "ropa" -d 'Show the tenant\'s record of processing, or write a template to fill in (--init)'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "group" -d 'Name groups of tenants: the systems one request must reach'
complete -c dsr -n "__fish_dsr_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dsr -n "__fish_dsr_using_subcommand sync" -s j -l jobs -d 'How many requests (fotoweb) or files (dir) are read at once' -r
complete -c dsr -n "__fish_dsr_using_subcommand sync" -s o -l output -d 'table prints a summary; json prints the report' -r -f -a "human\t'For people: aligned columns, or a summary'
json\t'One JSON document (an array for a list)'
jsonl\t'One JSON object per line (per item of a list)'
csv\t'A header, then one row per item'"
complete -c dsr -n "__fish_dsr_using_subcommand sync" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand sync" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand sync" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand sync" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand sync" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand sync" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand sync" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand sync" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand sync" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand sync" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand sync" -l full -d 'Rebuild the index from scratch'
complete -c dsr -n "__fish_dsr_using_subcommand sync" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand sync" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand sync" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l from -d 'Locate every subject of a list: CSV with a header (email, name, phone, login, reference, received; repeated columns or \';\' for several values) or JSON Lines with the same keys; \'-\' reads stdin. One result per subject; a bad row is reported with its row number and the others go on' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l email -d 'An e-mail address (exact, case-insensitive)' -r
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l name -d 'A person\'s name: not initials alone, at most 200 characters' -r
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l phone -d 'A phone number; national numbers are read in the tenant\'s default region' -r
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l login -d 'A platform login (exact)' -r
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l text -d 'A phrase of free text' -r
complete -c dsr -n "__fish_dsr_using_subcommand locate" -s o -l output -r -f -a "human\t'For people: aligned columns, or a summary'
json\t'One JSON document (an array for a list)'
jsonl\t'One JSON object per line (per item of a list)'
csv\t'A header, then one row per item'"
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l min-confidence -d 'Leave out matches below this confidence' -r -f -a "low\t''
medium\t''
high\t''"
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l explain -d 'Show why each match was made, and name the assets that could not be searched'
complete -c dsr -n "__fish_dsr_using_subcommand locate" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand locate" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand locate" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand locate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand case; and not __fish_seen_subcommand_from open review extend list show close purge help" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and not __fish_seen_subcommand_from open review extend list show close purge help" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and not __fish_seen_subcommand_from open review extend list show close purge help" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and not __fish_seen_subcommand_from open review extend list show close purge help" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and not __fish_seen_subcommand_from open review extend list show close purge help" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and not __fish_seen_subcommand_from open review extend list show close purge help" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and not __fish_seen_subcommand_from open review extend list show close purge help" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand case; and not __fish_seen_subcommand_from open review extend list show close purge help" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and not __fish_seen_subcommand_from open review extend list show close purge help" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and not __fish_seen_subcommand_from open review extend list show close purge help" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and not __fish_seen_subcommand_from open review extend list show close purge help" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand case; and not __fish_seen_subcommand_from open review extend list show close purge help" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand case; and not __fish_seen_subcommand_from open review extend list show close purge help" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand case; and not __fish_seen_subcommand_from open review extend list show close purge help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand case; and not __fish_seen_subcommand_from open review extend list show close purge help" -f -a "open" -d 'Open a case and locate the subject; prints the case id (the case with --output json)'
complete -c dsr -n "__fish_dsr_using_subcommand case; and not __fish_seen_subcommand_from open review extend list show close purge help" -f -a "review" -d 'Go through a case\'s matches and decide which are the subject'
complete -c dsr -n "__fish_dsr_using_subcommand case; and not __fish_seen_subcommand_from open review extend list show close purge help" -f -a "extend" -d 'Extend the deadline by two months (once, Art. 12(3))'
complete -c dsr -n "__fish_dsr_using_subcommand case; and not __fish_seen_subcommand_from open review extend list show close purge help" -f -a "list" -d 'List the tenant\'s cases, or every tenant\'s'
complete -c dsr -n "__fish_dsr_using_subcommand case; and not __fish_seen_subcommand_from open review extend list show close purge help" -f -a "show" -d 'Show one case'
complete -c dsr -n "__fish_dsr_using_subcommand case; and not __fish_seen_subcommand_from open review extend list show close purge help" -f -a "close" -d 'Close a case'
complete -c dsr -n "__fish_dsr_using_subcommand case; and not __fish_seen_subcommand_from open review extend list show close purge help" -f -a "purge" -d 'Delete the personal data of closed cases past the tenant\'s records retention'
complete -c dsr -n "__fish_dsr_using_subcommand case; and not __fish_seen_subcommand_from open review extend list show close purge help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from open" -l right -d 'The right the subject exercises' -r -f -a "access\t'Art. 15'
portability\t'Art. 20'
rectification\t'Art. 16'
erasure\t'Art. 17'
restriction\t'Art. 18'"
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from open" -l from -d 'Open one case per subject of a list (CSV or JSON Lines, as for `dsr locate --from`; \'-\' reads stdin); prints one case id per line, or one object per subject with --output jsonl' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from open" -s o -l output -d 'How the case is printed: its id (human) or the case as `case show` prints it; with --from the ids, or one object per subject' -r -f -a "human\t'For people: aligned columns, or a summary'
json\t'One JSON document (an array for a list)'
jsonl\t'One JSON object per line (per item of a list)'
csv\t'A header, then one row per item'"
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from open" -l email -d 'The subject\'s e-mail address (repeatable)' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from open" -l name -d 'The subject\'s name (repeatable): not initials alone, at most 200 characters' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from open" -l phone -d 'The subject\'s phone number (repeatable)' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from open" -l login -d 'The subject\'s platform login (repeatable)' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from open" -l received -d 'When the request was received, YYYY-MM-DD [default: today]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from open" -l reference -d 'The requester\'s or your own reference' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from open" -l verified-by -d 'How the subject\'s identity was checked (Art. 12(6))' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from open" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from open" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from open" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from open" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from open" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from open" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from open" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from open" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from open" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from open" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from open" -l expand-identities -d 'Search with every identity the subject\'s high matches hold beside hers (her phone on the client row her e-mail found), in every tenant of the case, and with what those find, up to three rounds: for scripts that accept them unseen. Without it they are listed, and searched only once accepted with `case review --accept-identity`'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from open" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from open" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from open" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from open" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from review" -l include -d 'An asset that is the subject\'s although its match is not high, or although the search did not find her there at all (then with --reason) (repeatable)' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from review" -l exclude -d 'An asset whose match is not the subject (repeatable)' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from review" -l reason -d 'Why an --include asset the search did not find is the subject\'s; kept in the case, the access package and the erasure receipt, so it must not name the subject' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from review" -l accept-identity -d 'An identity found along the way that is the subject\'s, as `case show` lists it (KIND:VALUE, e.g. login:jdoe): every tenant of the case searches with it (repeatable)' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from review" -l decline-identity -d 'An identity found along the way that is not the subject\'s: it is no longer proposed (repeatable)' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from review" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from review" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from review" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from review" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from review" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from review" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from review" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from review" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from review" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from review" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from review" -l expand-identities -d 'Accept every identity found along the way, and what searching with them finds, up to three rounds'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from review" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from review" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from review" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from review" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from extend" -l reason -d 'Why more time is needed (the subject must be told within the first month)' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from extend" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from extend" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from extend" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from extend" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from extend" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from extend" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from extend" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from extend" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from extend" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from extend" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from extend" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from extend" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from extend" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from extend" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from list" -s o -l output -d 'How the cases are printed; with none, an empty table ([] in json, the header in csv)' -r -f -a "human\t'For people: aligned columns, or a summary'
json\t'One JSON document (an array for a list)'
jsonl\t'One JSON object per line (per item of a list)'
csv\t'A header, then one row per item'"
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from list" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from list" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from list" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from list" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from list" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from list" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from list" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from list" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from list" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from list" -l open -d 'Only cases not yet closed'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from list" -l overdue -d 'Only open cases past their due date'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from list" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from show" -s o -l output -r -f -a "human\t'For people: aligned columns, or a summary'
json\t'One JSON document (an array for a list)'
jsonl\t'One JSON object per line (per item of a list)'
csv\t'A header, then one row per item'"
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from show" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from show" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from show" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from show" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from show" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from show" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from show" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from show" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from show" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from show" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from show" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from close" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from close" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from close" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from close" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from close" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from close" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from close" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from close" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from close" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from close" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from close" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from close" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from close" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from close" -s h -l help -d 'Print help'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from purge" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from purge" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from purge" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from purge" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from purge" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from purge" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from purge" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from purge" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from purge" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from purge" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from purge" -l yes -d 'Purge without asking (needed without a terminal)'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from purge" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from purge" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from purge" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from purge" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from help" -f -a "open" -d 'Open a case and locate the subject; prints the case id (the case with --output json)'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from help" -f -a "review" -d 'Go through a case\'s matches and decide which are the subject'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from help" -f -a "extend" -d 'Extend the deadline by two months (once, Art. 12(3))'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the tenant\'s cases, or every tenant\'s'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one case'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from help" -f -a "close" -d 'Close a case'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from help" -f -a "purge" -d 'Delete the personal data of closed cases past the tenant\'s records retention'
complete -c dsr -n "__fish_dsr_using_subcommand case; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dsr -n "__fish_dsr_using_subcommand access" -l out -d 'Where to write the package: a folder, or a ZIP when the name ends in .zip [default: access-CASE.zip in the case\'s folder]; with --from, the folder every package goes into as access-CASE.zip. A package is never written over a symbolic link' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand access" -l templates -d 'A folder whose index.html, letter.md or strings.toml replace the built-in templates: LANG/NAME for one language, NAME for every language' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand access" -l lang -d 'The language of the package, its letter and its pages: en (English), nb (Norwegian Bokmål) or de (German) [default: the record of processing\'s `language`, else en]' -r -f -a "en\t''
nb\t''
de\t''"
complete -c dsr -n "__fish_dsr_using_subcommand access" -l from -d 'Do it for every subject of a list (CSV or JSON Lines, as for `dsr locate --from`; \'-\' reads stdin): one case per row, its high matches reviewed in; one result per subject as it is finished' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand access" -s j -l jobs -d 'With --from: how many subjects are worked on at once' -r
complete -c dsr -n "__fish_dsr_using_subcommand access" -s o -l output -d 'How the result is printed: for one case its path (human) or {path, assets, files, receipt, missing, not_searched}; with --from one result per subject, jsonl and csv printing each as soon as it is finished' -r -f -a "human\t'For people: aligned columns, or a summary'
json\t'One JSON document (an array for a list)'
jsonl\t'One JSON object per line (per item of a list)'
csv\t'A header, then one row per item'"
complete -c dsr -n "__fish_dsr_using_subcommand access" -l verified-by -d 'With --from: how the subjects\' identities were checked (Art. 12(6)), for every case' -r
complete -c dsr -n "__fish_dsr_using_subcommand access" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand access" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand access" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand access" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand access" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand access" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand access" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand access" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand access" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand access" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand access" -l accept-unreadable -d 'Answer although assets the last sync could not read were not searched, because a person has checked them by hand: exit 0 instead of 3. The package and the receipt still name them as not searched, the receipt with this acceptance'
complete -c dsr -n "__fish_dsr_using_subcommand access" -l resume -d 'With --from: finish a list that was stopped (Ctrl-C, SIGTERM) without doing any subject twice'
complete -c dsr -n "__fish_dsr_using_subcommand access" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand access" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand access" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand access" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand portability" -l out -d 'The ZIP to write [default: portable-CASE.zip in the case\'s folder]; with --from, the folder every archive goes into as portable-CASE.zip. An archive is never written over a symbolic link' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand portability" -l lang -d 'The language of README.txt: en (English), nb (Norwegian Bokmål) or de (German) [default: the record of processing\'s `language`, else en]' -r -f -a "en\t''
nb\t''
de\t''"
complete -c dsr -n "__fish_dsr_using_subcommand portability" -l from -d 'Do it for every subject of a list (CSV or JSON Lines, as for `dsr locate --from`; \'-\' reads stdin): one case per row, its high matches reviewed in; one result per subject as it is finished' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand portability" -s j -l jobs -d 'With --from: how many subjects are worked on at once' -r
complete -c dsr -n "__fish_dsr_using_subcommand portability" -s o -l output -d 'How the result is printed: for one case its path (human) or {path, assets, files, receipt, missing, not_searched}; with --from one result per subject, jsonl and csv printing each as soon as it is finished' -r -f -a "human\t'For people: aligned columns, or a summary'
json\t'One JSON document (an array for a list)'
jsonl\t'One JSON object per line (per item of a list)'
csv\t'A header, then one row per item'"
complete -c dsr -n "__fish_dsr_using_subcommand portability" -l verified-by -d 'With --from: how the subjects\' identities were checked (Art. 12(6)), for every case' -r
complete -c dsr -n "__fish_dsr_using_subcommand portability" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand portability" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand portability" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand portability" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand portability" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand portability" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand portability" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand portability" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand portability" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand portability" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand portability" -l encrypt -d 'Encrypt every entry with AES-256; the passphrase comes from DSR_ZIP_PASSPHRASE or a hidden prompt'
complete -c dsr -n "__fish_dsr_using_subcommand portability" -l all-originals -d 'Put the original of every reviewed asset in, not only those the subject uploaded'
complete -c dsr -n "__fish_dsr_using_subcommand portability" -l accept-unreadable -d 'Answer although assets the last sync could not read were not searched, because a person has checked them by hand: exit 0 instead of 3. The manifest and the receipt still name them as not searched, the receipt with this acceptance'
complete -c dsr -n "__fish_dsr_using_subcommand portability" -l resume -d 'With --from: finish a list that was stopped (Ctrl-C, SIGTERM) without doing any subject twice'
complete -c dsr -n "__fish_dsr_using_subcommand portability" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand portability" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand portability" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand portability" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand erase" -l from -d 'Erase every subject of a list (CSV or JSON Lines, as for `dsr locate --from`; \'-\' reads stdin): one erasure case per row, its high matches reviewed in, every plan made before one confirmation for the whole list; one result per subject as it is finished. --jobs counts subjects; --resume finishes a list that was stopped. With --group or --all-tenants each subject is one request across every system (its case receipt and each system\'s outcome on the subject\'s line)' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand erase" -l strategy -d 'How assets are erased' -r -f -a "auto\t'Delete assets that show or were uploaded by the subject alone; scrub the rest'
scrub\t'Never delete: remove only the subject\'s values'
delete\t'Delete every reviewed asset not under legal hold'"
complete -c dsr -n "__fish_dsr_using_subcommand erase" -l shown-with-others -d 'An image that shows the subject beside other people cannot be erased by editing its metadata: her face stays. `report` scrubs its metadata and lists it as "image still shows the subject" (the run ends 3); `delete` deletes it; `keep` scrubs it and keeps it, a decision the receipt records with --reason' -r -f -a "report\t'Scrub its metadata and report "image still shows the subject" (the run ends 3)'
delete\t'Delete the image, with the other people in it'
keep\t'Scrub its metadata and keep the image: a decision written in the receipt with --reason'"
complete -c dsr -n "__fish_dsr_using_subcommand erase" -l reason -d 'Why images that show the subject with other people are kept (required with --shown-with-others keep); written in the plan and the receipt' -r
complete -c dsr -n "__fish_dsr_using_subcommand erase" -l account -d 'The subject\'s own user account, where the tenant reads accounts (fotoweb --records users, or a dir tenant\'s .records/users/): `delete` it (what an erasure asks for: a leaver\'s account has no purpose left), or `disable` it and clear its name, e-mail, phone, address and description, renaming a login that is hers, where the account itself must stay' -r -f -a "delete\t'Delete the account'
disable\t'Disable the account and clear its personal fields'"
complete -c dsr -n "__fish_dsr_using_subcommand erase" -l authored-comments -d 'Comments the subject wrote, where the tenant reads comments (fotoweb --records comments, or a dir tenant\'s .records/): `delete` them, or `anonymise` them (author "[former user]", her names taken out of the text). Comments that merely name her are scrubbed like captions' -r -f -a "delete\t'Delete the comment'
anonymise\t'Keep it with "[former user]" as its author and her names taken out'"
complete -c dsr -n "__fish_dsr_using_subcommand erase" -l transfer-to -d 'Hand the albums the subject owns to the account with this login, where the tenant reads albums (fotoweb --records albums, or a dir tenant\'s .records/albums/). Without it her albums are deleted: an album only links assets, which stay in their archives, and a leaver\'s album has no owner left to keep it. A login the tenant does not have, or her own, is refused before anything changes. Shares of albums to her e-mail address are removed either way' -r
complete -c dsr -n "__fish_dsr_using_subcommand erase" -s j -l jobs -d 'How many changes run at once (with --from: how many subjects, each one change at a time)' -r
complete -c dsr -n "__fish_dsr_using_subcommand erase" -s o -l output -d 'How the plan and the outcome are printed; with --from, jsonl and csv print each subject\'s result as soon as it is finished' -r -f -a "human\t'For people: aligned columns, or a summary'
json\t'One JSON document (an array for a list)'
jsonl\t'One JSON object per line (per item of a list)'
csv\t'A header, then one row per item'"
complete -c dsr -n "__fish_dsr_using_subcommand erase" -l verified-by -d 'With --from: how the subjects\' identities were checked (Art. 12(6)), for every case' -r
complete -c dsr -n "__fish_dsr_using_subcommand erase" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand erase" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand erase" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand erase" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand erase" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand erase" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand erase" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand erase" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand erase" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand erase" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand erase" -l dry-run -d 'Print the plan and change nothing'
complete -c dsr -n "__fish_dsr_using_subcommand erase" -s y -l yes -d 'Apply the plan without asking'
complete -c dsr -n "__fish_dsr_using_subcommand erase" -l resume -d 'Finish an interrupted (or partly failed) erasure: the same plan, from its journal, without repeating a finished step; a step whose asset changed since it was planned is planned again from the asset as it now is'
complete -c dsr -n "__fish_dsr_using_subcommand erase" -l replay-tombstones -d 'Look for erased subjects again (after the platform restored a backup and it was synced), open an erasure case for each one found and print its id. Needs the data directory\'s tombstone key, keys/tombstone.key'
complete -c dsr -n "__fish_dsr_using_subcommand erase" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand erase" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand erase" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand erase" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand rectify" -l from -d 'Correct every subject of a list (CSV or JSON Lines, as for `dsr locate --from`; \'-\' reads stdin): one rectification case per row, its high matches reviewed in. A row\'s new_email, new_name, new_phone or new_login replaces its value of that kind; --set applies to every row without one. Every plan is made before one confirmation for the whole list; one result per subject as it is finished' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand rectify" -l replace -d 'The subject\'s value as it stands now: a name, e-mail, phone or login' -r
complete -c dsr -n "__fish_dsr_using_subcommand rectify" -l with -d 'The value to put in its place (of the same kind)' -r
complete -c dsr -n "__fish_dsr_using_subcommand rectify" -l field -d 'Replace only in this field (repeatable or comma-separated) [default: every field]' -r
complete -c dsr -n "__fish_dsr_using_subcommand rectify" -l set -d 'Correct a field, as FIELD=VALUE (repeatable): on each reviewed asset where the field holds the subject\'s value (found by the case\'s identities), that entry is replaced and everyone else\'s kept, in the field\'s shape; an empty VALUE removes it. Assets whose field does not hold the subject\'s value are left alone (see --add)' -r
complete -c dsr -n "__fish_dsr_using_subcommand rectify" -s j -l jobs -d 'How many changes run at once (with --from: at most N requests at once, three subjects in progress per request)' -r
complete -c dsr -n "__fish_dsr_using_subcommand rectify" -s o -l output -d 'How the plan and the outcome are printed' -r -f -a "human\t'For people: aligned columns, or a summary'
json\t'One JSON document (an array for a list)'
jsonl\t'One JSON object per line (per item of a list)'
csv\t'A header, then one row per item'"
complete -c dsr -n "__fish_dsr_using_subcommand rectify" -l verified-by -d 'With --from: how the subjects\' identities were checked (Art. 12(6)), for every case' -r
complete -c dsr -n "__fish_dsr_using_subcommand rectify" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand rectify" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand rectify" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand rectify" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand rectify" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand rectify" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand rectify" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand rectify" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand rectify" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand rectify" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand rectify" -l add -d 'With --set: also add the value to the field on reviewed assets where it holds neither the subject\'s value nor the new one (one more element of a list; an empty field filled; a field holding one value of someone else\'s is left for a person)'
complete -c dsr -n "__fish_dsr_using_subcommand rectify" -l dry-run -d 'Print the plan and change nothing'
complete -c dsr -n "__fish_dsr_using_subcommand rectify" -s y -l yes -d 'Apply the plan without asking'
complete -c dsr -n "__fish_dsr_using_subcommand rectify" -l resume -d 'Finish an interrupted (or partly failed) rectification: the same plan, from its journal, without repeating a finished step (with --from: the whole list); a step whose asset changed since it was planned is planned again from the asset as it now is'
complete -c dsr -n "__fish_dsr_using_subcommand rectify" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand rectify" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand rectify" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand rectify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand restrict" -s j -l jobs -d 'How many changes run at once' -r
complete -c dsr -n "__fish_dsr_using_subcommand restrict" -s o -l output -d 'How the plan and the outcome are printed' -r -f -a "human\t'For people: aligned columns, or a summary'
json\t'One JSON document (an array for a list)'
jsonl\t'One JSON object per line (per item of a list)'
csv\t'A header, then one row per item'"
complete -c dsr -n "__fish_dsr_using_subcommand restrict" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand restrict" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand restrict" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand restrict" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand restrict" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand restrict" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand restrict" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand restrict" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand restrict" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand restrict" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand restrict" -l lift -d 'Take the restriction mark away again (the restriction ends)'
complete -c dsr -n "__fish_dsr_using_subcommand restrict" -l dry-run -d 'Print the plan and change nothing'
complete -c dsr -n "__fish_dsr_using_subcommand restrict" -s y -l yes -d 'Apply the plan without asking'
complete -c dsr -n "__fish_dsr_using_subcommand restrict" -l resume -d 'Finish an interrupted (or partly failed) restriction: the same plan, from its journal, without repeating a finished step'
complete -c dsr -n "__fish_dsr_using_subcommand restrict" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand restrict" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand restrict" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand restrict" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand keys; and not __fish_seen_subcommand_from generate show help" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand keys; and not __fish_seen_subcommand_from generate show help" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand keys; and not __fish_seen_subcommand_from generate show help" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand keys; and not __fish_seen_subcommand_from generate show help" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand keys; and not __fish_seen_subcommand_from generate show help" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand keys; and not __fish_seen_subcommand_from generate show help" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand keys; and not __fish_seen_subcommand_from generate show help" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand keys; and not __fish_seen_subcommand_from generate show help" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand keys; and not __fish_seen_subcommand_from generate show help" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand keys; and not __fish_seen_subcommand_from generate show help" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand keys; and not __fish_seen_subcommand_from generate show help" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand keys; and not __fish_seen_subcommand_from generate show help" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand keys; and not __fish_seen_subcommand_from generate show help" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand keys; and not __fish_seen_subcommand_from generate show help" -s h -l help -d 'Print help'
complete -c dsr -n "__fish_dsr_using_subcommand keys; and not __fish_seen_subcommand_from generate show help" -f -a "generate" -d 'Make an Ed25519 signing key in OpenSSH format, and its .pub beside it'
complete -c dsr -n "__fish_dsr_using_subcommand keys; and not __fish_seen_subcommand_from generate show help" -f -a "show" -d 'Print every key that signed receipts, as an allowed_signers file for ssh-keygen'
complete -c dsr -n "__fish_dsr_using_subcommand keys; and not __fish_seen_subcommand_from generate show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from generate" -l out -d 'Where to write the private key [default: the file --key names, else keys/dsr_ed25519 in the data directory]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from generate" -l comment -d 'The key\'s comment: who holds it (such as dpo@example.com)' -r
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from generate" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from generate" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from generate" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from generate" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from generate" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from generate" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from generate" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from generate" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from generate" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from generate" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from generate" -l force -d 'Replace a key that exists already (it stays in the key\'s history, trusted for the receipts it signed until now)'
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from generate" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from generate" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from generate" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from generate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from show" -l identity -d 'Another principal for the allowed_signers lines, for a file shared with other signers (verifiers then pass it to ssh-keygen -I) [default: dsr]' -r
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from show" -s o -l output -r -f -a "human\t'For people: aligned columns, or a summary'
json\t'One JSON document (an array for a list)'
jsonl\t'One JSON object per line (per item of a list)'
csv\t'A header, then one row per item'"
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from show" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from show" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from show" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from show" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from show" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from show" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from show" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from show" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from show" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from show" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from show" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "generate" -d 'Make an Ed25519 signing key in OpenSSH format, and its .pub beside it'
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print every key that signed receipts, as an allowed_signers file for ssh-keygen'
complete -c dsr -n "__fish_dsr_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and not __fish_seen_subcommand_from verify show help" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and not __fish_seen_subcommand_from verify show help" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and not __fish_seen_subcommand_from verify show help" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and not __fish_seen_subcommand_from verify show help" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and not __fish_seen_subcommand_from verify show help" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and not __fish_seen_subcommand_from verify show help" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and not __fish_seen_subcommand_from verify show help" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and not __fish_seen_subcommand_from verify show help" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and not __fish_seen_subcommand_from verify show help" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and not __fish_seen_subcommand_from verify show help" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and not __fish_seen_subcommand_from verify show help" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and not __fish_seen_subcommand_from verify show help" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and not __fish_seen_subcommand_from verify show help" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and not __fish_seen_subcommand_from verify show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and not __fish_seen_subcommand_from verify show help" -f -a "verify" -d 'Check receipts: signature, canonical form and, with --ledger, the tenant\'s chain'
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and not __fish_seen_subcommand_from verify show help" -f -a "show" -d 'Print what a receipt says, for people (it is not verified: use verify)'
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and not __fish_seen_subcommand_from verify show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from verify" -l allowed-signers -d 'Trust the keys of this OpenSSH allowed_signers file instead of the configured key (and its history); a key\'s valid-after and valid-before are checked against the receipt\'s finished_at' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from verify" -s o -l output -r -f -a "human\t'For people: aligned columns, or a summary'
json\t'One JSON document (an array for a list)'
jsonl\t'One JSON object per line (per item of a list)'
csv\t'A header, then one row per item'"
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from verify" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from verify" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from verify" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from verify" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from verify" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from verify" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from verify" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from verify" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from verify" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from verify" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from verify" -l ledger -d 'Check the tenant\'s whole chain of receipts as well'
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from verify" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from show" -s o -l output -d 'table prints a summary; json prints the receipt' -r -f -a "human\t'For people: aligned columns, or a summary'
json\t'One JSON document (an array for a list)'
jsonl\t'One JSON object per line (per item of a list)'
csv\t'A header, then one row per item'"
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from show" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from show" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from show" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from show" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from show" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from show" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from show" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from show" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from show" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from show" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from show" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Check receipts: signature, canonical form and, with --ledger, the tenant\'s chain'
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print what a receipt says, for people (it is not verified: use verify)'
complete -c dsr -n "__fish_dsr_using_subcommand receipt; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dsr -n "__fish_dsr_using_subcommand audit" -l since -d 'Only entries from this day (YYYY-MM-DD, UTC) or moment (RFC 3339) on' -r
complete -c dsr -n "__fish_dsr_using_subcommand audit" -l expect-head -d 'With --verify: the audit head an operation printed ("Audit head HASH"); fails when that entry is no longer in the log, so that cutting the newest entries shows' -r
complete -c dsr -n "__fish_dsr_using_subcommand audit" -s o -l output -r -f -a "human\t'For people: aligned columns, or a summary'
json\t'One JSON document (an array for a list)'
jsonl\t'One JSON object per line (per item of a list)'
csv\t'A header, then one row per item'"
complete -c dsr -n "__fish_dsr_using_subcommand audit" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand audit" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand audit" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand audit" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand audit" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand audit" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand audit" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand audit" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand audit" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand audit" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand audit" -l verify -d 'Check the whole log\'s hash chain instead of listing it, and that it and every tenant\'s ledger anchor each other (each receipt in the log, each logged receipt in its ledger, each receipt file in its ledger); exits 3 when something is broken or cut, naming it'
complete -c dsr -n "__fish_dsr_using_subcommand audit" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand audit" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand audit" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand audit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dsr -n "__fish_dsr_using_subcommand demo" -l tenant -d 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand demo" -l group -d 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`' -r
complete -c dsr -n "__fish_dsr_using_subcommand demo" -l data-dir -d 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand demo" -l config -d 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand demo" -l client-secret-file -d 'A file holding the FotoWeb client secret, or the database user\'s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile\'s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand demo" -l timeout -d 'How long one request to the tenant\'s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile\'s timeout, or 300] [env: DSR_TIMEOUT]' -r
complete -c dsr -n "__fish_dsr_using_subcommand demo" -l color -d 'When to colour the output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dsr -n "__fish_dsr_using_subcommand demo" -l operator -d 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant\'s operator, or the login name] [env: DSR_OPERATOR]' -r
complete -c dsr -n "__fish_dsr_using_subcommand demo" -l purpose -d 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant\'s purpose] [env: DSR_PURPOSE]' -r
complete -c dsr -n "__fish_dsr_using_subcommand demo" -l key -d 'The Ed25519 key that signs receipts [default: the tenant\'s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]' -r -F
complete -c dsr -n "__fish_dsr_using_subcommand demo" -l keep -d 'Keep the temporary folders and print where they are'
complete -c dsr -n "__fish_dsr_using_subcommand demo" -l all-tenants -d 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
complete -c dsr -n "__fish_dsr_using_subcommand demo" -s q -l quiet -d 'Print nothing but data and errors: no progress, no summaries'
complete -c dsr -n "__fish_dsr_using_subcommand demo" -s v -l verbose -d 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
complete -c dsr -n "__fish_dsr_using_subcommand demo" -s h -l help -d 'Print help'
complete -c dsr -n "__fish_dsr_using_subcommand help; and not __fish_seen_subcommand_from tenant sync locate case access portability erase rectify restrict keys receipt audit demo help" -f -a "tenant" -d 'Register, list, show and remove tenants'
complete -c dsr -n "__fish_dsr_using_subcommand help; and not __fish_seen_subcommand_from tenant sync locate case access portability erase rectify restrict keys receipt audit demo help" -f -a "sync" -d 'Index the tenant\'s metadata so people can be located'
complete -c dsr -n "__fish_dsr_using_subcommand help; and not __fish_seen_subcommand_from tenant sync locate case access portability erase rectify restrict keys receipt audit demo help" -f -a "locate" -d 'Find every asset that holds a person\'s data, with an explanation for each hit'
complete -c dsr -n "__fish_dsr_using_subcommand help; and not __fish_seen_subcommand_from tenant sync locate case access portability erase rectify restrict keys receipt audit demo help" -f -a "case" -d 'Open, review, extend, list and close data-subject requests'
complete -c dsr -n "__fish_dsr_using_subcommand help; and not __fish_seen_subcommand_from tenant sync locate case access portability erase rectify restrict keys receipt audit demo help" -f -a "access" -d 'Write the Art. 15 access package of a case'
complete -c dsr -n "__fish_dsr_using_subcommand help; and not __fish_seen_subcommand_from tenant sync locate case access portability erase rectify restrict keys receipt audit demo help" -f -a "portability" -d 'Write the Art. 20 portable ZIP of a case'
complete -c dsr -n "__fish_dsr_using_subcommand help; and not __fish_seen_subcommand_from tenant sync locate case access portability erase rectify restrict keys receipt audit demo help" -f -a "erase" -d 'Erase a subject\'s data (Art. 17): plan, confirm, apply under a journal, verify'
complete -c dsr -n "__fish_dsr_using_subcommand help; and not __fish_seen_subcommand_from tenant sync locate case access portability erase rectify restrict keys receipt audit demo help" -f -a "rectify" -d 'Correct a subject\'s data (Art. 16): plan, confirm, apply under a journal, verify'
complete -c dsr -n "__fish_dsr_using_subcommand help; and not __fish_seen_subcommand_from tenant sync locate case access portability erase rectify restrict keys receipt audit demo help" -f -a "restrict" -d 'Restrict the processing of a subject\'s data (Art. 18), or lift the restriction'
complete -c dsr -n "__fish_dsr_using_subcommand help; and not __fish_seen_subcommand_from tenant sync locate case access portability erase rectify restrict keys receipt audit demo help" -f -a "keys" -d 'Make the key that signs receipts, and show every key that signed them'
complete -c dsr -n "__fish_dsr_using_subcommand help; and not __fish_seen_subcommand_from tenant sync locate case access portability erase rectify restrict keys receipt audit demo help" -f -a "receipt" -d 'Check receipts (signed proof of what an operation did) and show what they say'
complete -c dsr -n "__fish_dsr_using_subcommand help; and not __fish_seen_subcommand_from tenant sync locate case access portability erase rectify restrict keys receipt audit demo help" -f -a "audit" -d 'List the audit log of every command that read personal data, and check its chain'
complete -c dsr -n "__fish_dsr_using_subcommand help; and not __fish_seen_subcommand_from tenant sync locate case access portability erase rectify restrict keys receipt audit demo help" -f -a "demo" -d 'Run dsr on a bundled sample tenant, in temporary folders, and show what it finds'
complete -c dsr -n "__fish_dsr_using_subcommand help; and not __fish_seen_subcommand_from tenant sync locate case access portability erase rectify restrict keys receipt audit demo help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dsr -n "__fish_dsr_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "add" -d 'Register a tenant'
complete -c dsr -n "__fish_dsr_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "list" -d 'List the registered tenants'
complete -c dsr -n "__fish_dsr_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "show" -d 'Show one tenant\'s profile and index status'
complete -c dsr -n "__fish_dsr_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "edit" -d 'Change a registered tenant\'s profile'
complete -c dsr -n "__fish_dsr_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "remove" -d 'Forget a tenant and delete its local index; its records are kept'
complete -c dsr -n "__fish_dsr_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "check" -d 'Check that the tenant can be reached and what the credentials may do'
complete -c dsr -n "__fish_dsr_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "ropa" -d 'Show the tenant\'s record of processing, or write a template to fill in (--init)'
complete -c dsr -n "__fish_dsr_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "group" -d 'Name groups of tenants: the systems one request must reach'
complete -c dsr -n "__fish_dsr_using_subcommand help; and __fish_seen_subcommand_from case" -f -a "open" -d 'Open a case and locate the subject; prints the case id (the case with --output json)'
complete -c dsr -n "__fish_dsr_using_subcommand help; and __fish_seen_subcommand_from case" -f -a "review" -d 'Go through a case\'s matches and decide which are the subject'
complete -c dsr -n "__fish_dsr_using_subcommand help; and __fish_seen_subcommand_from case" -f -a "extend" -d 'Extend the deadline by two months (once, Art. 12(3))'
complete -c dsr -n "__fish_dsr_using_subcommand help; and __fish_seen_subcommand_from case" -f -a "list" -d 'List the tenant\'s cases, or every tenant\'s'
complete -c dsr -n "__fish_dsr_using_subcommand help; and __fish_seen_subcommand_from case" -f -a "show" -d 'Show one case'
complete -c dsr -n "__fish_dsr_using_subcommand help; and __fish_seen_subcommand_from case" -f -a "close" -d 'Close a case'
complete -c dsr -n "__fish_dsr_using_subcommand help; and __fish_seen_subcommand_from case" -f -a "purge" -d 'Delete the personal data of closed cases past the tenant\'s records retention'
complete -c dsr -n "__fish_dsr_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "generate" -d 'Make an Ed25519 signing key in OpenSSH format, and its .pub beside it'
complete -c dsr -n "__fish_dsr_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "show" -d 'Print every key that signed receipts, as an allowed_signers file for ssh-keygen'
complete -c dsr -n "__fish_dsr_using_subcommand help; and __fish_seen_subcommand_from receipt" -f -a "verify" -d 'Check receipts: signature, canonical form and, with --ledger, the tenant\'s chain'
complete -c dsr -n "__fish_dsr_using_subcommand help; and __fish_seen_subcommand_from receipt" -f -a "show" -d 'Print what a receipt says, for people (it is not verified: use verify)'
