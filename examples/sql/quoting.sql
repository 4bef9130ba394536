-- A quoting service in the manner of Quotiss: one multi-tenant database, customers
-- (accounts) kept apart by account_id on every table. Jane Doe is a contact of a client
-- in account 1 and a user (staff) in account 2: an erasure for account 1 must not touch
-- account 2. Portable SQL: loads into SQLite, PostgreSQL and MariaDB/MySQL as it is.

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    company VARCHAR(100) NOT NULL
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL,
    login VARCHAR(60) NOT NULL,
    email VARCHAR(190) NOT NULL,
    full_name VARCHAR(100) NOT NULL,
    updated_at TIMESTAMP NULL,
    UNIQUE (account_id, login),
    FOREIGN KEY (account_id) REFERENCES accounts (id)
);

CREATE TABLE clients (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL,
    company VARCHAR(100) NOT NULL,
    email VARCHAR(190),
    phone VARCHAR(30),
    updated_at TIMESTAMP NULL,
    FOREIGN KEY (account_id) REFERENCES accounts (id)
);

CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL,
    client_id INTEGER NOT NULL,
    full_name VARCHAR(100) NOT NULL,
    email VARCHAR(190) NOT NULL,
    phone VARCHAR(30),
    updated_at TIMESTAMP NULL,
    FOREIGN KEY (account_id) REFERENCES accounts (id),
    FOREIGN KEY (client_id) REFERENCES clients (id)
);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL,
    client_id INTEGER NOT NULL,
    owner_id INTEGER NOT NULL,
    title VARCHAR(200) NOT NULL,
    attention VARCHAR(100),
    notes VARCHAR(2000),
    updated_at TIMESTAMP NULL,
    FOREIGN KEY (account_id) REFERENCES accounts (id),
    FOREIGN KEY (client_id) REFERENCES clients (id),
    FOREIGN KEY (owner_id) REFERENCES users (id)
);

CREATE TABLE quote_lines (
    quote_id INTEGER NOT NULL,
    line_no INTEGER NOT NULL,
    account_id INTEGER NOT NULL,
    description VARCHAR(300) NOT NULL,
    amount_cents INTEGER NOT NULL,
    updated_at TIMESTAMP NULL,
    PRIMARY KEY (quote_id, line_no),
    FOREIGN KEY (account_id) REFERENCES accounts (id),
    FOREIGN KEY (quote_id) REFERENCES quotes (id) ON DELETE CASCADE
);

CREATE TABLE activity_log (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    happened_at TIMESTAMP NOT NULL,
    message VARCHAR(500) NOT NULL,
    FOREIGN KEY (account_id) REFERENCES accounts (id),
    FOREIGN KEY (user_id) REFERENCES users (id)
);

INSERT INTO accounts VALUES (1, 'Nordlys Print AS'), (2, 'Fjord Events AS');

INSERT INTO users VALUES
    (1, 1, 'kari', 'kari.hansen@nordlys.example', 'Kari Hansen', '2025-11-03 08:00:00'),
    (2, 1, 'per', 'per.olsen@nordlys.example', 'Per Olsen', '2025-11-03 08:05:00'),
    (3, 2, 'jdoe', 'jane.doe@example.com', 'Jane Doe', '2025-12-01 09:00:00'),
    (4, 2, 'ola', 'ola.nordmann@fjord.example', 'Ola Nordmann', '2025-12-01 09:10:00');

INSERT INTO clients VALUES
    (1, 1, 'Doe Consulting', 'jane.doe@example.com', '+4791234567', '2026-01-04 15:00:00'),
    (2, 1, 'Bergen Bakeri AS', 'post@bakeri.example', '+4755000000', '2026-01-06 10:00:00'),
    (3, 2, 'Hotel Fjordgaarden', 'booking@fjordgaarden.example', NULL, '2026-01-07 13:30:00');

INSERT INTO contacts VALUES
    (1, 1, 1, 'Jane Doe', 'jane.doe@example.com', '+4791234567', '2026-01-04 15:05:00'),
    (2, 1, 2, 'Lars Berg', 'lars@bakeri.example', NULL, '2026-01-06 10:05:00'),
    (3, 2, 3, 'Ingrid Lie', 'ingrid@fjordgaarden.example', '+4799887766', '2026-01-07 13:35:00');

INSERT INTO quotes VALUES
    (10, 1, 1, 1, 'Business cards', 'Jane Doe', 'Jane Doe wants matte paper.', '2026-01-05 09:00:00'),
    (11, 1, 2, 2, 'Bread labels', 'Lars Berg', 'Reprint of last year''s order.', '2026-01-06 10:30:00'),
    (20, 2, 3, 3, 'Summer party', 'Ingrid Lie', 'Jane Doe plans the evening.', '2026-01-07 14:00:00');

INSERT INTO quote_lines VALUES
    (10, 1, 1, '500 cards for Jane Doe, matte', 45000, '2026-01-05 09:00:00'),
    (10, 2, 1, 'Design hour', 90000, '2026-01-05 09:00:00'),
    (11, 1, 1, '2000 labels', 120000, '2026-01-06 10:30:00'),
    (20, 1, 2, 'Dinner for 80', 3200000, '2026-01-07 14:00:00');

INSERT INTO activity_log VALUES
    (1, 1, 1, '2026-01-05 09:00:00', 'Quote 10 sent to Jane Doe'),
    (2, 1, 2, '2026-01-06 10:30:00', 'Quote 11 sent to Lars Berg'),
    (3, 2, 3, '2026-01-07 14:00:00', 'Jane Doe created quote 20');
