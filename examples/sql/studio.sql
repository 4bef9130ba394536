-- A photo studio in the manner of Fotostudio: photographers, their clients, galleries of
-- photos (the files themselves in an object store, named by file_key), signed contracts
-- and invoices kept under bookkeeping law. Jane Doe is a client of Kari's; Ola Nordmann
-- shares her wedding gallery. Portable SQL: loads into SQLite, PostgreSQL and
-- MariaDB/MySQL as it is.

CREATE TABLE photographers (
    id INTEGER PRIMARY KEY,
    full_name VARCHAR(100) NOT NULL,
    email VARCHAR(190) NOT NULL UNIQUE,
    phone VARCHAR(30)
);

CREATE TABLE clients (
    id INTEGER PRIMARY KEY,
    photographer_id INTEGER NOT NULL,
    full_name VARCHAR(100) NOT NULL,
    email VARCHAR(190) NOT NULL,
    phone VARCHAR(30),
    FOREIGN KEY (photographer_id) REFERENCES photographers (id)
);

CREATE TABLE galleries (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL,
    title VARCHAR(200) NOT NULL,
    FOREIGN KEY (client_id) REFERENCES clients (id)
);

CREATE TABLE photos (
    id INTEGER PRIMARY KEY,
    gallery_id INTEGER NOT NULL,
    file_key VARCHAR(300) NOT NULL,
    caption VARCHAR(500),
    FOREIGN KEY (gallery_id) REFERENCES galleries (id) ON DELETE CASCADE
);

CREATE TABLE contracts (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL,
    signed_by VARCHAR(100) NOT NULL,
    file_key VARCHAR(300) NOT NULL,
    signed_on VARCHAR(10) NOT NULL,
    FOREIGN KEY (client_id) REFERENCES clients (id)
);

CREATE TABLE invoices (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL,
    billed_to VARCHAR(100) NOT NULL,
    billing_email VARCHAR(190),
    amount_cents INTEGER NOT NULL,
    issued_on VARCHAR(10) NOT NULL,
    FOREIGN KEY (client_id) REFERENCES clients (id)
);

INSERT INTO photographers VALUES
    (1, 'Kari Hansen', 'kari@studio.example', '+4790000001'),
    (2, 'Per Olsen', 'per@studio.example', NULL);

INSERT INTO clients VALUES
    (1, 1, 'Jane Doe', 'jane.doe@example.com', '+4791234567'),
    (2, 1, 'Ola Nordmann', 'ola@example.com', '+4798765432'),
    (3, 2, 'Ingrid Lie', 'ingrid@example.com', NULL);

INSERT INTO galleries VALUES
    (1, 1, 'Wedding of Jane Doe and Ola Nordmann'),
    (2, 1, 'Portraits for Jane Doe'),
    (3, 3, 'Family day');

INSERT INTO photos VALUES
    (1, 1, 'galleries/1/0001.jpg', 'Jane Doe and Ola Nordmann at the church'),
    (2, 1, 'galleries/1/0002.jpg', 'The guests'),
    (3, 2, 'galleries/2/0001.jpg', 'Jane Doe by the window'),
    (4, 3, 'galleries/3/0001.jpg', 'Ingrid Lie with her children');

INSERT INTO contracts VALUES
    (1, 1, 'Jane Doe', 'contracts/1.pdf', '2025-03-01'),
    (2, 3, 'Ingrid Lie', 'contracts/2.pdf', '2025-05-20');

INSERT INTO invoices VALUES
    (1, 1, 'Jane Doe', 'jane.doe@example.com', 1500000, '2025-06-30'),
    (2, 3, 'Ingrid Lie', 'ingrid@example.com', 450000, '2025-07-15');
