# The facts form and the client interview (crates/web/src/facts/).

facts-title = Facts: { $name }
facts-interview-title = Interview: { $name }
