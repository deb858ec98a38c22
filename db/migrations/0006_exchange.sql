-- 0006_exchange: the USB exchange (DESIGN.md "Moving data on USB").
-- office_key: this office's own private keys (Ed25519 signing, X25519 box). Never leaves the PC, never in a package.
-- office_card: the pinned public cards of the other offices (the county holds the 12 townships', a township the
--   county's); replacing one needs an explicit confirmation and leaves an audit row.
-- import_log: every package or receipt applied (or found already present): sender, sequence, hash, counts.
CREATE TABLE office_key (
    code        TEXT PRIMARY KEY REFERENCES office(code),
    sign_secret BLOB NOT NULL,
    box_secret  BLOB NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE TABLE office_card (
    code         TEXT PRIMARY KEY REFERENCES office(code),
    name         TEXT NOT NULL,
    sign_public  BLOB NOT NULL,
    box_public   BLOB NOT NULL,
    fingerprint  TEXT NOT NULL,
    pinned_at    TEXT NOT NULL,
    replaced_at  TEXT,
    updated_by   TEXT NOT NULL DEFAULT ''
);
CREATE TABLE import_log (
    id             TEXT PRIMARY KEY,
    owner          TEXT NOT NULL REFERENCES office(code),
    kind           TEXT NOT NULL CHECK (kind IN ('package', 'receipt')),
    sender         TEXT NOT NULL,
    sequence       INTEGER NOT NULL,
    schema_version INTEGER NOT NULL DEFAULT 0,
    sha256         TEXT NOT NULL,
    at             TEXT NOT NULL,
    user_name      TEXT NOT NULL DEFAULT '',
    counts_json    TEXT NOT NULL DEFAULT '{}',
    result         TEXT NOT NULL DEFAULT '',     -- applied / already present
    drive          TEXT NOT NULL DEFAULT '',
    path           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_import_log_sender ON import_log(sender, kind, sequence);
