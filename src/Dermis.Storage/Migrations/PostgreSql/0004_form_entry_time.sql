-- When a form was first entered: data-entry lag (entry − visit date) is a site KPI. Forms entered
-- before this column existed take their last update time, the best record there is.
ALTER TABLE form_data ADD COLUMN created_at TEXT;
UPDATE form_data SET created_at = updated_at;
CREATE INDEX visit_date ON visit (visit_date);
