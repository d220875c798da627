#!/usr/bin/env python3
"""Helpers of bench/serve.sh (standard library only).

  serve_load.py facts N OUT [--seed S]
      Writes N generated facts documents to OUT, one JSON document a line.
  serve_load.py load BASE TOKEN FACTS IDS [--threads T]
      Opens one case per line of FACTS through POST /api/v1/cases, T
      keep-alive connections at once; writes the new case ids to IDS (one a
      line) and prints the count, the wall time and the rate.
  serve_load.py create BASE TOKEN [--clients C] [--seconds S]
      C clients open cases through POST /api/v1/cases, each on its own
      keep-alive connection and without a case number (the server numbers
      them), as fast as they can for S seconds; prints the count, the errors
      and whether every number is unique (exit 1 on an error or a repeat).
  serve_load.py login BASE NAME PASSWORD
      Signs in through the form (GET /login for the CSRF field and cookie,
      then POST /login) and prints the session cookie's value.

The generated facts are varied but deterministic for a seed: arrivals over the
last six years (some long ago, some days ago), filed or not, zero to three
harms of every kind and ground, social groups, torture, bars, family and
exceptions, so that the assessments (and their deadlines) differ from case to
case the way a real caseload's do.
"""

import argparse
import datetime as dt
import http.client
import json
import random
import re
import sys
import threading
import time
import urllib.parse

COUNTRIES = ["SV", "GT", "HN", "MX", "VE", "NI", "CU", "HT", "CO", "EC", "CM", "ER",
             "AF", "RU", "CN", "IR", "UA", "TR", "IN", "BD", "NG", "CD", "SY", "MM"]
TRANSIT = ["MX", "GT", "PA", "CR", "HN", "NI", "CO", "ES", "TR", "BR"]
FIRST = ["Ana", "Luis", "María", "José", "Fatima", "Ahmad", "Olena", "Dmitri", "Mei",
         "Rahul", "Amina", "Carlos", "Yesenia", "Jean", "Marie", "Tesfaye", "Sara",
         "Omar", "Lucía", "Wei", "Nadia", "Pedro", "Grace", "Hassan", "Irina"]
LAST = ["García", "Hernández", "López", "Martínez", "Rodríguez", "Pérez", "Ali",
        "Khan", "Petrenko", "Ivanova", "Zhang", "Singh", "Okafor", "Mbeki", "Haile",
        "Joseph", "Pierre", "Gómez", "Díaz", "Castillo", "Morales", "Reyes", "Nguyen"]
HARM_KINDS = ["torture", "sexual_violence", "attempted_killing", "serious_physical_harm",
              "detention", "death_threat", "threat", "economic_deprivation",
              "property_destruction", "forced_recruitment", "forced_marriage",
              "harm_to_family", "prosecution", "harassment", "discrimination", "fgm"]
NEEDS_SEVERE = {"death_threat", "threat", "economic_deprivation", "property_destruction",
                "forced_recruitment", "forced_marriage", "harm_to_family", "prosecution",
                "detention"}
GROUNDS = ["race", "religion", "nationality", "political_opinion", "particular_social_group",
           "coercive_population_control"]
EXCEPTIONS = ["changed_country_conditions", "changed_law", "changed_personal_circumstances",
              "lost_derivative_status", "serious_illness_or_disability", "legal_disability",
              "ineffective_assistance", "lawful_status", "rejected_then_refiled",
              "death_or_illness_in_family"]
GROUP_DEFS = ["women unable to leave a domestic relationship", "former gang members who left",
              "family members of a police officer", "gay men", "witnesses who testified against a cartel",
              "members of an indigenous community opposed to a mine"]


def day(d):
    return d.isoformat()


def maybe(r, p, value, otherwise=None):
    return value if r.random() < p else otherwise


