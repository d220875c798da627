//! What can go wrong: a whole run ([`ScreenError`], a usage error) or one row
//! ([`RowError`], counted and reported while the run goes on).

use std::fmt;

/// An error that stops the run before or while it reads: a usage error
/// (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum ScreenError {
    #[error("{0}")]
    Usage(String),
    #[error("cannot read {path}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot write {path}")]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[error("the CSV header has unknown columns: {}; the columns are: {}", .unknown.join(", "), .known.join(", "))]
    UnknownColumns {
        unknown: Vec<String>,
        known: Vec<&'static str>,
    },
    #[error("the CSV header names the column {0} twice")]
    RepeatedColumn(String),
    #[error("cannot read the CSV input: {0}")]
    Csv(#[from] csv::Error),
}

/// A row that cannot be assessed: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The line of the input the row starts on (1 is the CSV header).
    pub line: u64,
    /// The cell or field at fault.
    pub place: Place,
    /// What is wrong, in lower case.
    pub problem: String,
}

/// Where in a row the problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The row as a whole (a wrong number of cells, a line that is not JSON).
    Row,
    /// A CSV column, by its header name.
    Column(&'static str),
    /// A field of a JSON facts document, by its path (`arrivals[0].date`).
    Field(String),
}

impl Place {
    /// The column name or field path; empty for the whole row.
    pub fn name(&self) -> &str {
        match self {
            Place::Row => "",
            Place::Column(c) => c,
            Place::Field(f) => f,
        }
    }
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.place {
            Place::Row => write!(f, "line {}: {}", self.line, self.problem),
            Place::Column(c) => write!(f, "line {}, column {c}: {}", self.line, self.problem),
            Place::Field(p) => write!(f, "line {}, field {p}: {}", self.line, self.problem),
        }
    }
}

impl std::error::Error for RowError {}
