-- A date's kind, as the engine gives it (`last_day`, `first_day`, `record`).
-- A last day to act that has passed with nothing done (status `passed`) is
-- overdue, and the dashboard must show it: a passed one-year date may still
-- be argued under an exception, and an unpaid annual fee may lead to rejection.
ALTER TABLE deadlines ADD COLUMN kind TEXT NOT NULL DEFAULT '';
UPDATE deadlines SET kind = 'last_day'
WHERE deadline_id IN ('asylum.one_year', 'i730.deadline')
   OR deadline_id LIKE 'asylum.annual_fee%'
   OR deadline_id LIKE 'family.%.age_21';
UPDATE deadlines SET kind = 'record' WHERE deadline_id = 'lpr.date';
UPDATE deadlines SET kind = 'first_day' WHERE kind = '';

-- The dates still to act on: upcoming, missed, or a last day passed.
DROP INDEX deadlines_open;
CREATE INDEX deadlines_open ON deadlines (date, case_id, deadline_id, label)
WHERE status IN ('upcoming', 'missed') OR (status = 'passed' AND kind = 'last_day');

UPDATE cases SET next_deadline = (
    SELECT MIN(d.date) FROM deadlines d
    WHERE d.case_id = cases.id
      AND (d.status IN ('upcoming', 'missed') OR (d.status = 'passed' AND d.kind = 'last_day'))
);
