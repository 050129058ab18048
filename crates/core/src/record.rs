//! Trial records and their text forms (CSV, JSON), produced by one formatter so every front end
//! writes identical text.

use crate::config::Config;
use crate::format::num;
use crate::schedule::Schedule;
use serde::Serialize;
use std::io::{self, Write};

/// The phase a trial belongs to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    /// No rotation (before it starts, or when the rotation is 0°).
    #[default]
    Baseline,
    /// The cursor is rotated.
    Rotation,
    /// The rotation has been removed again.
    Washout,
    /// GPi output has been switched off.
    GpiOff,
    /// A probe trial run by an analysis, without learning.
    Probe,
}

impl Phase {
    /// Every phase, in the order of their numeric codes.
    pub const ALL: [Phase; 5] = [
        Phase::Baseline,
        Phase::Rotation,
        Phase::Washout,
        Phase::GpiOff,
        Phase::Probe,
    ];

    /// The name used in CSV and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Baseline => "baseline",
            Phase::Rotation => "rotation",
            Phase::Washout => "washout",
            Phase::GpiOff => "gpi-off",
            Phase::Probe => "probe",
        }
    }

    /// A small integer code (index in [`Phase::ALL`]), for typed arrays.
    pub fn code(self) -> u8 {
        self as u8
    }
}

/// One trial's outcome, with the fields of docs/model.md (their text forms: [`FIELDS`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct TrialRecord {
    /// Trial number, from 1.
    pub trial: u32,
    /// The phase of the experiment.
    pub phase: Phase,
    /// Target direction, degrees.
    pub target_deg: f64,
    /// Hand direction at the end of the reach, degrees.
    pub hand_deg: f64,
    /// Cursor direction (hand rotated by φ), degrees.
    pub cursor_deg: f64,
    /// Cursor error, degrees in (−180, 180].
    pub error_deg: f64,
    /// Reward in [0, 1].
    pub reward: f64,
    /// Reward prediction error δ (the dopamine signal).
    pub rpe: f64,
    /// Whether the hand covered the target distance before the trial ended.
    pub executed: bool,
    /// Time from go to the target distance, ms (`None` if not executed).
    pub reach_ms: Option<f64>,
    /// Mean |z|/N during the movement.
    pub amplitude: f64,
}

/// A record's field as its text forms and handovers carry it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cell {
    /// A whole number.
    Whole(u32),
    /// The phase (its name in text, its code in numbers).
    Phase(Phase),
    /// A number.
    Number(f64),
    /// A yes/no (1/0 in CSV and numbers).
    Flag(bool),
    /// A number that may be missing (empty in CSV, `null` in JSON, NaN in numbers).
    Maybe(Option<f64>),
}

impl Cell {
    fn csv(self) -> String {
        match self {
            Cell::Whole(n) => n.to_string(),
            Cell::Phase(p) => p.as_str().to_string(),
            Cell::Number(x) => num(x),
            Cell::Flag(b) => u8::from(b).to_string(),
            Cell::Maybe(x) => x.map(num).unwrap_or_default(),
        }
    }

    fn json(self) -> String {
        match self {
            Cell::Phase(p) => format!("\"{}\"", p.as_str()),
            Cell::Flag(b) => b.to_string(),
            Cell::Maybe(None) => "null".to_string(),
            other => other.csv(),
        }
    }

    /// The field as one number: typed-array columns and handovers carry it so.
    pub fn number(self) -> f64 {
        match self {
            Cell::Whole(n) => f64::from(n),
            Cell::Phase(p) => f64::from(p.code()),
            Cell::Number(x) => x,
            Cell::Flag(b) => f64::from(u8::from(b)),
            Cell::Maybe(x) => x.unwrap_or(f64::NAN),
        }
    }
}

/// One field of a trial record: its name (CSV header, JSON key, column name), how it is read,
/// and how it is set back from its number with the range a handover may carry (`None` if the
/// number is not one the field can hold).
pub struct Field {
    /// The name in CSV, JSON and columns.
    pub name: &'static str,
    /// Reads it.
    pub get: fn(&TrialRecord) -> Cell,
    /// Sets it from its number, if the number is one it can hold.
    pub put: fn(&mut TrialRecord, f64) -> Option<()>,
}

/// `x` if it lies in [min, max] (so it is finite).
fn within(x: f64, min: f64, max: f64) -> Option<f64> {
    (x >= min && x <= max).then_some(x)
}