def facts(r, today):
    """One facts document of spec/facts.md (no `as_of`: the server's today)."""
    home = r.choice(COUNTRIES)
    birth = today - dt.timedelta(days=r.randint(15 * 365, 70 * 365))
    # Most arrivals in the last three years (one-year deadlines upcoming or
    # missed), some long ago, a few days ago.
    back = r.choice([r.randint(5, 360), r.randint(30, 3 * 365), r.randint(365, 6 * 365)])
    last = today - dt.timedelta(days=back)
    arrivals = []
    if r.random() < 0.15:  # an earlier visit
        arrivals.append({"date": day(last - dt.timedelta(days=r.randint(400, 3000))),
                         "manner": "admitted", "border": "air", "from_country": home,
                         "transit_countries": []})
    manner = r.choice(["admitted", "paroled", "presented_without_documents", "without_inspection"])
    border = "air" if manner in ("admitted", "paroled") and r.random() < 0.7 else r.choice(
        ["southwest_land", "northern_land", "sea"])
    transit = r.sample(TRANSIT, r.randint(0, 3)) if border != "air" else []
    arrival = {"date": day(last), "manner": manner, "border": border,
               "from_country": transit[-1] if transit else home, "transit_countries": transit}
    if border == "southwest_land":
        arrival["cbp_one_appointment"] = r.random() < 0.3
        arrival["protection_sought_in_transit"] = r.choice(["none", "none", "denied", "pending"])
    arrivals.append(arrival)
    doc = {
        "applicant": {"birth_date": day(birth), "nationality": [home],
                      "location": "in_us", "unaccompanied_child": r.random() < 0.05},
        "arrivals": arrivals,
    }
    if r.random() < 0.6:  # filed
        latest = min(today, last + dt.timedelta(days=700))
        filed = last + dt.timedelta(days=r.randint(1, max(1, (latest - last).days)))
        app = {"filed_on": day(min(filed, today)), "forum": r.choice(["affirmative", "defensive"]),
               "previously_denied": r.random() < 0.05}
        if r.random() < 0.2:
            app["clock_stopped_days"] = r.randint(0, 60)
        doc["application"] = app
    if r.random() < 0.2:
        began = last + dt.timedelta(days=r.randint(0, 200))
        exc = {"kind": r.choice(EXCEPTIONS), "began": day(min(began, today))}
        if r.random() < 0.5:
            exc["reasonable_delay"] = r.random() < 0.7
        doc["exceptions"] = [exc]
    groups = []
    harms = []
    for i in range(r.choice([0, 1, 1, 2, 2, 3])):
        kind = r.choice(HARM_KINDS)
        when = "past" if r.random() < 0.7 else "feared"
        h = {"id": f"h{i + 1}", "when": when, "kind": kind,
             "target": "applicant" if r.random() < 0.85 else "family_member",
             "actor": r.choice(["government", "non_state"])}
        if when == "past":
            h["date"] = day(last - dt.timedelta(days=r.randint(10, 2000)))
            h["injured"] = r.random() < 0.4
        if kind == "detention":
            h["detention_days"] = r.randint(1, 400)
        if kind in NEEDS_SEVERE:
            h["severe"] = maybe(r, 0.7, r.random() < 0.6)
        if h["actor"] == "non_state":
            h["authorities"] = r.choice(["unable_or_unwilling", "reporting_futile", "protected", "not_reported"])
        grounds = []
        for g in r.sample(GROUNDS, r.choice([0, 1, 1, 2])):
            ground = {"ground": g, "central": maybe(r, 0.8, r.random() < 0.8)}
            if g == "political_opinion":
                ground["imputed"] = r.random() < 0.3
            if g == "particular_social_group":
                gid = f"g{len(groups) + 1}"
                groups.append({"id": gid, "definition": r.choice(GROUP_DEFS),
                               "immutable": maybe(r, 0.8, True),
                               "particular": maybe(r, 0.5, r.random() < 0.7),
                               "socially_distinct": maybe(r, 0.5, r.random() < 0.7)})
                ground["group"] = gid
            grounds.append(ground)
        h["grounds"] = grounds
        harms.append(h)
    if harms:
        doc["harms"] = harms
    if groups:
        doc["groups"] = groups
    if r.random() < 0.8:
        doc["risk"] = {"afraid": True,
                       "persecution_likelihood": r.choice(["more_likely_than_not", "reasonable_possibility", "remote"])}
        if r.random() < 0.3:
            doc["risk"].update({"relocation_possible": r.random() < 0.3, "conditions_changed": r.random() < 0.1})
    if r.random() < 0.3:
        doc["torture"] = {"likelihood": r.choice(["more_likely_than_not", "possible", "remote"]),
                          "official_role": r.choice(["perpetrator", "consent", "acquiescence", "none"])}
    if r.random() < 0.7:
        crime = r.random() < 0.05
        doc["conduct"] = {"persecuted_others": False, "aggravated_felony": crime,
                          "particularly_serious_crime": False, "sentence_years": r.randint(1, 8) if crime else 0,
                          "serious_nonpolitical_crime": False, "danger_to_security": False,
                          "terrorist_activity": False}
    if r.random() < 0.5:
        doc["resettlement"] = {"offered_permanent_status": r.random() < 0.05}
    if r.random() < 0.3:
        fam = []
        for j in range(r.randint(1, 3)):
            rel = "spouse" if j == 0 and r.random() < 0.5 else "child"
            began = birth + dt.timedelta(days=r.randint(18 * 365, 40 * 365))
            began = min(began, today - dt.timedelta(days=30))
            fam.append({"id": f"f{j + 1}", "relation": rel,
                        **({"birth_date": day(began)} if rel == "child" else {}),
                        "married": rel == "spouse", "relationship_began": day(began),
                        "in_us": r.random() < 0.5, "on_application": r.random() < 0.6})
        doc["family"] = fam
    return doc


def cmd_facts(a):
    r = random.Random(a.seed)
    today = dt.date.today()
    with open(a.out, "w") as f:
        for _ in range(a.n):
            f.write(json.dumps(facts(r, today), ensure_ascii=False) + "\n")


