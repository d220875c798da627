#!/usr/bin/env python3
"""The one-year asylum deadline of a caseload, with Polars (streaming).

The Polars side of bench/screen.sh: what a data analyst would write with the
fastest dataframe tool at hand. Like bench/screen_baseline.py (pandas), it
computes only the one-year filing deadline (INA § 208(a)(2)(B); 8 C.F.R.
§ 208.4(a)(2)(ii)) and its status, by the same rule:

- deadline: the last arrival (or 1997-04-01 if later) + 1 year, 29 February
  becoming 28 February, rolled forward past Saturdays, Sundays and legal
  holidays, by a lookup table of each day's next business day (built from the
  holidays of `refuge screen --print-holidays`, so both sides use the same
  days);
- status: exempt for an unaccompanied child; once filed, met when filed
  (received), or proved mailed, on or before the deadline, missed otherwise;
  not yet filed, upcoming or passed as `as_of` is on or before it or after it.

Usage: screen_polars.py INPUT.csv OUTPUT.csv --holidays FILE [--today YYYY-MM-DD]
Writes the CSV columns id, one_year_deadline, one_year_status.
"""
import argparse
import datetime

import polars as pl

EFFECTIVE = datetime.date(1997, 4, 1)
DATES = ["as_of", "last_arrival", "filed_on", "mailed_on"]


def business_days(holidays_file):
    """Each day of the holidays' years, and the first business day on or after it."""
    holidays = {datetime.date.fromisoformat(l.strip()) for l in open(holidays_file) if l.strip()}
    first, last = min(holidays).replace(month=1, day=1), max(holidays).replace(month=12, day=31)
    days, rolled = [], []
    d = last
    nxt = None
    while d >= first:
        if d.weekday() < 5 and d not in holidays:
            nxt = d
        days.append(d)
        rolled.append(nxt)
        d -= datetime.timedelta(days=1)
    return pl.DataFrame({"anniversary": days, "deadline": rolled}).lazy()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("--holidays", required=True, help="one ISO date a line")
    p.add_argument("--today", default=datetime.date.today().isoformat())
    args = p.parse_args()
    today = datetime.date.fromisoformat(args.today)

    cases = pl.scan_csv(
        args.input,
        schema_overrides={c: pl.Utf8 for c in DATES + ["id", "unaccompanied_child"]},
        infer_schema=False,
    ).select(["id", "unaccompanied_child"] + DATES)
    date = lambda c: pl.col(c).str.to_date("%Y-%m-%d", strict=True)
    arrival = date("last_arrival")
    start = pl.when(arrival.is_not_null()).then(pl.max_horizontal(arrival, pl.lit(EFFECTIVE)))
    # + 1 year keeping month and day; 29 February into a common year gives 28 February.
    anniversary = start.dt.offset_by("1y")
    deadline = pl.col("deadline")
    filed, mailed = date("filed_on"), date("mailed_on")
    as_of = date("as_of").fill_null(pl.lit(today))
    uac = pl.col("unaccompanied_child").str.to_lowercase().is_in(["true", "yes", "1"]).fill_null(False)
    status = (
        pl.when(deadline.is_null()).then(pl.lit(""))
        .when(uac).then(pl.lit("exempt"))
        .when(filed.is_not_null() & ((mailed <= deadline).fill_null(False) | (filed <= deadline)))
        .then(pl.lit("met"))
        .when(filed.is_not_null()).then(pl.lit("missed"))
        .when(as_of <= deadline).then(pl.lit("upcoming"))
        .otherwise(pl.lit("passed"))
    )
    out = (
        cases.with_columns(anniversary.alias("anniversary"))
        .join(business_days(args.holidays), on="anniversary", how="left", maintain_order="left")
        .select(
            pl.col("id"),
            deadline.dt.strftime("%Y-%m-%d").fill_null("").alias("one_year_deadline"),
            status.alias("one_year_status"),
        )
    )
    out.sink_csv(args.output, engine="streaming")


if __name__ == "__main__":
    main()
