# The calendar feeds (crates/web/src/calendar.rs), in the user's language.
# A deadline's name and status are report.ftl's (`report-deadline-*`,
# `report-status-*`).

calendar-name-case = Refuge: case { $number }
calendar-name-all = Refuge deadlines
calendar-summary = { $label } (case { $number })
calendar-description = { $id }: { $label }. Status when last assessed: { $status }. Check the case in Refuge before acting.
calendar-in-days = { $days ->
    [1] Tomorrow
    [7] In a week
   *[other] In { $days } days
}
calendar-hearing = Immigration court hearing
calendar-interview = Asylum office interview
calendar-at = { $what } at { $time }
calendar-task-due = A task is due (open Refuge to see it)
