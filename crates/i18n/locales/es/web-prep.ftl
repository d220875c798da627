# Interview preparation's pages: the practice set, one question at a time,
# the printable page (crates/web/src/interview/). The questions themselves
# are the question bank's.

prep-title = Preparación para la entrevista: { $name }
prep-practice-title = Práctica: { $name }