/// `x` as a whole number in [0, max].
fn whole(x: f64, max: u32) -> Option<u32> {
    within(x, 0.0, f64::from(max))
        .filter(|x| x.fract() == 0.0)
        .map(|x| x as u32)
}

/// Rounding room for values that are 0–1 or ±1 by construction.
const ROOM: f64 = 1e-9;

/// The fields of a trial record, in the order of every text form and handover: the one list
/// of them (the struct aside).
pub const FIELDS: &[Field] = &[
    Field {
        name: "trial",
        get: |r| Cell::Whole(r.trial),
        put: |r, x| whole(x, u32::MAX).map(|v| r.trial = v),
    },
    Field {
        name: "phase",
        get: |r| Cell::Phase(r.phase),
        put: |r, x| {
            let code = whole(x, 255)? as usize;
            Phase::ALL.get(code).map(|&p| r.phase = p)
        },
    },
    Field {
        name: "target_deg",
        get: |r| Cell::Number(r.target_deg),
        put: |r, x| within(x, -360.0, 360.0).map(|v| r.target_deg = v),
    },
    Field {
        name: "hand_deg",
        get: |r| Cell::Number(r.hand_deg),
        put: |r, x| within(x, -360.0, 360.0).map(|v| r.hand_deg = v),
    },
    Field {
        name: "cursor_deg",
        get: |r| Cell::Number(r.cursor_deg),
        put: |r, x| within(x, -360.0, 360.0).map(|v| r.cursor_deg = v),
    },
    Field {
        name: "error_deg",
        get: |r| Cell::Number(r.error_deg),
        put: |r, x| within(x, -180.0, 180.0).map(|v| r.error_deg = v),
    },
    Field {
        name: "reward",
        get: |r| Cell::Number(r.reward),
        put: |r, x| within(x, -ROOM, 1.0 + ROOM).map(|v| r.reward = v),
    },
    Field {
        name: "rpe",
        get: |r| Cell::Number(r.rpe),
        put: |r, x| within(x, -1.0 - ROOM, 1.0 + ROOM).map(|v| r.rpe = v),
    },
    Field {
        name: "executed",
        get: |r| Cell::Flag(r.executed),
        put: |r, x| whole(x, 1).map(|v| r.executed = v == 1),
    },
    Field {
        name: "reach_ms",
        get: |r| Cell::Maybe(r.reach_ms),
        put: |r, x| {
            r.reach_ms = if x.is_nan() {
                None
            } else {
                Some(within(x, 0.0, 1e7)?)
            };
            Some(())
        },
    },
    Field {
        name: "amplitude",
        get: |r| Cell::Number(r.amplitude),
        put: |r, x| within(x, 0.0, 1e6).map(|v| r.amplitude = v),
    },
];

/// The CSV header: the field names.
pub fn csv_header() -> String {
    FIELDS.iter().map(|f| f.name).collect::<Vec<_>>().join(",")
}

/// The CSV header of a comparison's records: a first column `run`, then the fields.
pub fn csv_runs_header() -> String {
    format!("run,{}", csv_header())
}

/// The numeric columns, for typed arrays: every field but the phase (whose codes have their own
/// array), and `abs_error` after `error_deg`. `executed` is 0/1; `reach_ms` is NaN when the reach
/// was not executed.
pub fn column_names() -> Vec<&'static str> {
    let mut names = Vec::new();
    for f in FIELDS.iter().filter(|f| f.name != "phase") {
        names.push(f.name);
        if f.name == "error_deg" {
            names.push("abs_error");
        }
    }
    names
}

/// The column `name` of `records` (see [`column_names`]), or an error listing the columns.
pub fn column(records: &[TrialRecord], name: &str) -> Result<Vec<f64>, String> {
    if name == "abs_error" {
        return Ok(records.iter().map(|r| r.error_deg.abs()).collect());
    }
    let field = FIELDS
        .iter()
        .find(|f| f.name == name && f.name != "phase")
        .ok_or_else(|| {
            format!(
                "column {:?} is not one of: {}",
                crate::format::short(name, crate::format::QUOTED),
                column_names().join(", ")
            )
        })?;
    Ok(records.iter().map(|r| (field.get)(r).number()).collect())
}

impl TrialRecord {
    /// The record as one CSV row (no newline), fields in [`FIELDS`] order.
    pub fn csv_row(&self) -> String {
        let cells: Vec<String> = FIELDS.iter().map(|f| (f.get)(self).csv()).collect();
        cells.join(",")
    }

