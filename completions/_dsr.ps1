
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
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('tenant', 'tenant', [CompletionResultType]::ParameterValue, 'Register, list, show and remove tenants')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Index the tenant''s metadata so people can be located')
            [CompletionResult]::new('locate', 'locate', [CompletionResultType]::ParameterValue, 'Find every asset that holds a person''s data, with an explanation for each hit')
            [CompletionResult]::new('case', 'case', [CompletionResultType]::ParameterValue, 'Open, review, extend, list and close data-subject requests')
            [CompletionResult]::new('access', 'access', [CompletionResultType]::ParameterValue, 'Write the Art. 15 access package of a case')
            [CompletionResult]::new('portability', 'portability', [CompletionResultType]::ParameterValue, 'Write the Art. 20 portable ZIP of a case')
            [CompletionResult]::new('erase', 'erase', [CompletionResultType]::ParameterValue, 'Erase a subject''s data (Art. 17): plan, confirm, apply under a journal, verify')
            [CompletionResult]::new('rectify', 'rectify', [CompletionResultType]::ParameterValue, 'Correct a subject''s data (Art. 16): plan, confirm, apply under a journal, verify')
            [CompletionResult]::new('restrict', 'restrict', [CompletionResultType]::ParameterValue, 'Restrict the processing of a subject''s data (Art. 18), or lift the restriction')
            [CompletionResult]::new('keys', 'keys', [CompletionResultType]::ParameterValue, 'Make the key that signs receipts, and show every key that signed them')
            [CompletionResult]::new('receipt', 'receipt', [CompletionResultType]::ParameterValue, 'Check receipts (signed proof of what an operation did) and show what they say')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'List the audit log of every command that read personal data, and check its chain')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Run dsr on a bundled sample tenant, in temporary folders, and show what it finds')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dsr;tenant' {
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Register a tenant')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the registered tenants')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one tenant''s profile and index status')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a registered tenant''s profile')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Forget a tenant and delete its local index; its records are kept')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check that the tenant can be reached and what the credentials may do')
            [CompletionResult]::new('ropa', 'ropa', [CompletionResultType]::ParameterValue, 'Show the tenant''s record of processing, or write a template to fill in (--init)')
            [CompletionResult]::new('group', 'group', [CompletionResultType]::ParameterValue, 'Name groups of tenants: the systems one request must reach')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dsr;tenant;add' {
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Where the tenant lives')
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'The tenant folder (dir)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The FotoWeb server''s URL, https unless on loopback (fotoweb); or the store''s: file:///path, s3://bucket/prefix or az://container/prefix (objects); or the database''s (sql): sqlite:///path/db.sqlite, postgres://USER@HOST:PORT/DB or mysql://USER@HOST:PORT/DB (mariadb:// too). A database URL holds no password (it comes from DSR_DB_PASSWORD, --client-secret-file or a prompt) and needs ?sslmode=require unless the server is on loopback or a Unix socket')
            [CompletionResult]::new('--dataset', '--dataset', [CompletionResultType]::ParameterName, 'The dataset file describing the database (sql): a TOML file naming, per table, its key, an optional change column, the personal columns and their roles (email, phone, login, person, text), and what erasure does to a row (delete, scrub with a mask per column: null, a fixed text, a marker, a salted hash, or an e-mail address or phone number that keeps its form; or keep with a legal reason). It is read and checked against the database now, each mask against its column''s type, length, NOT NULL, unique indexes and CHECK constraints; the profile records its roles, the tables erasure deletes and those it keeps. A table of another schema (on MariaDB/MySQL: another database of the server) is named with it, billing.invoices; a schema the database lacks is refused. See docs/sql.md')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'Limit every query to one customer of a multi-tenant database (sql), as COLUMN=VALUE: the column must be on every table of the dataset. Rows of other customers are never read, exported, changed or erased')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server to talk to instead of the cloud''s own (objects): an S3-compatible provider such as MinIO, Hetzner or DigitalOcean, or an emulator; https unless on loopback. Credentials are read from the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, or the profile AWS_PROFILE names in ~/.aws/credentials; AZURE_STORAGE_ACCOUNT_NAME, AZURE_STORAGE_ACCOUNT_KEY), never from the profile')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'The OAuth2 client id (fotoweb); the secret is never stored in the profile')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'Records to read, search and erase beside the assets (fotoweb), comma-separated: user accounts, comments on assets, albums and their shares, orders, assets'' consent statuses (read with the assets, no request of their own). Each sync then reads every user, the comments of every asset (one request per asset), the sharing of every album (one request per album) and the site''s order history')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'How to authenticate (fotoweb): OAuth2 client credentials, or the legacy FWAPIToken header of on-premises servers (the API key is then given as the secret)')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the client secret, read whenever a token is needed (fotoweb), or the database user''s password, read when the server asks for one (sql)')
            [CompletionResult]::new('--default-region', '--default-region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, as a two-letter country code (e.g. NO, DE)')
            [CompletionResult]::new('--person-field', '--person-field', [CompletionResultType]::ParameterName, 'Another field holding people''s names (repeatable or comma-separated)')
            [CompletionResult]::new('--email-field', '--email-field', [CompletionResultType]::ParameterName, 'Another field holding e-mail addresses')
            [CompletionResult]::new('--phone-field', '--phone-field', [CompletionResultType]::ParameterName, 'Another field holding phone numbers')
            [CompletionResult]::new('--login-field', '--login-field', [CompletionResultType]::ParameterName, 'Another field holding platform logins')
            [CompletionResult]::new('--text-field', '--text-field', [CompletionResultType]::ParameterName, 'A field to read as free text even where FotoWeb gives it another role')
            [CompletionResult]::new('--shown-field', '--shown-field', [CompletionResultType]::ParameterName, 'Another field naming the people shown in the image, like 368 (erasure deletes an asset that shows the subject alone)')
            [CompletionResult]::new('--legal-hold-archive', '--legal-hold-archive', [CompletionResultType]::ParameterName, 'An archive under legal hold: erasure withholds its assets (repeatable)')
            [CompletionResult]::new('--legal-hold', '--legal-hold', [CompletionResultType]::ParameterName, 'A field value that puts an asset under legal hold, as FIELD=VALUE (repeatable)')
            [CompletionResult]::new('--signing-key', '--signing-key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs this tenant''s receipts [default: the data directory''s]')
            [CompletionResult]::new('--default-operator', '--default-operator', [CompletionResultType]::ParameterName, 'Who works on this tenant when --operator is not given (audit log, receipts)')
            [CompletionResult]::new('--default-purpose', '--default-purpose', [CompletionResultType]::ParameterName, 'Why this tenant''s personal data is read when --purpose is not given: a contract or ticket reference, never a person''s name')
            [CompletionResult]::new('--records-retention', '--records-retention', [CompletionResultType]::ParameterName, 'How long the records of a closed case are kept before `dsr case purge` may delete its personal data: years, months, weeks or days, such as 5y, 18m or 1y6m [default: none, and no case is purged]')
            [CompletionResult]::new('--restriction-field', '--restriction-field', [CompletionResultType]::ParameterName, 'The field `dsr restrict` marks a subject''s assets in (Art. 18), such as a status or keyword field the platform''s users see [default: none, and restriction is refused]')
            [CompletionResult]::new('--restriction-value', '--restriction-value', [CompletionResultType]::ParameterName, 'The value `dsr restrict` puts into --restriction-field [default: restricted]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
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
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dsr;tenant;show' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dsr;tenant;edit' {
            [CompletionResult]::new('--records-retention', '--records-retention', [CompletionResultType]::ParameterName, 'How long the records of a closed case are kept before `dsr case purge` may delete its personal data: years, months, weeks or days, such as 5y, 18m or 1y6m')
            [CompletionResult]::new('--restriction-field', '--restriction-field', [CompletionResultType]::ParameterName, 'The field `dsr restrict` marks a subject''s assets in (Art. 18)')
            [CompletionResult]::new('--restriction-value', '--restriction-value', [CompletionResultType]::ParameterName, 'The value `dsr restrict` puts into --restriction-field [default: restricted]')
            [CompletionResult]::new('--ropa', '--ropa', [CompletionResultType]::ParameterName, 'The record of processing the tenant''s access packages draw on, when several systems share one: `dsr tenant ropa RECORD` (ropa/RECORD.toml) [default: the tenant''s own]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dsr;tenant;remove' {
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--keep-index', '--keep-index', [CompletionResultType]::ParameterName, 'Keep the local index instead of deleting it')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dsr;tenant;check' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dsr;tenant;ropa' {
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--init', '--init', [CompletionResultType]::ParameterName, 'Write a commented template to fill in')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dsr;tenant;group' {
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Make a group of tenants, or add tenants to one; each must be registered')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the groups and their tenants')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a group, or only the tenants named from it; the tenants themselves stay')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dsr;tenant;group;add' {
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dsr;tenant;group;list' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dsr;tenant;group;remove' {
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dsr;tenant;group;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Make a group of tenants, or add tenants to one; each must be registered')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the groups and their tenants')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a group, or only the tenants named from it; the tenants themselves stay')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dsr;tenant;group;help;add' {
            break
        }
        'dsr;tenant;group;help;list' {
            break
        }
        'dsr;tenant;group;help;remove' {
            break
        }
        'dsr;tenant;group;help;help' {
            break
        }
        'dsr;tenant;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Register a tenant')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the registered tenants')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one tenant''s profile and index status')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a registered tenant''s profile')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Forget a tenant and delete its local index; its records are kept')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check that the tenant can be reached and what the credentials may do')
            [CompletionResult]::new('ropa', 'ropa', [CompletionResultType]::ParameterValue, 'Show the tenant''s record of processing, or write a template to fill in (--init)')
            [CompletionResult]::new('group', 'group', [CompletionResultType]::ParameterValue, 'Name groups of tenants: the systems one request must reach')
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
        'dsr;tenant;help;edit' {
            break
        }
        'dsr;tenant;help;remove' {
            break
        }
        'dsr;tenant;help;check' {
            break
        }
        'dsr;tenant;help;ropa' {
            break
        }
        'dsr;tenant;help;group' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Make a group of tenants, or add tenants to one; each must be registered')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the groups and their tenants')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a group, or only the tenants named from it; the tenants themselves stay')
            break
        }
        'dsr;tenant;help;group;add' {
            break
        }
        'dsr;tenant;help;group;list' {
            break
        }
        'dsr;tenant;help;group;remove' {
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
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--full', '--full', [CompletionResultType]::ParameterName, 'Rebuild the index from scratch')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dsr;locate' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Locate every subject of a list: CSV with a header (email, name, phone, login, reference, received; repeated columns or '';'' for several values) or JSON Lines with the same keys; ''-'' reads stdin. One result per subject; a bad row is reported with its row number and the others go on')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'An e-mail address (exact, case-insensitive)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A person''s name: not initials alone, at most 200 characters')
            [CompletionResult]::new('--phone', '--phone', [CompletionResultType]::ParameterName, 'A phone number; national numbers are read in the tenant''s default region')
            [CompletionResult]::new('--login', '--login', [CompletionResultType]::ParameterName, 'A platform login (exact)')
            [CompletionResult]::new('--text', '--text', [CompletionResultType]::ParameterName, 'A phrase of free text')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('--min-confidence', '--min-confidence', [CompletionResultType]::ParameterName, 'Leave out matches below this confidence')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Show why each match was made, and name the assets that could not be searched')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dsr;case' {
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'Open a case and locate the subject; prints the case id (the case with --output json)')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'Go through a case''s matches and decide which are the subject')
            [CompletionResult]::new('extend', 'extend', [CompletionResultType]::ParameterValue, 'Extend the deadline by two months (once, Art. 12(3))')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the tenant''s cases, or every tenant''s')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one case')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close a case')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Delete the personal data of closed cases past the tenant''s records retention')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dsr;case;open' {
            [CompletionResult]::new('--right', '--right', [CompletionResultType]::ParameterName, 'The right the subject exercises')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Open one case per subject of a list (CSV or JSON Lines, as for `dsr locate --from`; ''-'' reads stdin); prints one case id per line, or one object per subject with --output jsonl')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'How the case is printed: its id (human) or the case as `case show` prints it; with --from the ids, or one object per subject')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How the case is printed: its id (human) or the case as `case show` prints it; with --from the ids, or one object per subject')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'The subject''s e-mail address (repeatable)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The subject''s name (repeatable): not initials alone, at most 200 characters')
            [CompletionResult]::new('--phone', '--phone', [CompletionResultType]::ParameterName, 'The subject''s phone number (repeatable)')
            [CompletionResult]::new('--login', '--login', [CompletionResultType]::ParameterName, 'The subject''s platform login (repeatable)')
            [CompletionResult]::new('--received', '--received', [CompletionResultType]::ParameterName, 'When the request was received, YYYY-MM-DD [default: today]')
            [CompletionResult]::new('--reference', '--reference', [CompletionResultType]::ParameterName, 'The requester''s or your own reference')
            [CompletionResult]::new('--verified-by', '--verified-by', [CompletionResultType]::ParameterName, 'How the subject''s identity was checked (Art. 12(6))')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--expand-identities', '--expand-identities', [CompletionResultType]::ParameterName, 'Search with every identity the subject''s high matches hold beside hers (her phone on the client row her e-mail found), in every tenant of the case, and with what those find, up to three rounds: for scripts that accept them unseen. Without it they are listed, and searched only once accepted with `case review --accept-identity`')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dsr;case;review' {
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'An asset that is the subject''s although its match is not high, or although the search did not find her there at all (then with --reason) (repeatable)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'An asset whose match is not the subject (repeatable)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why an --include asset the search did not find is the subject''s; kept in the case, the access package and the erasure receipt, so it must not name the subject')
            [CompletionResult]::new('--accept-identity', '--accept-identity', [CompletionResultType]::ParameterName, 'An identity found along the way that is the subject''s, as `case show` lists it (KIND:VALUE, e.g. login:jdoe): every tenant of the case searches with it (repeatable)')
            [CompletionResult]::new('--decline-identity', '--decline-identity', [CompletionResultType]::ParameterName, 'An identity found along the way that is not the subject''s: it is no longer proposed (repeatable)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--expand-identities', '--expand-identities', [CompletionResultType]::ParameterName, 'Accept every identity found along the way, and what searching with them finds, up to three rounds')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dsr;case;extend' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why more time is needed (the subject must be told within the first month)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dsr;case;list' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'How the cases are printed; with none, an empty table ([] in json, the header in csv)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How the cases are printed; with none, an empty table ([] in json, the header in csv)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--open', '--open', [CompletionResultType]::ParameterName, 'Only cases not yet closed')
            [CompletionResult]::new('--overdue', '--overdue', [CompletionResultType]::ParameterName, 'Only open cases past their due date')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dsr;case;show' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dsr;case;close' {
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dsr;case;purge' {
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Purge without asking (needed without a terminal)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dsr;case;help' {
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'Open a case and locate the subject; prints the case id (the case with --output json)')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'Go through a case''s matches and decide which are the subject')
            [CompletionResult]::new('extend', 'extend', [CompletionResultType]::ParameterValue, 'Extend the deadline by two months (once, Art. 12(3))')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the tenant''s cases, or every tenant''s')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one case')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close a case')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Delete the personal data of closed cases past the tenant''s records retention')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dsr;case;help;open' {
            break
        }
        'dsr;case;help;review' {
            break
        }
        'dsr;case;help;extend' {
            break
        }
        'dsr;case;help;list' {
            break
        }
        'dsr;case;help;show' {
            break
        }
        'dsr;case;help;close' {
            break
        }
        'dsr;case;help;purge' {
            break
        }
        'dsr;case;help;help' {
            break
        }
        'dsr;access' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Where to write the package: a folder, or a ZIP when the name ends in .zip [default: access-CASE.zip in the case''s folder]; with --from, the folder every package goes into as access-CASE.zip. A package is never written over a symbolic link')
            [CompletionResult]::new('--templates', '--templates', [CompletionResultType]::ParameterName, 'A folder whose index.html, letter.md or strings.toml replace the built-in templates: LANG/NAME for one language, NAME for every language')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language of the package, its letter and its pages: en (English), nb (Norwegian Bokmål) or de (German) [default: the record of processing''s `language`, else en]')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Do it for every subject of a list (CSV or JSON Lines, as for `dsr locate --from`; ''-'' reads stdin): one case per row, its high matches reviewed in; one result per subject as it is finished')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'With --from: how many subjects are worked on at once')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'With --from: how many subjects are worked on at once')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'How the result is printed: for one case its path (human) or {path, assets, files, receipt, missing, not_searched}; with --from one result per subject, jsonl and csv printing each as soon as it is finished')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How the result is printed: for one case its path (human) or {path, assets, files, receipt, missing, not_searched}; with --from one result per subject, jsonl and csv printing each as soon as it is finished')
            [CompletionResult]::new('--verified-by', '--verified-by', [CompletionResultType]::ParameterName, 'With --from: how the subjects'' identities were checked (Art. 12(6)), for every case')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--accept-unreadable', '--accept-unreadable', [CompletionResultType]::ParameterName, 'Answer although assets the last sync could not read were not searched, because a person has checked them by hand: exit 0 instead of 3. The package and the receipt still name them as not searched, the receipt with this acceptance')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'With --from: finish a list that was stopped (Ctrl-C, SIGTERM) without doing any subject twice')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dsr;portability' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'The ZIP to write [default: portable-CASE.zip in the case''s folder]; with --from, the folder every archive goes into as portable-CASE.zip. An archive is never written over a symbolic link')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language of README.txt: en (English), nb (Norwegian Bokmål) or de (German) [default: the record of processing''s `language`, else en]')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Do it for every subject of a list (CSV or JSON Lines, as for `dsr locate --from`; ''-'' reads stdin): one case per row, its high matches reviewed in; one result per subject as it is finished')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'With --from: how many subjects are worked on at once')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'With --from: how many subjects are worked on at once')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'How the result is printed: for one case its path (human) or {path, assets, files, receipt, missing, not_searched}; with --from one result per subject, jsonl and csv printing each as soon as it is finished')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How the result is printed: for one case its path (human) or {path, assets, files, receipt, missing, not_searched}; with --from one result per subject, jsonl and csv printing each as soon as it is finished')
            [CompletionResult]::new('--verified-by', '--verified-by', [CompletionResultType]::ParameterName, 'With --from: how the subjects'' identities were checked (Art. 12(6)), for every case')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--encrypt', '--encrypt', [CompletionResultType]::ParameterName, 'Encrypt every entry with AES-256; the passphrase comes from DSR_ZIP_PASSPHRASE or a hidden prompt')
            [CompletionResult]::new('--all-originals', '--all-originals', [CompletionResultType]::ParameterName, 'Put the original of every reviewed asset in, not only those the subject uploaded')
            [CompletionResult]::new('--accept-unreadable', '--accept-unreadable', [CompletionResultType]::ParameterName, 'Answer although assets the last sync could not read were not searched, because a person has checked them by hand: exit 0 instead of 3. The manifest and the receipt still name them as not searched, the receipt with this acceptance')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'With --from: finish a list that was stopped (Ctrl-C, SIGTERM) without doing any subject twice')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dsr;erase' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Erase every subject of a list (CSV or JSON Lines, as for `dsr locate --from`; ''-'' reads stdin): one erasure case per row, its high matches reviewed in, every plan made before one confirmation for the whole list; one result per subject as it is finished. --jobs counts subjects; --resume finishes a list that was stopped. With --group or --all-tenants each subject is one request across every system (its case receipt and each system''s outcome on the subject''s line)')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'How assets are erased')
            [CompletionResult]::new('--shown-with-others', '--shown-with-others', [CompletionResultType]::ParameterName, 'An image that shows the subject beside other people cannot be erased by editing its metadata: her face stays. `report` scrubs its metadata and lists it as "image still shows the subject" (the run ends 3); `delete` deletes it; `keep` scrubs it and keeps it, a decision the receipt records with --reason')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why images that show the subject with other people are kept (required with --shown-with-others keep); written in the plan and the receipt')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'The subject''s own user account, where the tenant reads accounts (fotoweb --records users, or a dir tenant''s .records/users/): `delete` it (what an erasure asks for: a leaver''s account has no purpose left), or `disable` it and clear its name, e-mail, phone, address and description, renaming a login that is hers, where the account itself must stay')
            [CompletionResult]::new('--authored-comments', '--authored-comments', [CompletionResultType]::ParameterName, 'Comments the subject wrote, where the tenant reads comments (fotoweb --records comments, or a dir tenant''s .records/): `delete` them, or `anonymise` them (author "[former user]", her names taken out of the text). Comments that merely name her are scrubbed like captions')
            [CompletionResult]::new('--transfer-to', '--transfer-to', [CompletionResultType]::ParameterName, 'Hand the albums the subject owns to the account with this login, where the tenant reads albums (fotoweb --records albums, or a dir tenant''s .records/albums/). Without it her albums are deleted: an album only links assets, which stay in their archives, and a leaver''s album has no owner left to keep it. A login the tenant does not have, or her own, is refused before anything changes. Shares of albums to her e-mail address are removed either way')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'How many changes run at once (with --from: how many subjects, each one change at a time)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'How many changes run at once (with --from: how many subjects, each one change at a time)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'How the plan and the outcome are printed; with --from, jsonl and csv print each subject''s result as soon as it is finished')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How the plan and the outcome are printed; with --from, jsonl and csv print each subject''s result as soon as it is finished')
            [CompletionResult]::new('--verified-by', '--verified-by', [CompletionResultType]::ParameterName, 'With --from: how the subjects'' identities were checked (Art. 12(6)), for every case')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply the plan without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply the plan without asking')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'Finish an interrupted (or partly failed) erasure: the same plan, from its journal, without repeating a finished step; a step whose asset changed since it was planned is planned again from the asset as it now is')
            [CompletionResult]::new('--replay-tombstones', '--replay-tombstones', [CompletionResultType]::ParameterName, 'Look for erased subjects again (after the platform restored a backup and it was synced), open an erasure case for each one found and print its id. Needs the data directory''s tombstone key, keys/tombstone.key')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dsr;rectify' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Correct every subject of a list (CSV or JSON Lines, as for `dsr locate --from`; ''-'' reads stdin): one rectification case per row, its high matches reviewed in. A row''s new_email, new_name, new_phone or new_login replaces its value of that kind; --set applies to every row without one. Every plan is made before one confirmation for the whole list; one result per subject as it is finished')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'The subject''s value as it stands now: a name, e-mail, phone or login')
            [CompletionResult]::new('--with', '--with', [CompletionResultType]::ParameterName, 'The value to put in its place (of the same kind)')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Replace only in this field (repeatable or comma-separated) [default: every field]')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Correct a field, as FIELD=VALUE (repeatable): on each reviewed asset where the field holds the subject''s value (found by the case''s identities), that entry is replaced and everyone else''s kept, in the field''s shape; an empty VALUE removes it. Assets whose field does not hold the subject''s value are left alone (see --add)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'How many changes run at once (with --from: at most N requests at once, three subjects in progress per request)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'How many changes run at once (with --from: at most N requests at once, three subjects in progress per request)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'How the plan and the outcome are printed')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How the plan and the outcome are printed')
            [CompletionResult]::new('--verified-by', '--verified-by', [CompletionResultType]::ParameterName, 'With --from: how the subjects'' identities were checked (Art. 12(6)), for every case')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--add', '--add', [CompletionResultType]::ParameterName, 'With --set: also add the value to the field on reviewed assets where it holds neither the subject''s value nor the new one (one more element of a list; an empty field filled; a field holding one value of someone else''s is left for a person)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply the plan without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply the plan without asking')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'Finish an interrupted (or partly failed) rectification: the same plan, from its journal, without repeating a finished step (with --from: the whole list); a step whose asset changed since it was planned is planned again from the asset as it now is')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dsr;restrict' {
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'How many changes run at once')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'How many changes run at once')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'How the plan and the outcome are printed')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How the plan and the outcome are printed')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--lift', '--lift', [CompletionResultType]::ParameterName, 'Take the restriction mark away again (the restriction ends)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply the plan without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply the plan without asking')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'Finish an interrupted (or partly failed) restriction: the same plan, from its journal, without repeating a finished step')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dsr;keys' {
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Make an Ed25519 signing key in OpenSSH format, and its .pub beside it')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print every key that signed receipts, as an allowed_signers file for ssh-keygen')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dsr;keys;generate' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Where to write the private key [default: the file --key names, else keys/dsr_ed25519 in the data directory]')
            [CompletionResult]::new('--comment', '--comment', [CompletionResultType]::ParameterName, 'The key''s comment: who holds it (such as dpo@example.com)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace a key that exists already (it stays in the key''s history, trusted for the receipts it signed until now)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dsr;keys;show' {
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Another principal for the allowed_signers lines, for a file shared with other signers (verifiers then pass it to ssh-keygen -I) [default: dsr]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dsr;keys;help' {
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Make an Ed25519 signing key in OpenSSH format, and its .pub beside it')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print every key that signed receipts, as an allowed_signers file for ssh-keygen')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dsr;keys;help;generate' {
            break
        }
        'dsr;keys;help;show' {
            break
        }
        'dsr;keys;help;help' {
            break
        }
        'dsr;receipt' {
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check receipts: signature, canonical form and, with --ledger, the tenant''s chain')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print what a receipt says, for people (it is not verified: use verify)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dsr;receipt;verify' {
            [CompletionResult]::new('--allowed-signers', '--allowed-signers', [CompletionResultType]::ParameterName, 'Trust the keys of this OpenSSH allowed_signers file instead of the configured key (and its history); a key''s valid-after and valid-before are checked against the receipt''s finished_at')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--ledger', '--ledger', [CompletionResultType]::ParameterName, 'Check the tenant''s whole chain of receipts as well')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dsr;receipt;show' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'table prints a summary; json prints the receipt')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'table prints a summary; json prints the receipt')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dsr;receipt;help' {
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check receipts: signature, canonical form and, with --ledger, the tenant''s chain')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print what a receipt says, for people (it is not verified: use verify)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dsr;receipt;help;verify' {
            break
        }
        'dsr;receipt;help;show' {
            break
        }
        'dsr;receipt;help;help' {
            break
        }
        'dsr;audit' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only entries from this day (YYYY-MM-DD, UTC) or moment (RFC 3339) on')
            [CompletionResult]::new('--expect-head', '--expect-head', [CompletionResultType]::ParameterName, 'With --verify: the audit head an operation printed ("Audit head HASH"); fails when that entry is no longer in the log, so that cutting the newest entries shows')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Check the whole log''s hash chain instead of listing it, and that it and every tenant''s ledger anchor each other (each receipt in the log, each logged receipt in its ledger, each receipt file in its ledger); exits 3 when something is broken or cut, naming it')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors: no progress, no summaries')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what dsr does to stderr (repeat for more detail); never logs personal values')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dsr;demo' {
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]')
            [CompletionResult]::new('--purpose', '--purpose', [CompletionResultType]::ParameterName, 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]')
            [CompletionResult]::new('--keep', '--keep', [CompletionResultType]::ParameterName, 'Keep the temporary folders and print where they are')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`')
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
            [CompletionResult]::new('case', 'case', [CompletionResultType]::ParameterValue, 'Open, review, extend, list and close data-subject requests')
            [CompletionResult]::new('access', 'access', [CompletionResultType]::ParameterValue, 'Write the Art. 15 access package of a case')
            [CompletionResult]::new('portability', 'portability', [CompletionResultType]::ParameterValue, 'Write the Art. 20 portable ZIP of a case')
            [CompletionResult]::new('erase', 'erase', [CompletionResultType]::ParameterValue, 'Erase a subject''s data (Art. 17): plan, confirm, apply under a journal, verify')
            [CompletionResult]::new('rectify', 'rectify', [CompletionResultType]::ParameterValue, 'Correct a subject''s data (Art. 16): plan, confirm, apply under a journal, verify')
            [CompletionResult]::new('restrict', 'restrict', [CompletionResultType]::ParameterValue, 'Restrict the processing of a subject''s data (Art. 18), or lift the restriction')
            [CompletionResult]::new('keys', 'keys', [CompletionResultType]::ParameterValue, 'Make the key that signs receipts, and show every key that signed them')
            [CompletionResult]::new('receipt', 'receipt', [CompletionResultType]::ParameterValue, 'Check receipts (signed proof of what an operation did) and show what they say')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'List the audit log of every command that read personal data, and check its chain')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Run dsr on a bundled sample tenant, in temporary folders, and show what it finds')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dsr;help;tenant' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Register a tenant')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the registered tenants')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one tenant''s profile and index status')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a registered tenant''s profile')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Forget a tenant and delete its local index; its records are kept')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check that the tenant can be reached and what the credentials may do')
            [CompletionResult]::new('ropa', 'ropa', [CompletionResultType]::ParameterValue, 'Show the tenant''s record of processing, or write a template to fill in (--init)')
            [CompletionResult]::new('group', 'group', [CompletionResultType]::ParameterValue, 'Name groups of tenants: the systems one request must reach')
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
        'dsr;help;tenant;edit' {
            break
        }
        'dsr;help;tenant;remove' {
            break
        }
        'dsr;help;tenant;check' {
            break
        }
        'dsr;help;tenant;ropa' {
            break
        }
        'dsr;help;tenant;group' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Make a group of tenants, or add tenants to one; each must be registered')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the groups and their tenants')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a group, or only the tenants named from it; the tenants themselves stay')
            break
        }
        'dsr;help;tenant;group;add' {
            break
        }
        'dsr;help;tenant;group;list' {
            break
        }
        'dsr;help;tenant;group;remove' {
            break
        }
        'dsr;help;sync' {
            break
        }
        'dsr;help;locate' {
            break
        }
        'dsr;help;case' {
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'Open a case and locate the subject; prints the case id (the case with --output json)')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'Go through a case''s matches and decide which are the subject')
            [CompletionResult]::new('extend', 'extend', [CompletionResultType]::ParameterValue, 'Extend the deadline by two months (once, Art. 12(3))')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the tenant''s cases, or every tenant''s')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one case')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close a case')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Delete the personal data of closed cases past the tenant''s records retention')
            break
        }
        'dsr;help;case;open' {
            break
        }
        'dsr;help;case;review' {
            break
        }
        'dsr;help;case;extend' {
            break
        }
        'dsr;help;case;list' {
            break
        }
        'dsr;help;case;show' {
            break
        }
        'dsr;help;case;close' {
            break
        }
        'dsr;help;case;purge' {
            break
        }
        'dsr;help;access' {
            break
        }
        'dsr;help;portability' {
            break
        }
        'dsr;help;erase' {
            break
        }
        'dsr;help;rectify' {
            break
        }
        'dsr;help;restrict' {
            break
        }
        'dsr;help;keys' {
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Make an Ed25519 signing key in OpenSSH format, and its .pub beside it')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print every key that signed receipts, as an allowed_signers file for ssh-keygen')
            break
        }
        'dsr;help;keys;generate' {
            break
        }
        'dsr;help;keys;show' {
            break
        }
        'dsr;help;receipt' {
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check receipts: signature, canonical form and, with --ledger, the tenant''s chain')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print what a receipt says, for people (it is not verified: use verify)')
            break
        }
        'dsr;help;receipt;verify' {
            break
        }
        'dsr;help;receipt;show' {
            break
        }
        'dsr;help;audit' {
            break
        }
        'dsr;help;demo' {
            break
        }
        'dsr;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
