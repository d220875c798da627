# The facts form and the client interview (crates/web/src/facts/).

facts-title = Hechos: { $name }
facts-interview-title = Entrevista: { $name }
