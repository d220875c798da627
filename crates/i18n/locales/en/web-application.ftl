# The application (Form I-589) pages: the form, "Ready to file?", the
# timeline, the evidence and the history (crates/web/src/application/).

application-title = Application: { $name }
application-readiness-title = Ready to file? { $name }
application-timeline-title = Timeline: { $name }
application-evidence-title = Evidence: { $name }
application-history-title = Application history: { $name }
application-history-item = Item
application-history-not-answered = not answered
application-history-unchanged = No change to the application.
