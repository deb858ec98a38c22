-- 0005_print_log: what was printed, so a paper sheet can be checked against the data (DESIGN.md "Printing").
-- Every document carries a QR code with its kind, record key and a digest of the printed content; the content itself
-- is kept here once per digest, so `verify` can say not only "changed" but what changed since it was printed.
CREATE TABLE print_log (
    id           TEXT PRIMARY KEY,
    owner        TEXT NOT NULL REFERENCES office(code),
    kind         TEXT NOT NULL,                 -- letter / sheet / signin / training / visits / attendance / circular …
    record_key   TEXT NOT NULL,                 -- the record id, or the code the document is about
    params       TEXT NOT NULL DEFAULT '',      -- month, quarter, date range …
    digest       TEXT NOT NULL,                 -- the digest printed in the QR code
    title        TEXT NOT NULL DEFAULT '',
    content_json TEXT NOT NULL,
    printed_at   TEXT NOT NULL,
    printed_by   TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX idx_print_log_digest ON print_log(digest);
CREATE INDEX idx_print_log_record ON print_log(kind, record_key);
CREATE INDEX idx_print_log_owner ON print_log(owner);
