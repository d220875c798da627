#!/usr/bin/env python3
"""The one-year asylum deadline of a caseload, with DuckDB (SQL).

The DuckDB side of bench/screen.sh: what a data analyst would write in SQL.
Like bench/screen_baseline.py (pandas), it computes only the one-year filing
deadline (INA § 208(a)(2)(B); 8 C.F.R. § 208.4(a)(2)(ii)) and its status, by
the same rule:

- deadline: the last arrival (or 1997-04-01 if later) + 1 year, 29 February
  becoming 28 February, rolled forward past Saturdays, Sundays and legal
  holidays (a table of each day's next business day, from the holidays of
  `refuge screen --print-holidays`, so both sides use the same days);
- status: exempt for an unaccompanied child; once filed, met when filed
  (received), or proved mailed, on or before the deadline, missed otherwise;
  not yet filed, upcoming or passed as `as_of` is on or before it or after it.

Usage: screen_duckdb.py INPUT.csv OUTPUT.csv --holidays FILE [--today YYYY-MM-DD]
Writes the CSV columns id, one_year_deadline, one_year_status.
"""
import argparse
import datetime

import duckdb


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("--holidays", required=True, help="one ISO date a line")
    p.add_argument("--today", default=datetime.date.today().isoformat())
    args = p.parse_args()
    datetime.date.fromisoformat(args.today)  # a bad date is refused here, not in SQL

    db = duckdb.connect()
    db.execute(
        "CREATE TABLE holidays AS SELECT column0::DATE AS day FROM read_csv(?, header = false, columns = {'column0': 'VARCHAR'})",
        [args.holidays],
    )
    # Each day of the holidays' years and the first business day on or after it.
    first, last = db.execute("SELECT min(day), max(day) FROM holidays").fetchone()
    db.execute(
        """
        CREATE TABLE business AS
        WITH days AS (
            SELECT d::DATE AS day FROM range(?::DATE, ?::DATE, INTERVAL 1 DAY) t(d)
        )
        SELECT day AS anniversary,
               min(CASE WHEN isodow(day) < 6 AND day NOT IN (SELECT day FROM holidays) THEN day END)
                 OVER (ORDER BY day ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS deadline
        FROM days
        """,
        [datetime.date(first.year, 1, 1), datetime.date(last.year + 1, 1, 1)],
    )
    db.execute(f"""
        COPY (
            WITH cases AS (
                SELECT row_number() OVER () AS n, id, unaccompanied_child,
                       strptime(as_of, '%Y-%m-%d')::DATE AS as_of,
                       strptime(last_arrival, '%Y-%m-%d')::DATE AS arrival,
                       strptime(filed_on, '%Y-%m-%d')::DATE AS filed,
                       strptime(mailed_on, '%Y-%m-%d')::DATE AS mailed
                FROM read_csv(?, header = true, all_varchar = true)
            ), due AS (
                -- + 1 year keeps month and day; 29 February into a common year gives 28 February.
                SELECT c.*, b.deadline
                FROM cases c LEFT JOIN business b
                  -- (greatest() skips a NULL: a row without an arrival has no deadline)
                  ON c.arrival IS NOT NULL
                 AND b.anniversary = (greatest(c.arrival, DATE '1997-04-01') + INTERVAL 1 YEAR)::DATE
            )
            SELECT id,
                   coalesce(strftime(deadline, '%Y-%m-%d'), '') AS one_year_deadline,
                   CASE
                     WHEN deadline IS NULL THEN ''
                     WHEN lower(unaccompanied_child) IN ('true', 'yes', '1') THEN 'exempt'
                     WHEN filed IS NOT NULL AND (coalesce(mailed <= deadline, false) OR filed <= deadline) THEN 'met'
                     WHEN filed IS NOT NULL THEN 'missed'
                     WHEN coalesce(as_of, DATE '{args.today}') <= deadline THEN 'upcoming'
                     ELSE 'passed'
                   END AS one_year_status
            FROM due
            ORDER BY n
        ) TO '{args.output.replace("'", "''")}' (HEADER, DELIMITER ',', PRESERVE_ORDER true)
    """, [args.input])


if __name__ == "__main__":
    main()