    /// The record as one JSON object (no newline).
    pub fn json(&self) -> String {
        let pairs: Vec<String> = FIELDS
            .iter()
            .map(|f| format!("\"{}\":{}", f.name, (f.get)(self).json()))
            .collect();
        format!("{{{}}}", pairs.join(","))
    }

    /// The record as numbers, one per field (a handover carries these).
    pub fn words(&self) -> impl Iterator<Item = f64> + '_ {
        FIELDS.iter().map(move |f| (f.get)(self).number())
    }

    /// A record from its numbers (as [`TrialRecord::words`] gives them), or the name of the first
    /// field whose number it cannot hold. A reach time goes with an executed reach only.
    pub fn from_words(words: &[f64]) -> Result<TrialRecord, &'static str> {
        let mut r = TrialRecord::default();
        if words.len() != FIELDS.len() {
            return Err("record length");
        }
        for (f, &x) in FIELDS.iter().zip(words) {
            (f.put)(&mut r, x).ok_or(f.name)?;
        }
        if r.executed != r.reach_ms.is_some() {
            return Err("reach_ms");
        }
        Ok(r)
    }
}

/// The text forms of trial records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A header line, then one row per record.
    Csv,
    /// One JSON object per line.
    Jsonl,
    /// One JSON document: version, seed, configuration, schedule and records (a comparison: one
    /// such object per run).
    Json,
}

/// Writes the records of a run, or of a comparison's runs one after the other, as they are made.
/// The in-memory exports ([`csv`], [`json_document`], …) are this writer on a buffer, so a file
/// streamed by the CLI and one exported by the page are the same text.
pub struct Writer<W: Write> {
    out: W,
    format: Format,
    comparison: bool,
    /// The run being written (named in each row of a comparison).
    run: String,
    /// Runs begun so far.
    runs: usize,
    /// Records of the current run written so far.
    items: usize,
}

/// The end of a run's JSON records (a comparison's runs end without the newline).
const JSON_TAIL: &str = "\n]}";

impl<W: Write> Writer<W> {
    /// A writer of `format` into `out`, for one run or for a comparison's runs; writes the head.
    pub fn new(mut out: W, format: Format, comparison: bool) -> io::Result<Self> {
        match (format, comparison) {
            (Format::Csv, false) => writeln!(out, "{}", csv_header())?,
            (Format::Csv, true) => writeln!(out, "{}", csv_runs_header())?,
            (Format::Json, true) => writeln!(
                out,
                "{{\"format\":\"bgloop-comparison\",\"version\":{VERSION},\"runs\":["
            )?,
            _ => {}
        }
        Ok(Writer {
            out,
            format,
            comparison,
            run: String::new(),
            runs: 0,
            items: 0,
        })
    }

    /// Starts the records of run `name`, which runs `config` with `schedule`.
    pub fn begin_run(
        &mut self,
        name: &str,
        config: &Config,
        schedule: &Schedule,
    ) -> io::Result<()> {
        if self.format == Format::Json {
            if self.comparison && self.runs > 0 {
                writeln!(self.out, ",")?;
            }
            let name = self.comparison.then_some(name);
            write!(self.out, "{}", json_head(name, config, schedule))?;
        }
        self.run = name.to_string();
        self.runs += 1;
        self.items = 0;
        Ok(())
    }

    /// Writes one record of the current run.
    pub fn record(&mut self, r: &TrialRecord) -> io::Result<()> {
        let (out, run) = (&mut self.out, &self.run);
        match (self.format, self.comparison) {
            (Format::Csv, false) => writeln!(out, "{}", r.csv_row())?,
            (Format::Csv, true) => writeln!(out, "{run},{}", r.csv_row())?,
            (Format::Jsonl, false) => writeln!(out, "{}", r.json())?,
            (Format::Jsonl, true) => {
                let body = r.json();
                writeln!(out, "{{\"run\":\"{run}\",{}", &body[1..])?;
            }
            (Format::Json, _) => {
                let sep = if self.items > 0 { "," } else { "" };
                write!(out, "{sep}\n  {}", r.json())?;
            }
        }
        self.items += 1;
        Ok(())
    }

    /// Ends the current run's records.
    pub fn end_run(&mut self) -> io::Result<()> {
        if self.format == Format::Json {
            let nl = if self.comparison { "" } else { "\n" };
            write!(self.out, "{JSON_TAIL}{nl}")?;
        }
        Ok(())
    }

