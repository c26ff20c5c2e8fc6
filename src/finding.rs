//! Findings: what `check` reports. Every problem in the inputs becomes one
//! finding with a location (file › sheet › cell) and a sentence an officer
//! understands; importers collect them and keep going, so one run lists
//! every problem (STYLE.md §6).

pub mod kunci;

pub use kunci::Kunci;
use serde::Serialize;
use std::fmt;

/// How bad a finding is. `Error` makes `check` exit 1 and blocks a final build.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Where a finding points: an input file, optionally a sheet and a cell
/// (or a row, or the header that was looked for).
#[derive(Serialize, Clone, Debug, PartialEq, Eq, Default)]
pub struct Location {
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
}

impl Location {
    pub fn file(file: impl Into<String>) -> Self {
        Location {
            file: file.into(),
            sheet: None,
            cell: None,
        }
    }

    pub fn sheet(file: impl Into<String>, sheet: impl Into<String>) -> Self {
        Location {
            file: file.into(),
            sheet: Some(sheet.into()),
            cell: None,
        }
    }

    pub fn cell(file: impl Into<String>, sheet: impl Into<String>, cell: impl Into<String>) -> Self {
        Location {
            file: file.into(),
            sheet: Some(sheet.into()),
            cell: Some(cell.into()),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(s) = &self.sheet {
            write!(f, " › {s}")?;
        }
        if let Some(c) = &self.cell {
            write!(f, " › {c}")?;
        }
        Ok(())
    }
}

/// One problem (or remark) about the inputs.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    /// A stable identifier of the rule, for machines (`amount-not-number`).
    pub code: &'static str,
    pub location: Location,
    /// The sentence shown to the officer, in Indonesian.
    pub message: String,
    /// The rows of the report it concerns, where the stage that found it
    /// knows them (the draft marks them); else `review::Subjects` finds
    /// them by the location.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub kunci: Vec<Kunci>,
}

impl Finding {
    pub fn new(severity: Severity, code: &'static str, location: Location, message: impl Into<String>) -> Finding {
        Finding {
            severity,
            code,
            location,
            message: message.into(),
            kunci: Vec::new(),
        }
    }

    /// Says which row of the report the finding concerns.
    pub fn concerns(&mut self, k: Kunci) -> &mut Finding {
        self.kunci.push(k);
        self
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}[{}]: {}: {}",
            self.severity.label(),
            self.code,
            self.location,
            self.message
        )
    }
}

/// The findings of one run, in the order they were found.
#[derive(Default, Debug, Clone)]
pub struct Findings(Vec<Finding>);

impl Findings {
    pub fn new() -> Self {
        Findings(Vec::new())
    }

    pub fn push(&mut self, f: Finding) {
        self.0.push(f);
    }

    /// Adds a finding; the returned one can say what it concerns.
    pub fn add(
        &mut self,
        severity: Severity,
        code: &'static str,
        location: Location,
        message: impl Into<String>,
    ) -> &mut Finding {
        self.0.push(Finding::new(severity, code, location, message));
        let last = self.0.len() - 1;
        &mut self.0[last]
    }

    pub fn error(&mut self, code: &'static str, location: Location, message: impl Into<String>) -> &mut Finding {
        self.add(Severity::Error, code, location, message)
    }

    pub fn warning(&mut self, code: &'static str, location: Location, message: impl Into<String>) -> &mut Finding {
        self.add(Severity::Warning, code, location, message)
    }

    pub fn info(&mut self, code: &'static str, location: Location, message: impl Into<String>) -> &mut Finding {
        self.add(Severity::Info, code, location, message)
    }

    pub fn extend(&mut self, other: Findings) {
        self.0.extend(other.0);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|f| f.severity == Severity::Error)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.0.iter().filter(|f| f.severity == severity).count()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Finding> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Errors first, then warnings, then info; each in the order found.
    pub fn sorted(&self) -> Vec<&Finding> {
        let mut v: Vec<&Finding> = self.0.iter().collect();
        v.sort_by_key(|f| f.severity);
        v
    }

    /// The findings added since there were `start`.
    pub fn since_mut(&mut self, start: usize) -> &mut [Finding] {
        let start = start.min(self.0.len());
        &mut self.0[start..]
    }

    pub fn into_vec(self) -> Vec<Finding> {
        self.0
    }
}
