#!/usr/bin/env python3
"""The one-year asylum deadline of a caseload, with pandas and NumPy.

What a data-savvy practitioner would write instead of `refuge screen`, for the
benchmark in bench/screen.sh. It computes only the one-year filing deadline
(INA § 208(a)(2)(B); 8 C.F.R. § 208.4(a)(2)(ii)) and its status, by the rule of
spec/deadlines.md:

- deadline: the last arrival (or 1997-04-01 if later) + 1 year, 29 February
  becoming 28 February, rolled forward past Saturdays, Sundays and legal
  holidays (the holiday list comes from `refuge screen --print-holidays`, so
  both sides use the same days);
- status: exempt for an unaccompanied child; once filed, met when filed
  (received), or proved mailed, on or before the deadline, missed otherwise;
  not yet filed, upcoming or passed as `as_of` is on or before it or after it.

Usage: screen_baseline.py INPUT.csv OUTPUT.csv --holidays FILE [--today YYYY-MM-DD]
Writes the CSV columns id, one_year_deadline, one_year_status.
"""
import argparse
import datetime

import numpy as np
import pandas as pd

EFFECTIVE = np.datetime64("1997-04-01", "D")
COLUMNS = ["id", "as_of", "last_arrival", "unaccompanied_child", "filed_on", "mailed_on"]


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("--holidays", required=True, help="one ISO date a line")
    p.add_argument("--today", default=datetime.date.today().isoformat())
    args = p.parse_args()

    holidays = np.loadtxt(args.holidays, dtype="M8[D]", ndmin=1)
    calendar = np.busdaycalendar(holidays=holidays)
    df = pd.read_csv(
        args.input, usecols=lambda c: c in COLUMNS, dtype=str, keep_default_na=False, na_values=[""]
    )
    n = len(df)

    def dates(col):
        if col not in df:
            return np.full(n, np.datetime64("NaT"), dtype="M8[D]")
        return pd.to_datetime(df[col], format="%Y-%m-%d").to_numpy().astype("M8[D]")

    as_of = dates("as_of")
    as_of[np.isnat(as_of)] = np.datetime64(args.today, "D")
    arrival = dates("last_arrival")
    known = ~np.isnat(arrival)

    # + 1 year, keeping month and day; 29 February into a common year gives 28 February.
    start = np.maximum(arrival[known], EFFECTIVE)
    month = start.astype("M8[M]")
    day = (start - month.astype("M8[D]")).astype(np.int64)
    next_month = month + 12
    anniversary = next_month.astype("M8[D]") + day
    overflow = anniversary.astype("M8[M]") != next_month
    anniversary[overflow] -= 1

    deadline = np.full(n, np.datetime64("NaT"), dtype="M8[D]")
    deadline[known] = np.busday_offset(anniversary, 0, roll="forward", busdaycal=calendar)

    uac = df["unaccompanied_child"].str.lower().isin(["true", "yes", "1"]).to_numpy() if "unaccompanied_child" in df else np.zeros(n, bool)
    filed = dates("filed_on")
    mailed = dates("mailed_on")
    is_filed = ~np.isnat(filed)
    status = np.select(
        [~known, uac, is_filed & ((mailed <= deadline) | (filed <= deadline)), is_filed, as_of <= deadline],
        ["", "exempt", "met", "missed", "upcoming"],
        "passed",
    )
    text = np.datetime_as_string(deadline, unit="D")
    text[~known] = ""
    ids = df["id"] if "id" in df else pd.Series(np.arange(2, n + 2).astype(str))
    pd.DataFrame({"id": ids, "one_year_deadline": text, "one_year_status": status}).to_csv(args.output, index=False)


if __name__ == "__main__":
    main()
