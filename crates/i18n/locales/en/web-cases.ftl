# Cases: the list, a new case, the case page, its history and printable
# report (crates/web/src/cases/).

cases-list-title = Cases
cases-new-title = New case
cases-case-title = { $name }
cases-history-title = History: { $name }
cases-archived = Archived cases
cases-export = Export the case list (CSV)
cases-export-archived-included = , archived cases included.
cases-search-label = Name, case number, or words in a note or the facts (a harm's narrative, a group's definition)
cases-due-any = any
cases-due-within = within { $days } days or overdue
cases-archived-filter = Archived
cases-search = Search
cases-none-found = No cases found.
cases-open-first = Open the first one
cases-col-client = Client
cases-col-number = Case number
cases-col-next-deadline = Next deadline
cases-col-last-change = Last change
cases-none = none

cases-new-client-name = Client's name
cases-new-number = Case number (optional; default: the next number of the year)
cases-new-arrival = Date of last arrival in the United States (optional)
cases-new-open = Open case
cases-new-error-name = Client's name: enter 1 to 200 characters.
cases-new-error-number-long = Case number: at most 64 characters.
cases-new-error-number = Case number: { $problem }.
cases-new-error-arrival = Date of last arrival: { $problem }.

cases-case-number = Case { $number }
cases-facts-version = facts version { $version }
cases-assessed = assessed as of { $date } under law { $law }
cases-archived-mark = archived
cases-action-interview = Continue interview
cases-action-facts = Edit facts
cases-action-application = Application (I-589)
cases-action-readiness = Ready to file?
cases-action-timeline = Timeline
cases-action-evidence = Evidence checklist
cases-action-practice = Interview preparation
cases-action-calendar = Calendar (.ics)
cases-action-report = Printable report
cases-action-memo = Download memo (PDF)
cases-action-answers = I-589 answers (PDF)
cases-action-uploads = Uploads and exhibits
cases-action-packet = Download exhibit packet (PDF)
cases-action-declaration-pdf = Declaration draft (PDF)
cases-action-declaration-md = Declaration draft (Markdown)
cases-action-facts-json = Facts (JSON)
cases-undo-reopen = Undo: reopen the case
cases-facts-error = The stored facts cannot be assessed: { $problem }.
cases-facts-correct = Correct them
cases-assessment-full = The assessment in full
cases-assessment-full-intro = Every relief, finding with its citations, date, question, family member and warning.
cases-notes = Notes
cases-note-add-label = Add a note
cases-note-add = Add note
cases-note-edited = edited
cases-note-edit-or-remove = Edit or remove
cases-note-text = Text
cases-note-save = Save note
cases-note-remove = Remove note
cases-tasks = Tasks
cases-tasks-none = No tasks yet.
cases-task-reopen = reopen
cases-task-done = mark done
cases-task-new = New task
cases-task-for = For
cases-task-due = Due
cases-task-add = Add task
cases-task-idea-act = Act before { $date }: { $what }
cases-task-idea-ask = Ask the client: { $question }
cases-team = Team
cases-team-remove = remove
cases-team-everyone = Every active user is on the team.
cases-team-assign-label = Assign a colleague
cases-team-choose = choose…
cases-team-assign = Assign
cases-reopen = Reopen case
cases-archive = Archive case…
cases-archive-explain = Archiving takes case { $number } ({ $name }) out of the case list, the dashboard and the calendar feeds; nothing is deleted, and it can be reopened from the archived cases.
cases-archive-confirm = Yes, archive case { $number }

# What the last action did, on the case page after it.
cases-done-archived = Case archived: it no longer appears in the case list, on the dashboard or in the calendar feeds. Undo below, or reopen it at any time from the archived cases.
cases-done-reopened = Case reopened: it is back in the case list and on the dashboard.
cases-done-note = Note added.
cases-done-task = Task added: it is on the assignee's dashboard.
cases-done-note-edited = Note saved; its earlier text is kept in its versions.
cases-done-note-removed = Note removed; its text is kept in its versions and the audit log.
cases-done-law-reviewed = The change of the law is marked reviewed (recorded in the audit log).
cases-done-team = Team updated.
cases-done-facts-unchanged = Facts saved as version { $version }: nothing changed.
cases-done-facts = Facts saved as version { $version }: { $changes }.
cases-done-facts-many = Facts saved as version { $version }: { $count } facts changed (see the facts history).

cases-history-heading = Facts history
cases-history-fact = Fact
cases-history-unknown = unknown
cases-history-unchanged = No change to the facts.

cases-report-title = Case { $number }: { $name } · Refuge assessment
cases-report-heading = Refuge assessment
cases-report-meta = As of { $date }; law parameter set { $law }, reviewed on { $reviewed }.

# Refusals of the case page's small forms.
cases-error-note = a note needs 1 to 20,000 characters
cases-error-note-edit = a note needs 1 to 20,000 characters; to take it away, remove it
cases-error-no-user = no user is named "{ $name }": go back and pick a colleague from the list
cases-error-task-title = title: a task needs 1 to 300 characters
cases-error-task-due = due: a day of the form YYYY-MM-DD
cases-error-task-assignee = assignee: a task goes to someone on the case's team
