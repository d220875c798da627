# The dashboard: deadlines, tasks and interviews across the user's cases
# (crates/web/src/dashboard.rs).

dashboard-title = Deadlines
dashboard-heading = Deadlines across your cases
dashboard-my-tasks = My tasks
dashboard-interviews = Interviews and hearings
dashboard-case = case { $number } ({ $name })
dashboard-due = due { $date }
dashboard-overdue = overdue
dashboard-within-30-days = within 30 days
dashboard-in-days = in { $days } { $days ->
    [one] day
   *[other] days
}
dashboard-today = today
dashboard-at-time = at { $time }
dashboard-hearing = Immigration court hearing
dashboard-interview = Asylum office interview
dashboard-intro = Soonest first, as of { $date }. Overdue dates and those within 30 days are highlighted.
dashboard-met-hidden = Dates already met are hidden:
dashboard-show-all = show every date
dashboard-hide-met = Hide dates already met
dashboard-export = Export every date (CSV)
dashboard-no-dates = No dates yet.
dashboard-open-case = Open a case
dashboard-record-arrival = and record the arrival to see its one-year deadline.
dashboard-col-date = Date
dashboard-col-days-left = Days left
dashboard-col-case = Case
dashboard-col-what = What
dashboard-col-status = Status
dashboard-pages = Pages
dashboard-sooner = Sooner dates
dashboard-later = Later dates
dashboard-add-to-calendar = Add these dates to Outlook or Google Calendar

# A deadline's status, as the engine gives it.
deadline-status-met = met
deadline-status-missed = missed
deadline-status-upcoming = upcoming
deadline-status-passed = passed
