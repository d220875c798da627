-- The dashboard lists the dates still to act on, soonest first: a partial
-- index holds exactly those, in that order, with what the page shows.
CREATE INDEX deadlines_open ON deadlines (date, case_id, deadline_id, label)
WHERE status IN ('upcoming', 'missed');