def connection(base):
    u = urllib.parse.urlsplit(base)
    return http.client.HTTPConnection(u.hostname, u.port, timeout=60)


def cmd_load(a):
    docs = open(a.facts).read().splitlines()
    r = random.Random(7)
    ids = [None] * len(docs)
    errors = []
    next_i = iter(range(len(docs)))
    lock = threading.Lock()

    def worker():
        c = connection(a.base)
        while True:
            with lock:
                i = next(next_i, None)
            if i is None:
                return
            # An explicit case number: the default numbering counts the
            # year's cases in the transaction and races under concurrency.
            body = ('{"name": %s, "number": "B-%06d", "facts": %s}'
                    % (json.dumps(f"{r.choice(FIRST)} {r.choice(LAST)}"), i + 1, docs[i]))
            c.request("POST", "/api/v1/cases", body=body.encode(),
                      headers={"Authorization": f"Bearer {a.token}", "Content-Type": "application/json"})
            res = c.getresponse()
            out = res.read()
            if res.status == 201:
                ids[i] = json.loads(out)["id"]
            else:
                with lock:
                    errors.append((i, res.status, out[:300]))

    t0 = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(a.threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    secs = time.monotonic() - t0
    with open(a.ids, "w") as f:
        f.writelines(i + "\n" for i in ids if i)
    ok = sum(1 for i in ids if i)
    for i, status, out in errors[:5]:
        print(f"case {i}: HTTP {status}: {out!r}", file=sys.stderr)
    print(f"loaded={ok} errors={len(errors)} secs={secs:.2f} rate={ok / secs:.0f}")
    sys.exit(1 if errors else 0)


def cmd_create(a):
    numbers, errors = [], []
    lock = threading.Lock()
    stop = time.monotonic() + a.seconds

    def client(k):
        c = connection(a.base)
        mine, n = [], 0
        while time.monotonic() < stop:
            n += 1
            body = json.dumps({"name": f"Client {k}-{n}", "facts": {"arrivals": [{"date": "2026-01-05"}]}})
            try:
                c.request("POST", "/api/v1/cases", body=body.encode(),
                          headers={"Authorization": f"Bearer {a.token}", "Content-Type": "application/json"})
                res = c.getresponse()
                out = res.read()
            except (OSError, http.client.HTTPException) as e:
                with lock:
                    errors.append(("connection", repr(e)))
                c = connection(a.base)
                continue
            if res.status == 201:
                mine.append(json.loads(out)["number"])
            else:
                with lock:
                    errors.append((res.status, out[:300]))
        with lock:
            numbers.extend(mine)

    t0 = time.monotonic()
    threads = [threading.Thread(target=client, args=(k,)) for k in range(a.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    secs = time.monotonic() - t0
    repeats = len(numbers) - len(set(numbers))
    for e in errors[:5]:
        print(f"error: {e!r}", file=sys.stderr)
    print(f"clients={a.clients} created={len(numbers)} errors={len(errors)} repeated_numbers={repeats} "
          f"secs={secs:.1f} rate={len(numbers) / secs:.0f}")
    sys.exit(1 if errors or repeats else 0)


def cmd_login(a):
    c = connection(a.base)
    c.request("GET", "/login")
    res = c.getresponse()
    page = res.read().decode()
    form_cookie = re.search(r"refuge_form=([^;]+)", res.getheader("Set-Cookie") or "")
    csrf = re.search(r'name="csrf"\s+value="([^"]+)"', page) or re.search(r'value="([^"]+)"\s+name="csrf"', page)
    if not (form_cookie and csrf):
        sys.exit(f"login: no CSRF form on /login (HTTP {res.status})")
    body = urllib.parse.urlencode({"csrf": csrf.group(1), "name": a.name, "password": a.password})
    c.request("POST", "/login", body=body, headers={
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"refuge_form={form_cookie.group(1)}"})
    res = c.getresponse()
    res.read()
    session = re.search(r"refuge_session=([^;]+)", res.getheader("Set-Cookie") or "")
    if res.status != 303 or not session:
        sys.exit(f"login: sign-in failed (HTTP {res.status})")
    print(session.group(1))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    f = sub.add_parser("facts")
    f.add_argument("n", type=int)
    f.add_argument("out")
    f.add_argument("--seed", type=int, default=42)
    ld = sub.add_parser("load")
    for arg in ("base", "token", "facts", "ids"):
        ld.add_argument(arg)
    ld.add_argument("--threads", type=int, default=8)
    cr = sub.add_parser("create")
    for arg in ("base", "token"):
        cr.add_argument(arg)
    cr.add_argument("--clients", type=int, default=50)
    cr.add_argument("--seconds", type=float, default=60)
    lg = sub.add_parser("login")
    for arg in ("base", "name", "password"):
        lg.add_argument(arg)
    a = p.parse_args()
    {"facts": cmd_facts, "load": cmd_load, "create": cmd_create, "login": cmd_login}[a.cmd](a)


if __name__ == "__main__":
    main()
