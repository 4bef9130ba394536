
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
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand tenant 'Register, list, show and remove tenants'
            cand sync 'Index the tenant''s metadata so people can be located'
            cand locate 'Find every asset that holds a person''s data, with an explanation for each hit'
            cand case 'Open, review, extend, list and close data-subject requests'
            cand access 'Write the Art. 15 access package of a case'
            cand portability 'Write the Art. 20 portable ZIP of a case'
            cand erase 'Erase a subject''s data (Art. 17): plan, confirm, apply under a journal, verify'
            cand rectify 'Correct a subject''s data (Art. 16): plan, confirm, apply under a journal, verify'
            cand restrict 'Restrict the processing of a subject''s data (Art. 18), or lift the restriction'
            cand keys 'Make the key that signs receipts, and show every key that signed them'
            cand receipt 'Check receipts (signed proof of what an operation did) and show what they say'
            cand audit 'List the audit log of every command that read personal data, and check its chain'
            cand demo 'Run dsr on a bundled sample tenant, in temporary folders, and show what it finds'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dsr;tenant'= {
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Register a tenant'
            cand list 'List the registered tenants'
            cand show 'Show one tenant''s profile and index status'
            cand edit 'Change a registered tenant''s profile'
            cand remove 'Forget a tenant and delete its local index; its records are kept'
            cand check 'Check that the tenant can be reached and what the credentials may do'
            cand ropa 'Show the tenant''s record of processing, or write a template to fill in (--init)'
            cand group 'Name groups of tenants: the systems one request must reach'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dsr;tenant;add'= {
            cand --platform 'Where the tenant lives'
            cand --path 'The tenant folder (dir)'
            cand --url 'The FotoWeb server''s URL, https unless on loopback (fotoweb); or the store''s: file:///path, s3://bucket/prefix or az://container/prefix (objects); or the database''s (sql): sqlite:///path/db.sqlite, postgres://USER@HOST:PORT/DB or mysql://USER@HOST:PORT/DB (mariadb:// too). A database URL holds no password (it comes from DSR_DB_PASSWORD, --client-secret-file or a prompt) and needs ?sslmode=require unless the server is on loopback or a Unix socket'
            cand --dataset 'The dataset file describing the database (sql): a TOML file naming, per table, its key, an optional change column, the personal columns and their roles (email, phone, login, person, text), and what erasure does to a row (delete, scrub with a mask per column: null, a fixed text, a marker, a salted hash, or an e-mail address or phone number that keeps its form; or keep with a legal reason). It is read and checked against the database now, each mask against its column''s type, length, NOT NULL, unique indexes and CHECK constraints; the profile records its roles, the tables erasure deletes and those it keeps. A table of another schema (on MariaDB/MySQL: another database of the server) is named with it, billing.invoices; a schema the database lacks is refused. See docs/sql.md'
            cand --scope 'Limit every query to one customer of a multi-tenant database (sql), as COLUMN=VALUE: the column must be on every table of the dataset. Rows of other customers are never read, exported, changed or erased'
            cand --endpoint 'The server to talk to instead of the cloud''s own (objects): an S3-compatible provider such as MinIO, Hetzner or DigitalOcean, or an emulator; https unless on loopback. Credentials are read from the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, or the profile AWS_PROFILE names in ~/.aws/credentials; AZURE_STORAGE_ACCOUNT_NAME, AZURE_STORAGE_ACCOUNT_KEY), never from the profile'
            cand --client-id 'The OAuth2 client id (fotoweb); the secret is never stored in the profile'
            cand --records 'Records to read, search and erase beside the assets (fotoweb), comma-separated: user accounts, comments on assets, albums and their shares, orders, assets'' consent statuses (read with the assets, no request of their own). Each sync then reads every user, the comments of every asset (one request per asset), the sharing of every album (one request per album) and the site''s order history'
            cand --auth 'How to authenticate (fotoweb): OAuth2 client credentials, or the legacy FWAPIToken header of on-premises servers (the API key is then given as the secret)'
            cand --client-secret-file 'A file holding the client secret, read whenever a token is needed (fotoweb), or the database user''s password, read when the server asks for one (sql)'
            cand --default-region 'Region for national phone numbers, as a two-letter country code (e.g. NO, DE)'
            cand --person-field 'Another field holding people''s names (repeatable or comma-separated)'
            cand --email-field 'Another field holding e-mail addresses'
            cand --phone-field 'Another field holding phone numbers'
            cand --login-field 'Another field holding platform logins'
            cand --text-field 'A field to read as free text even where FotoWeb gives it another role'
            cand --shown-field 'Another field naming the people shown in the image, like 368 (erasure deletes an asset that shows the subject alone)'
            cand --legal-hold-archive 'An archive under legal hold: erasure withholds its assets (repeatable)'
            cand --legal-hold 'A field value that puts an asset under legal hold, as FIELD=VALUE (repeatable)'
            cand --signing-key 'The Ed25519 key that signs this tenant''s receipts [default: the data directory''s]'
            cand --default-operator 'Who works on this tenant when --operator is not given (audit log, receipts)'
            cand --default-purpose 'Why this tenant''s personal data is read when --purpose is not given: a contract or ticket reference, never a person''s name'
            cand --records-retention 'How long the records of a closed case are kept before `dsr case purge` may delete its personal data: years, months, weeks or days, such as 5y, 18m or 1y6m [default: none, and no case is purged]'
            cand --restriction-field 'The field `dsr restrict` marks a subject''s assets in (Art. 18), such as a status or keyword field the platform''s users see [default: none, and restriction is refused]'
            cand --restriction-value 'The value `dsr restrict` puts into --restriction-field [default: restricted]'
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
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
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dsr;tenant;show'= {
            cand -o 'o'
            cand --output 'output'
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dsr;tenant;edit'= {
            cand --records-retention 'How long the records of a closed case are kept before `dsr case purge` may delete its personal data: years, months, weeks or days, such as 5y, 18m or 1y6m'
            cand --restriction-field 'The field `dsr restrict` marks a subject''s assets in (Art. 18)'
            cand --restriction-value 'The value `dsr restrict` puts into --restriction-field [default: restricted]'
            cand --ropa 'The record of processing the tenant''s access packages draw on, when several systems share one: `dsr tenant ropa RECORD` (ropa/RECORD.toml) [default: the tenant''s own]'
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dsr;tenant;remove'= {
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --keep-index 'Keep the local index instead of deleting it'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dsr;tenant;check'= {
            cand -o 'o'
            cand --output 'output'
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dsr;tenant;ropa'= {
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --init 'Write a commented template to fill in'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dsr;tenant;group'= {
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand add 'Make a group of tenants, or add tenants to one; each must be registered'
            cand list 'List the groups and their tenants'
            cand remove 'Remove a group, or only the tenants named from it; the tenants themselves stay'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dsr;tenant;group;add'= {
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dsr;tenant;group;list'= {
            cand -o 'o'
            cand --output 'output'
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dsr;tenant;group;remove'= {
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dsr;tenant;group;help'= {
            cand add 'Make a group of tenants, or add tenants to one; each must be registered'
            cand list 'List the groups and their tenants'
            cand remove 'Remove a group, or only the tenants named from it; the tenants themselves stay'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dsr;tenant;group;help;add'= {
        }
        &'dsr;tenant;group;help;list'= {
        }
        &'dsr;tenant;group;help;remove'= {
        }
        &'dsr;tenant;group;help;help'= {
        }
        &'dsr;tenant;help'= {
            cand add 'Register a tenant'
            cand list 'List the registered tenants'
            cand show 'Show one tenant''s profile and index status'
            cand edit 'Change a registered tenant''s profile'
            cand remove 'Forget a tenant and delete its local index; its records are kept'
            cand check 'Check that the tenant can be reached and what the credentials may do'
            cand ropa 'Show the tenant''s record of processing, or write a template to fill in (--init)'
            cand group 'Name groups of tenants: the systems one request must reach'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dsr;tenant;help;add'= {
        }
        &'dsr;tenant;help;list'= {
        }
        &'dsr;tenant;help;show'= {
        }
        &'dsr;tenant;help;edit'= {
        }
        &'dsr;tenant;help;remove'= {
        }
        &'dsr;tenant;help;check'= {
        }
        &'dsr;tenant;help;ropa'= {
        }
        &'dsr;tenant;help;group'= {
            cand add 'Make a group of tenants, or add tenants to one; each must be registered'
            cand list 'List the groups and their tenants'
            cand remove 'Remove a group, or only the tenants named from it; the tenants themselves stay'
        }
        &'dsr;tenant;help;group;add'= {
        }
        &'dsr;tenant;help;group;list'= {
        }
        &'dsr;tenant;help;group;remove'= {
        }
        &'dsr;tenant;help;help'= {
        }
        &'dsr;sync'= {
            cand -j 'How many requests (fotoweb) or files (dir) are read at once'
            cand --jobs 'How many requests (fotoweb) or files (dir) are read at once'
            cand -o 'table prints a summary; json prints the report'
            cand --output 'table prints a summary; json prints the report'
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --full 'Rebuild the index from scratch'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dsr;locate'= {
            cand --from 'Locate every subject of a list: CSV with a header (email, name, phone, login, reference, received; repeated columns or '';'' for several values) or JSON Lines with the same keys; ''-'' reads stdin. One result per subject; a bad row is reported with its row number and the others go on'
            cand --email 'An e-mail address (exact, case-insensitive)'
            cand --name 'A person''s name: not initials alone, at most 200 characters'
            cand --phone 'A phone number; national numbers are read in the tenant''s default region'
            cand --login 'A platform login (exact)'
            cand --text 'A phrase of free text'
            cand -o 'o'
            cand --output 'output'
            cand --min-confidence 'Leave out matches below this confidence'
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --explain 'Show why each match was made, and name the assets that could not be searched'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dsr;case'= {
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand open 'Open a case and locate the subject; prints the case id (the case with --output json)'
            cand review 'Go through a case''s matches and decide which are the subject'
            cand extend 'Extend the deadline by two months (once, Art. 12(3))'
            cand list 'List the tenant''s cases, or every tenant''s'
            cand show 'Show one case'
            cand close 'Close a case'
            cand purge 'Delete the personal data of closed cases past the tenant''s records retention'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dsr;case;open'= {
            cand --right 'The right the subject exercises'
            cand --from 'Open one case per subject of a list (CSV or JSON Lines, as for `dsr locate --from`; ''-'' reads stdin); prints one case id per line, or one object per subject with --output jsonl'
            cand -o 'How the case is printed: its id (human) or the case as `case show` prints it; with --from the ids, or one object per subject'
            cand --output 'How the case is printed: its id (human) or the case as `case show` prints it; with --from the ids, or one object per subject'
            cand --email 'The subject''s e-mail address (repeatable)'
            cand --name 'The subject''s name (repeatable): not initials alone, at most 200 characters'
            cand --phone 'The subject''s phone number (repeatable)'
            cand --login 'The subject''s platform login (repeatable)'
            cand --received 'When the request was received, YYYY-MM-DD [default: today]'
            cand --reference 'The requester''s or your own reference'
            cand --verified-by 'How the subject''s identity was checked (Art. 12(6))'
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --expand-identities 'Search with every identity the subject''s high matches hold beside hers (her phone on the client row her e-mail found), in every tenant of the case, and with what those find, up to three rounds: for scripts that accept them unseen. Without it they are listed, and searched only once accepted with `case review --accept-identity`'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dsr;case;review'= {
            cand --include 'An asset that is the subject''s although its match is not high, or although the search did not find her there at all (then with --reason) (repeatable)'
            cand --exclude 'An asset whose match is not the subject (repeatable)'
            cand --reason 'Why an --include asset the search did not find is the subject''s; kept in the case, the access package and the erasure receipt, so it must not name the subject'
            cand --accept-identity 'An identity found along the way that is the subject''s, as `case show` lists it (KIND:VALUE, e.g. login:jdoe): every tenant of the case searches with it (repeatable)'
            cand --decline-identity 'An identity found along the way that is not the subject''s: it is no longer proposed (repeatable)'
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --expand-identities 'Accept every identity found along the way, and what searching with them finds, up to three rounds'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dsr;case;extend'= {
            cand --reason 'Why more time is needed (the subject must be told within the first month)'
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dsr;case;list'= {
            cand -o 'How the cases are printed; with none, an empty table ([] in json, the header in csv)'
            cand --output 'How the cases are printed; with none, an empty table ([] in json, the header in csv)'
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --open 'Only cases not yet closed'
            cand --overdue 'Only open cases past their due date'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dsr;case;show'= {
            cand -o 'o'
            cand --output 'output'
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dsr;case;close'= {
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dsr;case;purge'= {
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --yes 'Purge without asking (needed without a terminal)'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dsr;case;help'= {
            cand open 'Open a case and locate the subject; prints the case id (the case with --output json)'
            cand review 'Go through a case''s matches and decide which are the subject'
            cand extend 'Extend the deadline by two months (once, Art. 12(3))'
            cand list 'List the tenant''s cases, or every tenant''s'
            cand show 'Show one case'
            cand close 'Close a case'
            cand purge 'Delete the personal data of closed cases past the tenant''s records retention'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dsr;case;help;open'= {
        }
        &'dsr;case;help;review'= {
        }
        &'dsr;case;help;extend'= {
        }
        &'dsr;case;help;list'= {
        }
        &'dsr;case;help;show'= {
        }
        &'dsr;case;help;close'= {
        }
        &'dsr;case;help;purge'= {
        }
        &'dsr;case;help;help'= {
        }
        &'dsr;access'= {
            cand --out 'Where to write the package: a folder, or a ZIP when the name ends in .zip [default: access-CASE.zip in the case''s folder]; with --from, the folder every package goes into as access-CASE.zip. A package is never written over a symbolic link'
            cand --templates 'A folder whose index.html, letter.md or strings.toml replace the built-in templates: LANG/NAME for one language, NAME for every language'
            cand --lang 'The language of the package, its letter and its pages: en (English), nb (Norwegian Bokmål) or de (German) [default: the record of processing''s `language`, else en]'
            cand --from 'Do it for every subject of a list (CSV or JSON Lines, as for `dsr locate --from`; ''-'' reads stdin): one case per row, its high matches reviewed in; one result per subject as it is finished'
            cand -j 'With --from: how many subjects are worked on at once'
            cand --jobs 'With --from: how many subjects are worked on at once'
            cand -o 'How the result is printed: for one case its path (human) or {path, assets, files, receipt, missing, not_searched}; with --from one result per subject, jsonl and csv printing each as soon as it is finished'
            cand --output 'How the result is printed: for one case its path (human) or {path, assets, files, receipt, missing, not_searched}; with --from one result per subject, jsonl and csv printing each as soon as it is finished'
            cand --verified-by 'With --from: how the subjects'' identities were checked (Art. 12(6)), for every case'
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --accept-unreadable 'Answer although assets the last sync could not read were not searched, because a person has checked them by hand: exit 0 instead of 3. The package and the receipt still name them as not searched, the receipt with this acceptance'
            cand --resume 'With --from: finish a list that was stopped (Ctrl-C, SIGTERM) without doing any subject twice'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dsr;portability'= {
            cand --out 'The ZIP to write [default: portable-CASE.zip in the case''s folder]; with --from, the folder every archive goes into as portable-CASE.zip. An archive is never written over a symbolic link'
            cand --lang 'The language of README.txt: en (English), nb (Norwegian Bokmål) or de (German) [default: the record of processing''s `language`, else en]'
            cand --from 'Do it for every subject of a list (CSV or JSON Lines, as for `dsr locate --from`; ''-'' reads stdin): one case per row, its high matches reviewed in; one result per subject as it is finished'
            cand -j 'With --from: how many subjects are worked on at once'
            cand --jobs 'With --from: how many subjects are worked on at once'
            cand -o 'How the result is printed: for one case its path (human) or {path, assets, files, receipt, missing, not_searched}; with --from one result per subject, jsonl and csv printing each as soon as it is finished'
            cand --output 'How the result is printed: for one case its path (human) or {path, assets, files, receipt, missing, not_searched}; with --from one result per subject, jsonl and csv printing each as soon as it is finished'
            cand --verified-by 'With --from: how the subjects'' identities were checked (Art. 12(6)), for every case'
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --encrypt 'Encrypt every entry with AES-256; the passphrase comes from DSR_ZIP_PASSPHRASE or a hidden prompt'
            cand --all-originals 'Put the original of every reviewed asset in, not only those the subject uploaded'
            cand --accept-unreadable 'Answer although assets the last sync could not read were not searched, because a person has checked them by hand: exit 0 instead of 3. The manifest and the receipt still name them as not searched, the receipt with this acceptance'
            cand --resume 'With --from: finish a list that was stopped (Ctrl-C, SIGTERM) without doing any subject twice'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dsr;erase'= {
            cand --from 'Erase every subject of a list (CSV or JSON Lines, as for `dsr locate --from`; ''-'' reads stdin): one erasure case per row, its high matches reviewed in, every plan made before one confirmation for the whole list; one result per subject as it is finished. --jobs counts subjects; --resume finishes a list that was stopped. With --group or --all-tenants each subject is one request across every system (its case receipt and each system''s outcome on the subject''s line)'
            cand --strategy 'How assets are erased'
            cand --shown-with-others 'An image that shows the subject beside other people cannot be erased by editing its metadata: her face stays. `report` scrubs its metadata and lists it as "image still shows the subject" (the run ends 3); `delete` deletes it; `keep` scrubs it and keeps it, a decision the receipt records with --reason'
            cand --reason 'Why images that show the subject with other people are kept (required with --shown-with-others keep); written in the plan and the receipt'
            cand --account 'The subject''s own user account, where the tenant reads accounts (fotoweb --records users, or a dir tenant''s .records/users/): `delete` it (what an erasure asks for: a leaver''s account has no purpose left), or `disable` it and clear its name, e-mail, phone, address and description, renaming a login that is hers, where the account itself must stay'
            cand --authored-comments 'Comments the subject wrote, where the tenant reads comments (fotoweb --records comments, or a dir tenant''s .records/): `delete` them, or `anonymise` them (author "[former user]", her names taken out of the text). Comments that merely name her are scrubbed like captions'
            cand --transfer-to 'Hand the albums the subject owns to the account with this login, where the tenant reads albums (fotoweb --records albums, or a dir tenant''s .records/albums/). Without it her albums are deleted: an album only links assets, which stay in their archives, and a leaver''s album has no owner left to keep it. A login the tenant does not have, or her own, is refused before anything changes. Shares of albums to her e-mail address are removed either way'
            cand -j 'How many changes run at once (with --from: how many subjects, each one change at a time)'
            cand --jobs 'How many changes run at once (with --from: how many subjects, each one change at a time)'
            cand -o 'How the plan and the outcome are printed; with --from, jsonl and csv print each subject''s result as soon as it is finished'
            cand --output 'How the plan and the outcome are printed; with --from, jsonl and csv print each subject''s result as soon as it is finished'
            cand --verified-by 'With --from: how the subjects'' identities were checked (Art. 12(6)), for every case'
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --dry-run 'Print the plan and change nothing'
            cand -y 'Apply the plan without asking'
            cand --yes 'Apply the plan without asking'
            cand --resume 'Finish an interrupted (or partly failed) erasure: the same plan, from its journal, without repeating a finished step; a step whose asset changed since it was planned is planned again from the asset as it now is'
            cand --replay-tombstones 'Look for erased subjects again (after the platform restored a backup and it was synced), open an erasure case for each one found and print its id. Needs the data directory''s tombstone key, keys/tombstone.key'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dsr;rectify'= {
            cand --from 'Correct every subject of a list (CSV or JSON Lines, as for `dsr locate --from`; ''-'' reads stdin): one rectification case per row, its high matches reviewed in. A row''s new_email, new_name, new_phone or new_login replaces its value of that kind; --set applies to every row without one. Every plan is made before one confirmation for the whole list; one result per subject as it is finished'
            cand --replace 'The subject''s value as it stands now: a name, e-mail, phone or login'
            cand --with 'The value to put in its place (of the same kind)'
            cand --field 'Replace only in this field (repeatable or comma-separated) [default: every field]'
            cand --set 'Correct a field, as FIELD=VALUE (repeatable): on each reviewed asset where the field holds the subject''s value (found by the case''s identities), that entry is replaced and everyone else''s kept, in the field''s shape; an empty VALUE removes it. Assets whose field does not hold the subject''s value are left alone (see --add)'
            cand -j 'How many changes run at once (with --from: at most N requests at once, three subjects in progress per request)'
            cand --jobs 'How many changes run at once (with --from: at most N requests at once, three subjects in progress per request)'
            cand -o 'How the plan and the outcome are printed'
            cand --output 'How the plan and the outcome are printed'
            cand --verified-by 'With --from: how the subjects'' identities were checked (Art. 12(6)), for every case'
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --add 'With --set: also add the value to the field on reviewed assets where it holds neither the subject''s value nor the new one (one more element of a list; an empty field filled; a field holding one value of someone else''s is left for a person)'
            cand --dry-run 'Print the plan and change nothing'
            cand -y 'Apply the plan without asking'
            cand --yes 'Apply the plan without asking'
            cand --resume 'Finish an interrupted (or partly failed) rectification: the same plan, from its journal, without repeating a finished step (with --from: the whole list); a step whose asset changed since it was planned is planned again from the asset as it now is'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dsr;restrict'= {
            cand -j 'How many changes run at once'
            cand --jobs 'How many changes run at once'
            cand -o 'How the plan and the outcome are printed'
            cand --output 'How the plan and the outcome are printed'
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --lift 'Take the restriction mark away again (the restriction ends)'
            cand --dry-run 'Print the plan and change nothing'
            cand -y 'Apply the plan without asking'
            cand --yes 'Apply the plan without asking'
            cand --resume 'Finish an interrupted (or partly failed) restriction: the same plan, from its journal, without repeating a finished step'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dsr;keys'= {
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help'
            cand --help 'Print help'
            cand generate 'Make an Ed25519 signing key in OpenSSH format, and its .pub beside it'
            cand show 'Print every key that signed receipts, as an allowed_signers file for ssh-keygen'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dsr;keys;generate'= {
            cand --out 'Where to write the private key [default: the file --key names, else keys/dsr_ed25519 in the data directory]'
            cand --comment 'The key''s comment: who holds it (such as dpo@example.com)'
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --force 'Replace a key that exists already (it stays in the key''s history, trusted for the receipts it signed until now)'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dsr;keys;show'= {
            cand --identity 'Another principal for the allowed_signers lines, for a file shared with other signers (verifiers then pass it to ssh-keygen -I) [default: dsr]'
            cand -o 'o'
            cand --output 'output'
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dsr;keys;help'= {
            cand generate 'Make an Ed25519 signing key in OpenSSH format, and its .pub beside it'
            cand show 'Print every key that signed receipts, as an allowed_signers file for ssh-keygen'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dsr;keys;help;generate'= {
        }
        &'dsr;keys;help;show'= {
        }
        &'dsr;keys;help;help'= {
        }
        &'dsr;receipt'= {
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand verify 'Check receipts: signature, canonical form and, with --ledger, the tenant''s chain'
            cand show 'Print what a receipt says, for people (it is not verified: use verify)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dsr;receipt;verify'= {
            cand --allowed-signers 'Trust the keys of this OpenSSH allowed_signers file instead of the configured key (and its history); a key''s valid-after and valid-before are checked against the receipt''s finished_at'
            cand -o 'o'
            cand --output 'output'
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --ledger 'Check the tenant''s whole chain of receipts as well'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dsr;receipt;show'= {
            cand -o 'table prints a summary; json prints the receipt'
            cand --output 'table prints a summary; json prints the receipt'
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dsr;receipt;help'= {
            cand verify 'Check receipts: signature, canonical form and, with --ledger, the tenant''s chain'
            cand show 'Print what a receipt says, for people (it is not verified: use verify)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dsr;receipt;help;verify'= {
        }
        &'dsr;receipt;help;show'= {
        }
        &'dsr;receipt;help;help'= {
        }
        &'dsr;audit'= {
            cand --since 'Only entries from this day (YYYY-MM-DD, UTC) or moment (RFC 3339) on'
            cand --expect-head 'With --verify: the audit head an operation printed ("Audit head HASH"); fails when that entry is no longer in the log, so that cutting the newest entries shows'
            cand -o 'o'
            cand --output 'output'
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --verify 'Check the whole log''s hash chain instead of listing it, and that it and every tenant''s ledger anchor each other (each receipt in the log, each logged receipt in its ledger, each receipt file in its ledger); exits 3 when something is broken or cut, naming it'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand -q 'Print nothing but data and errors: no progress, no summaries'
            cand --quiet 'Print nothing but data and errors: no progress, no summaries'
            cand -v 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand --verbose 'Log what dsr does to stderr (repeat for more detail); never logs personal values'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dsr;demo'= {
            cand --tenant 'The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]'
            cand --group 'Work on every tenant of a group (`dsr tenant group add`), where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
            cand --data-dir 'Where indexes and cases are kept [default: the XDG data directory + dsr] [env: DSR_DATA_DIR]'
            cand --config 'The configuration file [default: the XDG config directory + dsr/config.toml] [env: DSR_CONFIG]'
            cand --client-secret-file 'A file holding the FotoWeb client secret, or the database user''s password (sql) [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile''s file, or a hidden prompt] [env: DSR_CLIENT_SECRET_FILE]'
            cand --timeout 'How long one request to the tenant''s server may take in all, tries and the waits between them included (each try waits at most 30 s for an answer). While dsr waits to try again it says so on stderr (on a terminal); when the time is up the command ends with an error naming the server and the wait [default: the profile''s timeout, or 300] [env: DSR_TIMEOUT]'
            cand --color 'When to colour the output'
            cand --operator 'Who runs dsr, for the audit log and receipts; never the subject, like --purpose [default: the tenant''s operator, or the login name] [env: DSR_OPERATOR]'
            cand --purpose 'Why personal data is read, for the audit log and receipts: a case or ticket number, never the person (locate needs one). One that names the subject in any form — name in any order or spelling, e-mail, phone in any grouping, login — is refused before anything is done [default: the tenant''s purpose] [env: DSR_PURPOSE]'
            cand --key 'The Ed25519 key that signs receipts [default: the tenant''s signing key, or keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]'
            cand --keep 'Keep the temporary folders and print where they are'
            cand --all-tenants 'Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`'
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
            cand case 'Open, review, extend, list and close data-subject requests'
            cand access 'Write the Art. 15 access package of a case'
            cand portability 'Write the Art. 20 portable ZIP of a case'
            cand erase 'Erase a subject''s data (Art. 17): plan, confirm, apply under a journal, verify'
            cand rectify 'Correct a subject''s data (Art. 16): plan, confirm, apply under a journal, verify'
            cand restrict 'Restrict the processing of a subject''s data (Art. 18), or lift the restriction'
            cand keys 'Make the key that signs receipts, and show every key that signed them'
            cand receipt 'Check receipts (signed proof of what an operation did) and show what they say'
            cand audit 'List the audit log of every command that read personal data, and check its chain'
            cand demo 'Run dsr on a bundled sample tenant, in temporary folders, and show what it finds'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dsr;help;tenant'= {
            cand add 'Register a tenant'
            cand list 'List the registered tenants'
            cand show 'Show one tenant''s profile and index status'
            cand edit 'Change a registered tenant''s profile'
            cand remove 'Forget a tenant and delete its local index; its records are kept'
            cand check 'Check that the tenant can be reached and what the credentials may do'
            cand ropa 'Show the tenant''s record of processing, or write a template to fill in (--init)'
            cand group 'Name groups of tenants: the systems one request must reach'
        }
        &'dsr;help;tenant;add'= {
        }
        &'dsr;help;tenant;list'= {
        }
        &'dsr;help;tenant;show'= {
        }
        &'dsr;help;tenant;edit'= {
        }
        &'dsr;help;tenant;remove'= {
        }
        &'dsr;help;tenant;check'= {
        }
        &'dsr;help;tenant;ropa'= {
        }
        &'dsr;help;tenant;group'= {
            cand add 'Make a group of tenants, or add tenants to one; each must be registered'
            cand list 'List the groups and their tenants'
            cand remove 'Remove a group, or only the tenants named from it; the tenants themselves stay'
        }
        &'dsr;help;tenant;group;add'= {
        }
        &'dsr;help;tenant;group;list'= {
        }
        &'dsr;help;tenant;group;remove'= {
        }
        &'dsr;help;sync'= {
        }
        &'dsr;help;locate'= {
        }
        &'dsr;help;case'= {
            cand open 'Open a case and locate the subject; prints the case id (the case with --output json)'
            cand review 'Go through a case''s matches and decide which are the subject'
            cand extend 'Extend the deadline by two months (once, Art. 12(3))'
            cand list 'List the tenant''s cases, or every tenant''s'
            cand show 'Show one case'
            cand close 'Close a case'
            cand purge 'Delete the personal data of closed cases past the tenant''s records retention'
        }
        &'dsr;help;case;open'= {
        }
        &'dsr;help;case;review'= {
        }
        &'dsr;help;case;extend'= {
        }
        &'dsr;help;case;list'= {
        }
        &'dsr;help;case;show'= {
        }
        &'dsr;help;case;close'= {
        }
        &'dsr;help;case;purge'= {
        }
        &'dsr;help;access'= {
        }
        &'dsr;help;portability'= {
        }
        &'dsr;help;erase'= {
        }
        &'dsr;help;rectify'= {
        }
        &'dsr;help;restrict'= {
        }
        &'dsr;help;keys'= {
            cand generate 'Make an Ed25519 signing key in OpenSSH format, and its .pub beside it'
            cand show 'Print every key that signed receipts, as an allowed_signers file for ssh-keygen'
        }
        &'dsr;help;keys;generate'= {
        }
        &'dsr;help;keys;show'= {
        }
        &'dsr;help;receipt'= {
            cand verify 'Check receipts: signature, canonical form and, with --ledger, the tenant''s chain'
            cand show 'Print what a receipt says, for people (it is not verified: use verify)'
        }
        &'dsr;help;receipt;verify'= {
        }
        &'dsr;help;receipt;show'= {
        }
        &'dsr;help;audit'= {
        }
        &'dsr;help;demo'= {
        }
        &'dsr;help;help'= {
        }
    ]
    $completions[$command]
}
