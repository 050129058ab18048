//! Trial records and their text forms (CSV, JSON), produced by one formatter so every front end
//! writes identical text.

use crate::config::Config;
use crate::format::num;
use crate::schedule::Schedule;
use serde::Serialize;

/// The phase a trial belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    /// No rotation (before it starts, or when the rotation is 0°).
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

/// One trial's outcome, with the fields of docs/model.md.
#[derive(Clone, Debug, PartialEq, Serialize)]
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

/// The CSV columns, in order.
pub const CSV_HEADER: &str =
    "trial,phase,target_deg,hand_deg,cursor_deg,error_deg,reward,rpe,executed,reach_ms,amplitude";

/// A numeric column of the trial records, for typed arrays: its name and how to read it.
pub type Column = (&'static str, fn(&TrialRecord) -> f64);

/// The numeric columns, beside the CSV header (`abs_error` is derived; `executed` is 0/1;
/// `reach_ms` is NaN when the reach was not executed).
pub const COLUMNS: &[Column] = &[
    ("trial", |r| f64::from(r.trial)),
    ("target_deg", |r| r.target_deg),
    ("hand_deg", |r| r.hand_deg),
    ("cursor_deg", |r| r.cursor_deg),
    ("error_deg", |r| r.error_deg),
    ("abs_error", |r| r.error_deg.abs()),
    ("reward", |r| r.reward),
    ("rpe", |r| r.rpe),
    ("executed", |r| f64::from(u8::from(r.executed))),
    ("reach_ms", |r| r.reach_ms.unwrap_or(f64::NAN)),
    ("amplitude", |r| r.amplitude),
];

/// The column called `name` of every record, or an error listing the columns.
pub fn column(records: &[TrialRecord], name: &str) -> Result<Vec<f64>, String> {
    let (_, read) = COLUMNS.iter().find(|(n, _)| *n == name).ok_or_else(|| {
        let names: Vec<&str> = COLUMNS.iter().map(|(n, _)| *n).collect();
        format!(
            "column {:?} is not one of: {}",
            name.chars().take(40).collect::<String>(),
            names.join(", ")
        )
    })?;
    Ok(records.iter().map(read).collect())
}

impl TrialRecord {
    /// One CSV row (no newline); `reach_ms` is empty when the reach was not executed.
    pub fn csv_row(&self) -> String {
        format!(
            "{},{},{},{},{},{},{},{},{},{},{}",
            self.trial,
            self.phase.as_str(),
            num(self.target_deg),
            num(self.hand_deg),
            num(self.cursor_deg),
            num(self.error_deg),
            num(self.reward),
            num(self.rpe),
            u8::from(self.executed),
            self.reach_ms.map(num).unwrap_or_default(),
            num(self.amplitude),
        )
    }

    /// One JSON object on one line, numbers written by the shared formatter.
    pub fn json(&self) -> String {
        format!(
            "{{\"trial\":{},\"phase\":\"{}\",\"target_deg\":{},\"hand_deg\":{},\"cursor_deg\":{},\"error_deg\":{},\"reward\":{},\"rpe\":{},\"executed\":{},\"reach_ms\":{},\"amplitude\":{}}}",
            self.trial,
            self.phase.as_str(),
            num(self.target_deg),
            num(self.hand_deg),
            num(self.cursor_deg),
            num(self.error_deg),
            num(self.reward),
            num(self.rpe),
            self.executed,
            self.reach_ms.map(num).unwrap_or_else(|| "null".into()),
            num(self.amplitude),
        )
    }
}

/// A whole CSV document: header and one row per record, each line ending in `\n`.
pub fn csv(records: &[TrialRecord]) -> String {
    let mut out = String::with_capacity(80 * (records.len() + 1));
    out.push_str(CSV_HEADER);
    out.push('\n');
    for r in records {
        out.push_str(&r.csv_row());
        out.push('\n');
    }
    out
}

/// The CSV columns of a comparison: the run (`A` or `B`) first.
pub const CSV_RUNS_HEADER: &str = "run,trial,phase,target_deg,hand_deg,cursor_deg,error_deg,reward,rpe,executed,reach_ms,amplitude";

/// One CSV row of a comparison: the run's name, then [`TrialRecord::csv_row`].
pub fn csv_run_row(run: &str, record: &TrialRecord) -> String {
    format!("{run},{}", record.csv_row())
}

/// One JSON line of a comparison: `{"run":"A",…}` with the fields of [`TrialRecord::json`].
pub fn json_run_line(run: &str, record: &TrialRecord) -> String {
    let body = record.json();
    format!(
        "{{\"run\":\"{run}\",{}",
        body.strip_prefix('{').unwrap_or(&body)
    )
}

/// A whole comparison as CSV: the header, then every row of run A, then every row of run B.
pub fn csv_runs(runs: &[(&str, &[TrialRecord])]) -> String {
    let mut out = String::from(CSV_RUNS_HEADER);
    out.push('\n');
    for (name, records) in runs {
        for r in *records {
            out.push_str(&csv_run_row(name, r));
            out.push('\n');
        }
    }
    out
}

/// The version of permalinks and of the export formats written by this build (docs/model.md:
/// 2 changed the learning defaults for several targets, 3 where the cue weights are bounded).
pub const VERSION: u32 = 3;

/// A JSON document: format version, the full config, the seed, the schedule and the records.
pub fn json_document(config: &Config, schedule: &Schedule, records: &[TrialRecord]) -> String {
    let mut out = json_head(config, schedule);
    for (i, r) in records.iter().enumerate() {
        out.push_str(&json_item(i, r));
    }
    out.push_str(JSON_TAIL);
    out
}

/// The opening of a JSON comparison document; then each run's [`json_document`] (its name
/// first, separated by [`JSON_RUNS_SEPARATOR`]) and [`JSON_RUNS_TAIL`].
pub fn json_runs_head() -> String {
    format!(
        "{{\"format\":\"bgloop-comparison\",\"version\":{},\"runs\":[\n",
        VERSION
    )
}

/// Between the two runs of a JSON comparison document.
pub const JSON_RUNS_SEPARATOR: &str = ",\n";
/// The end of a JSON comparison document.
pub const JSON_RUNS_TAIL: &str = "]}\n";

/// A whole comparison as one JSON document: each run as in [`json_document`], with its name.
pub fn json_runs(runs: &[(&str, &Config, &Schedule, &[TrialRecord])]) -> String {
    let mut out = json_runs_head();
    for (i, (name, config, schedule, records)) in runs.iter().enumerate() {
        if i > 0 {
            out.push_str(JSON_RUNS_SEPARATOR);
        }
        out.push_str(&json_named_head(name, config, schedule));
        for (k, r) in records.iter().enumerate() {
            out.push_str(&json_item(k, r));
        }
        out.push_str(JSON_TAIL.trim_end());
    }
    out.push('\n');
    out.push_str(JSON_RUNS_TAIL);
    out
}

/// The opening of run `name` in a JSON comparison document.
pub fn json_named_head(name: &str, config: &Config, schedule: &Schedule) -> String {
    let head = json_head(config, schedule);
    format!(
        "{{\"run\":\"{name}\",{}",
        head.strip_prefix('{').unwrap_or(&head)
    )
}

/// The opening of a JSON run document, up to its first record: `json_head`, then
/// [`json_item`] for each record, then [`JSON_TAIL`] — so a long run can be written as it goes.
pub fn json_head(config: &Config, schedule: &Schedule) -> String {
    let cfg = serde_json::to_string(config).unwrap_or_else(|_| "{}".into());
    let events: Vec<String> = schedule.events().iter().map(|e| e.to_text()).collect();
    let events = serde_json::to_string(&events).unwrap_or_else(|_| "[]".into());
    format!(
        "{{\"format\":\"bgloop-run\",\"version\":{},\"seed\":{},\"config\":{},\"schedule\":{},\"records\":[",
        VERSION,
        config.seed,
        cfg,
        events
    )
}

/// Record number `index` (from 0) of a JSON run document.
pub fn json_item(index: usize, record: &TrialRecord) -> String {
    let sep = if index > 0 { "," } else { "" };
    format!("{sep}\n  {}", record.json())
}

/// The end of a JSON run document.
pub const JSON_TAIL: &str = "\n]}\n";

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
        assert_eq!(csv(&[rec()]).lines().next(), Some(CSV_HEADER));
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
