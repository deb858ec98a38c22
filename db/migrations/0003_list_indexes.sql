-- 0003_list_indexes: indexes that serve the lists' ORDER BY with the rowid as the tie-break
-- (lingqiu_desktop/data/listing.py). Every SQLite index ends with the rowid, so (visit_date) serves
-- ORDER BY visit_date, rowid, and (kind, visit_date) the visit list sorted by kind, without a sort step.
DROP INDEX idx_visit_date;
CREATE INDEX idx_visit_date ON visit(visit_date);
CREATE INDEX idx_visit_kind ON visit(kind, visit_date);
CREATE INDEX idx_household_village_name ON household(village_id, head_name);
DROP INDEX idx_household_village;