    /// Ends the document and flushes; returns the output.
    pub fn finish(mut self) -> io::Result<W> {
        if self.format == Format::Json && self.comparison {
            write!(self.out, "\n]}}\n")?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

/// A run's name, configuration, schedule and records, as the in-memory exports take them.
pub type Run<'a> = (&'a str, &'a Config, &'a Schedule, &'a [TrialRecord]);

/// `runs` written whole by a [`Writer`] of `format` into a string.
fn written(format: Format, runs: &[Run<'_>], comparison: bool) -> String {
    let mut buffer = Vec::new();
    let mut write = || -> io::Result<()> {
        let mut w = Writer::new(&mut buffer, format, comparison)?;
        for (name, config, schedule, records) in runs {
            w.begin_run(name, config, schedule)?;
            for r in *records {
                w.record(r)?;
            }
            w.end_run()?;
        }
        w.finish().map(|_| ())
    };
    // Writing into memory cannot fail.
    let _ = write();
    String::from_utf8(buffer).unwrap_or_default()
}

/// Records as CSV with a header line (the text of `bgloop run --format csv`).
pub fn csv(records: &[TrialRecord]) -> String {
    let none = (&Config::default(), &Schedule::new());
    written(Format::Csv, &[("A", none.0, none.1, records)], false)
}

/// The records of several named runs as one CSV (a first column `run`): a comparison's export.
pub fn csv_runs(runs: &[(&str, &[TrialRecord])]) -> String {
    let (config, schedule) = (Config::default(), Schedule::new());
    let runs: Vec<Run<'_>> = runs
        .iter()
        .map(|(name, records)| (*name, &config, &schedule, *records))
        .collect();
    written(Format::Csv, &runs, true)
}

/// The version of links and export formats.
pub const VERSION: u32 = 4;

/// A JSON document with the version, seed, configuration, schedule and records (the text of
/// `bgloop run --format json`).
pub fn json_document(config: &Config, schedule: &Schedule, records: &[TrialRecord]) -> String {
    written(Format::Json, &[("A", config, schedule, records)], false)
}

/// Several named runs as one JSON document, `{"format":"bgloop-comparison","runs":[…]}`: a
/// comparison's export (the text of `bgloop run --format json` on a comparison).
pub fn json_runs(runs: &[Run<'_>]) -> String {
    written(Format::Json, runs, true)
}

/// The head of a run's JSON object, up to its records' opening bracket (with the run's name
/// first in a comparison).
fn json_head(name: Option<&str>, config: &Config, schedule: &Schedule) -> String {
    let cfg = serde_json::to_string(config).unwrap_or_else(|_| "{}".into());
    let events: Vec<String> = schedule.events().iter().map(|e| e.to_text()).collect();
    let events = serde_json::to_string(&events).unwrap_or_else(|_| "[]".into());
    let run = name
        .map(|n| format!("\"run\":\"{n}\","))
        .unwrap_or_default();
    format!(
        "{{{run}\"format\":\"bgloop-run\",\"version\":{VERSION},\"seed\":{},\"config\":{cfg},\"schedule\":{events},\"records\":[",
        config.seed,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec() -> TrialRecord {
        TrialRecord {
            trial: 3,
            phase: Phase::GpiOff,
            target_deg: 0.0,
            hand_deg: -27.5,
            cursor_deg: 2.5,
            error_deg: 2.5,
            reward: 1.0,
            rpe: 0.25,
            executed: true,
            reach_ms: Some(151.5),
            amplitude: 0.125,
        }
    }

    #[test]
    fn csv_and_json_rows() {
        assert_eq!(
            rec().csv_row(),
            "3,gpi-off,0,-27.5,2.5,2.5,1,0.25,1,151.5,0.125"
        );
        let mut r = rec();
        r.reach_ms = None;
        r.executed = false;
        assert!(r.csv_row().ends_with(",0,,0.125"));
        let v: serde_json::Value = serde_json::from_str(&r.json()).expect("valid JSON");
        assert_eq!(v["reach_ms"], serde_json::Value::Null);
        assert_eq!(v["phase"], "gpi-off");
        assert_eq!(csv(&[rec()]).lines().next(), Some(csv_header().as_str()));
        let doc: serde_json::Value = serde_json::from_str(&json_document(
            &Config::default(),
            &Schedule::new(),
            &[rec()],
        ))
        .expect("valid");
        assert_eq!(doc["records"][0]["trial"], 3);
        assert_eq!(doc["config"]["loop_strength"], 1.0);
    }
}
