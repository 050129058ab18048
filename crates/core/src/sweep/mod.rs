//! Parameter sweeps: the paper's central figure, final |error| against a parameter (e.g. loop
//! strength) — or a map over two (loop strength × dopamine) — over several seeds. A sweep is a
//! list of independent jobs, so it splits across threads, Web Workers or cluster jobs
//! (`--shard K/N`) and merges back by grid cell ([`merge`]); [`summary`] reduces it to means.

use crate::config::Config;
use crate::experiment::Divergence;
use crate::i18n::{Catalog, Said};
use crate::protocol::Protocol;
use crate::regime::{Measures, Regime};
use crate::said::Msg;
use crate::schema::{Domain, Input};
use serde::{Deserialize, Serialize};

/// Trials averaged for a run's final |error|.
pub const FINAL_WINDOW: usize = crate::result::LAST as usize;

/// A second swept parameter, with its own range and count (a map).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Axis {
    /// The parameter (a real-valued schema key).
    pub param: String,
    /// First value.
    pub from: f64,
    /// Last value.
    pub to: f64,
    /// Number of values (1–200).
    pub count: u32,
}

/// The swept values: `count` evenly spaced values from `from` to `to` (inclusive) of one
/// parameter, or a grid of two.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SweepSpec {
    /// The swept parameter (a real-valued schema key).
    pub param: String,
    /// First value.
    pub from: f64,
    /// Last value.
    pub to: f64,
    /// Number of values (1–200).
    pub count: u32,
    /// A second parameter, for a map over both (every value of one with every value of the other).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub second: Option<Axis>,
    /// Seeds per value (1–100), seeds 1…K.
    pub seeds: u32,
    /// Trials per run (≥ FINAL_WINDOW).
    pub trials: u32,
    /// What its table, map and figure show (a link's `measure:regime`; the |error| if absent).
    #[serde(skip_serializing_if = "is_error")]
    pub measure: Measure,
}

/// Whether a sweep shows the default measure (left out of JSON and links).
fn is_error(m: &Measure) -> bool {
    *m == Measure::Error
}

/// One run of a sweep.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Job {
    /// Index of the value in the sweep.
    pub index: u32,
    /// The parameter's value.
    pub value: f64,
    /// The run's seed.
    pub seed: u64,
    /// In a map: the index of the second parameter's value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index2: Option<u32>,
    /// In a map: the second parameter's value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value2: Option<f64>,
}

/// What one run measured.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// The swept parameter.
    pub param: String,
    /// Its value.
    pub value: f64,
    /// The seed.
    pub seed: u64,
    /// Trials run.
    pub trials: u32,
    /// Mean |error| over the last 50 trials, degrees.
    pub final_error: f64,
    /// Fraction of reaches executed over the last 50 trials (over the whole run in files written
    /// before regimes).
    pub executed: f64,
    /// Mean reward over the last 50 trials (absent in older files and for a diverged run).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reward: Option<f64>,
    /// Mean reach time of the last 50 trials' executed reaches, ms (absent if none was).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reach_ms: Option<f64>,
    /// Trials until the run adapted ([`crate::regime::trials_to_adapt`]; absent if it never did).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adapt_trials: Option<u32>,
    /// Fraction of all the run's reaches that were rewarded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rewarded: Option<f64>,
    /// Why the run ended where it did ([`crate::regime`]; absent for a diverged run and in older
    /// files).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regime: Option<Regime>,
    /// The link version of the model that ran it (absent in older files).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
    /// The sweep this run belongs to and the index of its value (written by the CLI's sweeps, so
    /// `bgloop merge` can tell a missing shard or an off-grid value; absent in older files).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grid: Option<Grid>,
    /// In a map: the second parameter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param2: Option<String>,
    /// In a map: its value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value2: Option<f64>,
    /// Why the run stopped, if it diverged: it then has no final |error| (0 here, left out of
    /// every mean) and is marked in tables and maps, never a silent hole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diverged: Option<String>,
    /// The experiment swept and the model's version, as [`fingerprint`] writes them (by every
    /// sweep of a [`SweepSpec`], the CLI's shards among them): `bgloop merge` refuses shards of
    /// different experiments or versions. The page's workers run single jobs and leave it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experiment: Option<String>,
}

/// A fingerprint of the experiment a sweep runs on: the model's version and a 64-bit FNV-1a hash
/// of the base protocol (every parameter and event, seed aside: each run has its own), e.g.
/// `v3:9c1f…`. Two shards with the same fingerprint swept the same experiment with the same model.
pub fn fingerprint(base: &Protocol) -> String {
    let mut config = base.config.clone();
    config.seed = 1;
    let mut text = serde_json::to_string(&config).unwrap_or_default();
    for e in base.schedule.events() {
        text.push('&');
        text.push_str(&e.to_text());
    }
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("v{}:{hash:016x}", crate::record::VERSION)
}

/// A sweep's grid, as written beside each of its outcomes.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Grid {
    /// First value.
    pub from: f64,
    /// Last value.
    pub to: f64,
    /// Number of values.
    pub count: u32,
    /// Seeds per value (1…K).
    pub seeds: u32,
    /// The index of this outcome's value.
    pub index: u32,
    /// In a map: the second parameter's range and this outcome's index in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second: Option<GridAxis>,
}

/// The second axis of a map's grid.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct GridAxis {
    /// First value.
    pub from: f64,
    /// Last value.
    pub to: f64,
    /// Number of values.
    pub count: u32,
    /// The index of this outcome's value.
    pub index: u32,
}

/// Mean and spread of a measure (the final |error| unless said otherwise) at one value (one cell
/// of a map), and the regimes of its runs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Point {
    /// The parameter's value.
    pub value: f64,
    /// In a map: the second parameter's value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value2: Option<f64>,
    /// Mean final |error| over seeds, degrees.
    pub mean: f64,
    /// Standard deviation over seeds, degrees.
    pub sd: f64,
    /// Lowest and highest over seeds.
    pub min: f64,
    /// Highest over seeds.
    pub max: f64,
    /// Number of seeds that finished (the statistics are theirs).
    pub n: usize,
    /// Number of seeds whose run diverged (left out of the statistics).
    #[serde(skip_serializing_if = "is_zero")]
    pub diverged: usize,
    /// The regimes of its runs, most common first, with their counts (`[["adapted", 2],
    /// ["never-rewarded", 1]]`): more than one means the cell depends on the seed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub regimes: Vec<(Regime, usize)>,
}

impl Point {
    /// The cell's regime: that of most of its runs (`None` if no run has one).
    pub fn regime(&self) -> Option<Regime> {
        self.regimes.first().map(|(r, _)| *r)
    }

    /// Whether its runs fall in different regimes (the cell depends on the seed).
    pub fn mixed(&self) -> bool {
        self.regimes.len() > 1
    }
}

/// Whether `n` is 0 (a count left out of JSON when nothing diverged).
fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Most values a sweep may take (per parameter).
pub const MAX_VALUES: u32 = 200;
/// Most seeds per value.
pub const MAX_SEEDS: u32 = 100;
/// Fewest trials per run (the final error is the mean of the last [`FINAL_WINDOW`]).
pub const MIN_TRIALS: u32 = FINAL_WINDOW as u32;
/// Most trials per run.
pub const MAX_TRIALS: u32 = 100_000;
/// Most runs one sweep may have (values × values × seeds).
pub const MAX_RUNS: u32 = 100_000;

/// `count` evenly spaced values from `from` to `to`: the ends exactly, never outside [from, to]
/// by rounding.
pub fn values_of(from: f64, to: f64, count: u32) -> Vec<f64> {
    match count {
        0 => return Vec::new(),
        1 => return vec![from],
        _ => {}
    }
    let (lo, hi) = (from.min(to), from.max(to));
    let last = count - 1;
    (0..count)
        .map(|i| match i {
            0 => from,
            i if i == last => to,
            i => (from + (to - from) * f64::from(i) / f64::from(last)).clamp(lo, hi),
        })
        .collect()
}

/// What is wrong with an axis's numbers (`from`, `to` or the count), as typed.
enum AxisError {
    /// `from` or `to` (named) is not a finite number.
    Number(&'static str, String),
    /// The count is not a whole number.
    Count(String),
}

/// An axis from its key and its three numbers as typed (not yet checked against the schema).
fn read_axis(key: &str, [from, to, count]: [&str; 3]) -> Result<Axis, AxisError> {
    let number = |s: &str, what: &'static str| {
        s.trim()
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite())
            .ok_or_else(|| AxisError::Number(what, s.to_string()))
    };
    Ok(Axis {
        param: key.trim().to_string(),
        from: number(from, "from")?,
        to: number(to, "to")?,
        count: count
            .trim()
            .parse::<u32>()
            .map_err(|_| AxisError::Count(count.to_string()))?,
    })
}

/// Why axes make no sweep: one parameter twice, not one or two axes, or a sweep that cannot run.
enum AxesError {
    /// A map names this parameter twice.
    Twice(String),
    /// This many axes (not one or two).
    Count(usize),
    /// The sweep cannot run (its values, its size).
    Invalid(SweepError),
}

/// A `key=from:to:count` entry (the CLI's `--param`), as an axis (not yet checked).
fn parse_axis(text: &str) -> Result<Axis, String> {
    let usage =
        || format!("--param {text:?} must be key=from:to:count, e.g. loop_strength=0.25:1.5:6");
    let (key, range) = text.split_once('=').ok_or_else(usage)?;
    let parts: Vec<&str> = range.split(':').collect();
    let [from, to, count] = parts.as_slice() else {
        return Err(usage());
    };
    read_axis(key, [from, to, count]).map_err(|e| match e {
        AxisError::Number(what, s) => {
            format!("--param {}: {what} {s:?} is not a number", key.trim())
        }
        AxisError::Count(c) => format!(
            "--param {}: count {c:?} must be a whole number in 1–{MAX_VALUES}",
            key.trim()
        ),
    })
}

/// A link's `sweep=` part `key:from:to:count` as an axis (not yet checked), or why not in any
/// language.
fn link_axis(key: &str, numbers: [&str; 3]) -> Result<Axis, SweepError> {
    let short = |s: &str| crate::format::short(s, crate::format::QUOTED);
    read_axis(key, numbers).map_err(|e| {
        SweepError::Refused(match e {
            AxisError::Number(what, s) => Msg::new("sweep-link-number")
                .text("param", short(key))
                .said(
                    "what",
                    Msg::new(if what == "from" {
                        "sweep-link-from"
                    } else {
                        "sweep-link-to"
                    }),
                )
                .text("value", short(&s)),
            AxisError::Count(c) => Msg::new("sweep-link-count")
                .text("param", short(key))
                .text("value", short(&c))
                .num("max", f64::from(MAX_VALUES)),
        })
    })
}

/// Why a sweep cannot run as asked: a message of the catalog, a parameter's value, or a
/// configuration it would make. Said in any language ([`Said`]); `Display` says it in English.
#[derive(Clone, Debug, PartialEq)]
pub enum SweepError {
    /// What the sweep asks for cannot be (its size, its parameters, its experiment).
    Refused(Msg),
    /// A value out of its parameter's range.
    Value(crate::ParamError),
    /// A corner of the sweep makes a configuration that is not valid.
    Config(crate::config::ConfigErrors),
}

impl Said for SweepError {
    fn said_in(&self, words: &Catalog) -> String {
        match self {
            SweepError::Refused(m) => words.format(m),
            SweepError::Value(e) => e.said_in(words),
            SweepError::Config(e) => e.said_in(words),
        }
    }
}

impl SweepError {
    /// The refusal as a catalog message (to go inside another: a link's refusal names its key).
    pub fn msg(&self) -> Msg {
        let of = |e: &crate::ParamError| {
            e.msg
                .clone()
                .unwrap_or_else(|| Msg::new("rejected-said").text("reason", e.message.clone()))
        };
        match self {
            SweepError::Refused(m) => m.clone(),
            SweepError::Value(e) => of(e),
            SweepError::Config(c) => c.errors.first().map_or_else(
                || Msg::new("rejected-said").text("reason", c.to_string()),
                of,
            ),
        }
    }
}

impl std::fmt::Display for SweepError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.said_in(Catalog::english()))
    }
}

/// Checks one axis: a real-valued parameter, a count in range.
fn check_axis(axis: &Axis) -> Result<(), SweepError> {
    let spec = crate::config::spec(&axis.param)
        .ok_or_else(|| SweepError::Value(crate::config::unknown_key(&axis.param)))?;
    if !matches!(spec.domain, Domain::Real { .. }) {
        return Err(SweepError::Refused(
            Msg::new("sweep-not-real").text("param", axis.param.clone()),
        ));
    }
    if !(1..=MAX_VALUES).contains(&axis.count) {
        return Err(SweepError::Refused(
            Msg::new("sweep-values")
                .num("count", f64::from(axis.count))
                .num("max", f64::from(MAX_VALUES)),
        ));
    }
    if axis.count > 1 && axis.from == axis.to {
        // Every value would be the same: its runs would be counted as more seeds of one value.
        return Err(SweepError::Refused(
            Msg::new("sweep-one-value")
                .text("param", axis.param.clone())
                .num("from", axis.from)
                .num("to", axis.to)
                .num("count", f64::from(axis.count)),
        ));
    }
    Ok(())
}

impl SweepSpec {
    /// A spec from numbers as a front end has them (JS numbers, text fields), each checked and
    /// named when wrong, then validated against `base`.
    pub fn from_numbers(
        param: &str,
        [from, to, count, seeds, trials]: [f64; 5],
        base: &Config,
    ) -> Result<SweepSpec, SweepError> {
        use crate::schema::{in_range, whole};
        let text = SweepError::Value;
        let spec = SweepSpec {
            param: param.to_string(),
            from: in_range("from", from, -1e9, 1e9).map_err(text)?,
            to: in_range("to", to, -1e9, 1e9).map_err(text)?,
            count: whole("values", count, 1, MAX_VALUES).map_err(text)?,
            second: None,
            seeds: whole("seeds", seeds, 1, MAX_SEEDS).map_err(text)?,
            trials: whole("trials", trials, MIN_TRIALS, MAX_TRIALS).map_err(text)?,
            measure: Measure::Error,
        };
        spec.check(base)?;
        Ok(spec)
    }

    /// This sweep made a map, with a second parameter given as a front end has it (numbers
    /// checked and named when wrong), validated against `base`.
    pub fn with_second(
        mut self,
        param: &str,
        [from, to, count]: [f64; 3],
        base: &Config,
    ) -> Result<SweepSpec, SweepError> {
        use crate::schema::{in_range, whole};
        let text = SweepError::Value;
        if param == self.param {
            return Err(SweepError::Refused(
                Msg::new("sweep-twice").text("param", param),
            ));
        }
        self.second = Some(Axis {
            param: param.to_string(),
            from: in_range("from", from, -1e9, 1e9).map_err(text)?,
            to: in_range("to", to, -1e9, 1e9).map_err(text)?,
            count: whole("values", count, 1, MAX_VALUES).map_err(text)?,
        });
        self.check(base)?;
        Ok(self)
    }

    /// Parses `key=from:to:count` (the CLI's `--param`) with seeds and trials, checking the key
    /// against the schema and the values against its range.
    pub fn parse(param: &str, seeds: u32, trials: u32) -> Result<SweepSpec, String> {
        Self::parse_all(&[param], seeds, trials)
    }

    /// Parses one or two `key=from:to:count` entries (`--param` given once, or twice for a map).
    pub fn parse_all(params: &[&str], seeds: u32, trials: u32) -> Result<SweepSpec, String> {
        let axes = params
            .iter()
            .map(|p| parse_axis(p))
            .collect::<Result<Vec<_>, _>>()?;
        Self::of_axes(axes, seeds, trials, Measure::Error).map_err(|e| match e {
            AxesError::Twice(param) => {
                format!("--param {param} is given twice: a map sweeps two different parameters")
            }
            AxesError::Count(n) => format!("a sweep takes one --param, or two for a map (got {n})"),
            AxesError::Invalid(e) => e.to_string(),
        })
    }

    /// The sweep over `axes` (one, or two different ones for a map), checked against the
    /// defaults.
    fn of_axes(
        axes: Vec<Axis>,
        seeds: u32,
        trials: u32,
        measure: Measure,
    ) -> Result<SweepSpec, AxesError> {
        let n = axes.len();
        let mut axes = axes.into_iter();
        let (first, second) = match (axes.next(), axes.next(), axes.next()) {
            (Some(one), Some(two), None) if one.param == two.param => {
                return Err(AxesError::Twice(one.param))
            }
            (Some(one), second, None) => (one, second),
            _ => return Err(AxesError::Count(n)),
        };
        let spec = SweepSpec {
            param: first.param,
            from: first.from,
            to: first.to,
            count: first.count,
            second,
            seeds,
            trials,
            measure,
        };
        spec.check(&Config::default()).map_err(AxesError::Invalid)?;
        Ok(spec)
    }

    /// Reads a link's `sweep=` value, `key:from:to:count` (once, or twice for a map) with
    /// `seeds:K`, `trials:N` (defaults 3 and 300) and `measure:M` (what the map shows, default
    /// `error`), comma-separated.
    pub fn from_link(value: &str) -> Result<SweepSpec, SweepError> {
        let (mut seeds, mut trials, mut measure) = (3u32, 300u32, Measure::Error);
        let short = |s: &str| crate::format::short(s, crate::format::QUOTED);
        let refused = SweepError::Refused;
        let mut axes: Vec<Axis> = Vec::new();
        for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let pieces: Vec<&str> = part.split(':').collect();
            match pieces.as_slice() {
                ["seeds", k] => {
                    seeds = k.parse().map_err(|_| {
                        refused(
                            Msg::new("sweep-link-seeds")
                                .text("value", short(k))
                                .num("max", f64::from(MAX_SEEDS)),
                        )
                    })?
                }
                ["trials", n] => {
                    trials = n.parse().map_err(|_| {
                        refused(
                            Msg::new("sweep-link-trials")
                                .text("value", short(n))
                                .num("min", f64::from(MIN_TRIALS))
                                .num("max", f64::from(MAX_TRIALS)),
                        )
                    })?
                }
                ["measure", m] => {
                    measure = Measure::parse(m).map_err(|_| {
                        refused(
                            Msg::new("sweep-link-measure")
                                .text("value", short(m))
                                .text("measures", Measure::ALL.map(Measure::key).join(", ")),
                        )
                    })?
                }
                [key, from, to, count] => axes.push(link_axis(key, [from, to, count])?),
                _ => {
                    return Err(refused(
                        Msg::new("sweep-link-part").text("part", short(part)),
                    ))
                }
            }
        }
        Self::of_axes(axes, seeds, trials, measure).map_err(|e| match e {
            AxesError::Twice(param) => refused(Msg::new("sweep-twice").text("param", param)),
            AxesError::Count(n) => refused(Msg::new("sweep-link-axes").count("count", n as i64)),
            AxesError::Invalid(e) => e,
        })
    }

    /// The sweep as a link's `sweep=` value (what [`SweepSpec::from_link`] reads).
    pub fn to_link(&self) -> String {
        let num = crate::format::num;
        let mut parts = vec![format!(
            "{}:{}:{}:{}",
            self.param,
            num(self.from),
            num(self.to),
            self.count
        )];
        if let Some(a) = &self.second {
            parts.push(format!(
                "{}:{}:{}:{}",
                a.param,
                num(a.from),
                num(a.to),
                a.count
            ));
        }
        parts.push(format!("seeds:{}", self.seeds));
        parts.push(format!("trials:{}", self.trials));
        if self.measure != Measure::Error {
            parts.push(format!("measure:{}", self.measure.key()));
        }
        parts.join(",")
    }

    /// The first axis.
    fn first(&self) -> Axis {
        Axis {
            param: self.param.clone(),
            from: self.from,
            to: self.to,
            count: self.count,
        }
    }

    /// Checks the spec against `base`: real parameters, values in their ranges (each corner of a
    /// map valid together), sensible sizes; the reason is said in any language.
    pub fn check(&self, base: &Config) -> Result<(), SweepError> {
        check_axis(&self.first())?;
        if let Some(second) = &self.second {
            check_axis(second)?;
        }
        let whole = |field: &str, x: u32, min: u32, max: u32| {
            crate::schema::whole(field, f64::from(x), min, max).map_err(SweepError::Value)
        };
        whole("seeds", self.seeds, 1, MAX_SEEDS)?;
        whole("trials", self.trials, MIN_TRIALS, MAX_TRIALS)?;
        let runs = u64::from(self.count)
            * u64::from(self.second.as_ref().map_or(1, |a| a.count))
            * u64::from(self.seeds);
        if runs > u64::from(MAX_RUNS) {
            return Err(SweepError::Refused(
                Msg::new("sweep-too-many-runs")
                    .num("runs", runs as f64)
                    .num("max", f64::from(MAX_RUNS)),
            ));
        }
        let seconds: Vec<Option<f64>> = match &self.second {
            None => vec![None],
            Some(a) => vec![Some(a.from), Some(a.to)],
        };
        for v in [self.from, self.to] {
            for &w in &seconds {
                let mut c = base.clone();
                c.set(&self.param, Input::Num(v))
                    .map_err(SweepError::Value)?;
                if let (Some(a), Some(w)) = (&self.second, w) {
                    c.set(&a.param, Input::Num(w)).map_err(SweepError::Value)?;
                }
                c.validate().map_err(SweepError::Config)?;
            }
        }
        Ok(())
    }

    /// The swept values of the first parameter: `from` and `to` exactly at the ends, evenly
    /// spaced between, never outside [from, to] by rounding.
    pub fn values(&self) -> Vec<f64> {
        values_of(self.from, self.to, self.count)
    }

    /// The second parameter's values (empty for a one-parameter sweep).
    pub fn values2(&self) -> Vec<f64> {
        self.second
            .as_ref()
            .map_or_else(Vec::new, |a| values_of(a.from, a.to, a.count))
    }

    /// The grid of `job` (for [`Outcome::grid`]).
    pub fn grid(&self, job: &Job) -> Grid {
        Grid {
            from: self.from,
            to: self.to,
            count: self.count,
            seeds: self.seeds,
            index: job.index,
            second: self.second.as_ref().map(|a| GridAxis {
                from: a.from,
                to: a.to,
                count: a.count,
                index: job.index2.unwrap_or(0),
            }),
        }
    }

    /// Refuses to sweep a parameter that the experiment changes by an event: the sweep would set
    /// it only until the event, and the event would set it afterwards on every run alike.
    /// Checks that `experiment` can be swept with this spec, for the page and the CLI alike: one
    /// run (a comparison would sweep run A alone), whose schedule does not change a swept
    /// parameter, with values in range.
    pub fn check_experiment(&self, experiment: &crate::Experiment) -> Result<(), SweepError> {
        if experiment.is_comparison() {
            return Err(SweepError::Refused(Msg::new("sweep-comparison")));
        }
        self.check(&experiment.a.config)?;
        self.check_schedule(&experiment.a)
            .map_err(SweepError::Refused)
    }

    /// Checks that no event of `base` changes a swept parameter.
    pub fn check_schedule(&self, base: &Protocol) -> Result<(), Msg> {
        let params = std::iter::once(self.param.as_str())
            .chain(self.second.as_ref().map(|a| a.param.as_str()));
        for param in params {
            if let Some(e) = base.schedule.events().iter().find(|e| e.key == param) {
                return Err(Msg::new("sweep-event")
                    .text("param", param)
                    .num("trial", f64::from(e.trial))
                    .text("event", e.to_text()));
            }
        }
        Ok(())
    }

    /// Every job: value by value (by the second value within it, for a map), seed by seed.
    pub fn jobs(&self) -> Vec<Job> {
        let seconds: Vec<Option<(u32, f64)>> = match &self.second {
            None => vec![None],
            Some(_) => self
                .values2()
                .into_iter()
                .enumerate()
                .map(|(j, w)| Some((j as u32, w)))
                .collect(),
        };
        let mut out = Vec::new();
        for (i, value) in self.values().into_iter().enumerate() {
            for &second in &seconds {
                for seed in 1..=u64::from(self.seeds) {
                    out.push(Job {
                        index: i as u32,
                        value,
                        seed,
                        index2: second.map(|(j, _)| j),
                        value2: second.map(|(_, w)| w),
                    });
                }
            }
        }
        out
    }

    /// The jobs of shard `k` of `n` (1-based): every n-th job, so shards take equal work.
    pub fn shard(&self, k: u32, n: u32) -> Result<Vec<Job>, String> {
        if n == 0 || k == 0 || k > n {
            return Err(format!("--shard {k}/{n} must be K/N with 1 ≤ K ≤ N"));
        }
        Ok(self
            .jobs()
            .into_iter()
            .enumerate()
            .filter(|(i, _)| (*i as u32) % n == k - 1)
            .map(|(_, j)| j)
            .collect())
    }

    /// Runs `job` of this sweep on `base`, its outcome carrying the sweep's grid.
    pub fn run(&self, base: &Protocol, job: Job) -> Result<Outcome, String> {
        let mut p = base.clone();
        let second = self.second.as_ref().zip(job.value2);
        if let Some((a, w)) = second {
            p.config
                .set(&a.param, Input::Num(w))
                .map_err(|e| e.message)?;
        }
        let mut outcome = run(&p, &self.param, job, self.trials)?;
        outcome.grid = Some(self.grid(&job));
        outcome.experiment = Some(fingerprint(base));
        outcome.param2 = second.map(|(a, _)| a.param.clone());
        outcome.value2 = second.map(|(_, w)| w);
        Ok(outcome)
    }
}

/// Runs one job given as a front end has it — `base` as entries (a full configuration and its
/// events), the value, seed and trial count as plain numbers — each checked and named when wrong.
pub fn run_entries<'a, I, V>(
    base: I,
    (param, value): (&str, f64),
    second: Option<(&str, f64)>,
    [seed, trials]: [f64; 2],
) -> Result<Outcome, String>
where
    I: IntoIterator<Item = (&'a str, V)>,
    V: Into<Input>,
{
    use crate::schema::{in_range, whole};
    let mut protocol = Protocol::default();
    protocol.apply(base).map_err(|e| e.to_string())?;
    protocol.config.validate().map_err(|e| e.to_string())?;
    let max_seed = crate::config::MAX_SEED as f64;
    let seed = in_range("seed", seed, 0.0, max_seed).map_err(|e| e.message)?;
    let trials = whole("trials", trials, 1, MAX_TRIALS).map_err(|e| e.message)?;
    let job = Job {
        index: 0,
        value,
        seed: seed as u64,
        index2: None,
        value2: second.map(|(_, w)| w),
    };
    if let Some((p2, w)) = second {
        if p2 == param {
            return Err(format!(
                "`{param}` is swept already: a map sweeps two different parameters"
            ));
        }
        protocol
            .config
            .set(p2, Input::Num(w))
            .map_err(|e| e.message)?;
        protocol.config.validate().map_err(|e| e.to_string())?;
    }
    let mut outcome = run(&protocol, param, job, trials)?;
    outcome.param2 = second.map(|(p2, _)| p2.to_string());
    outcome.value2 = second.map(|(_, w)| w);
    Ok(outcome)
}

/// Runs one job on `base` (its seed and the swept value replace the base's; its events apply).
pub fn run(base: &Protocol, param: &str, job: Job, trials: u32) -> Result<Outcome, String> {
    let mut p = base.clone();
    p.config
        .set(param, Input::Num(job.value))
        .map_err(|e| e.message)?;
    p.config.seed = job.seed;
    let mut sim = p.simulation().map_err(|e| e.to_string())?;
    sim.set_history_cap(trials as usize + 2);
    let diverged = sim
        .run_trials(trials)
        .err()
        .map(|e: Divergence| e.to_string());
    // The measures are the run's result over its last trials (the page's computation) and what
    // the whole run did; a probe of the loop at the run's settings (claim C4's) tells whether it
    // oscillates.
    let measures = diverged
        .is_none()
        .then(|| Measures::of(sim.history()))
        .flatten();
    // A probe that cannot run (its noiseless loop runs away) says nothing of the run itself: the
    // run keeps its figures and is simply not called oscillating.
    let oscillating = measures.is_some()
        && crate::claims::probe_rhythm_of(sim.config()).is_ok_and(|d| d.oscillating());
    Ok(Outcome {
        param: param.to_string(),
        value: job.value,
        seed: job.seed,
        trials,
        final_error: measures.map_or(0.0, |m| m.error_deg),
        executed: measures.map_or(0.0, |m| m.executed),
        reward: measures.map(|m| m.reward),
        reach_ms: measures.and_then(|m| m.reach_ms),
        adapt_trials: measures.and_then(|m| m.adapt_trials),
        rewarded: measures.map(|m| m.rewarded),
        regime: measures.map(|m| m.regime(oscillating)),
        version: Some(crate::record::VERSION),
        grid: None,
        param2: None,
        value2: None,
        diverged,
        experiment: None,
    })
}

mod measure;
mod merge;
mod summary;

pub use measure::Measure;
pub use merge::{check_complete, check_outcomes};
pub use summary::{cell, map_table, regimes_text, summarize, summarize_by, table, CellFigures};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_values_hit_both_ends_and_never_leave_the_range() {
        use crate::schema::Domain;
        for spec in crate::schema() {
            let Domain::Real { min, max, .. } = spec.domain else {
                continue;
            };
            let quarter = min + (max - min) / 4.0;
            for (from, to) in [
                (min, max),
                (max, min),
                (quarter, max),
                (0.05f64.clamp(min, max), min),
            ] {
                for count in 2..=20 {
                    let s = SweepSpec {
                        param: spec.key.to_string(),
                        from,
                        to,
                        count,
                        second: None,
                        seeds: 1,
                        trials: 50,
                        measure: Measure::Error,
                    };
                    let v = s.values();
                    assert_eq!((v[0], v[v.len() - 1]), (from, to), "{} ×{count}", spec.key);
                    for x in v {
                        let mut c = Config::default();
                        assert!(
                            c.set(spec.key, x).is_ok(),
                            "{} = {x} (×{count}) rejected",
                            spec.key
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn parse_values_and_shards() {
        let s = SweepSpec::parse("loop_strength=0.25:1.5:6", 2, 60).expect("valid");
        assert_eq!(s.values(), vec![0.25, 0.5, 0.75, 1.0, 1.25, 1.5]);
        assert_eq!(s.jobs().len(), 12);
        let a = s.shard(1, 3).expect("ok");
        let b = s.shard(2, 3).expect("ok");
        let c = s.shard(3, 3).expect("ok");
        assert_eq!(a.len() + b.len() + c.len(), 12);
        assert!(s.shard(4, 3).is_err());
        for bad in [
            "loop_strength=0:3:4",
            "nope=0:1:2",
            "targets=1:8:4",
            "loop_strength",
            "loop_strength=0:1",
            "loop_strength=a:1:2",
            "loop_strength=0:1:0",
        ] {
            assert!(SweepSpec::parse(bad, 2, 60).is_err(), "{bad}");
        }
        let e = SweepSpec::parse("loop_strength=0:3:4", 2, 60).unwrap_err();
        assert!(e.contains("`loop_strength` = 3 is out of range 0–2"), "{e}");
    }

    /// The regimes a student meets on the rotation preset's maps, each where docs/model.md says:
    /// a weak loop is never rewarded, a strong loop at low dopamine makes no movement, the
    /// default adapts — and a run that adapted to 30° and cannot follow a step to 60° with a weak
    /// loop is "adapted then lost". Each outcome carries the link version.
    #[test]
    fn sweeps_classify_the_regimes_of_the_rotation_preset() {
        let rotation = crate::permalink::decode("#preset=rotation").experiment.a;
        let regime = |base: &Protocol, l: f64, key: &str, v: f64, seed: u64, trials: u32| {
            let mut p = base.clone();
            p.config.set(key, Input::Num(v)).expect("in range");
            let job = Job {
                index: 0,
                value: l,
                seed,
                index2: None,
                value2: None,
            };
            let o = run(&p, "loop_strength", job, trials).expect("runs");
            assert_eq!(o.version, Some(crate::record::VERSION));
            o.regime.expect("a regime")
        };
        assert_eq!(
            regime(&rotation, 0.25, "dopamine", 1.0, 1, 300),
            Regime::NeverRewarded
        );
        assert_eq!(
            regime(&rotation, 1.5, "dopamine", 0.5, 1, 300),
            Regime::NoMovement
        );
        assert_eq!(
            regime(&rotation, 1.0, "dopamine", 1.0, 1, 300),
            Regime::Adapted
        );
        let step = crate::permalink::decode("#preset=rotation&@151.rotation_deg=60")
            .experiment
            .a;
        assert_eq!(
            regime(&step, 0.5, "exploration_noise", 0.08, 1, 300),
            Regime::AdaptedThenLost
        );
    }

    #[test]
    fn a_small_sweep_shows_the_loop_strength_effect() {
        let base = crate::presets::preset("rotation")
            .and_then(|p| p.config().ok())
            .unwrap_or_default();
        let spec = SweepSpec {
            param: "loop_strength".into(),
            from: 0.25,
            to: 1.0,
            count: 2,
            second: None,
            seeds: 2,
            trials: 200,
            measure: Measure::Error,
        };
        let outcomes: Vec<Outcome> = spec
            .jobs()
            .into_iter()
            .map(|j| run(&Protocol::of(base.clone()), &spec.param, j, spec.trials).expect("runs"))
            .collect();
        let points = summarize(&outcomes);
        assert_eq!(points.len(), 2);
        assert!(points[0].mean > 20.0 && points[1].mean < 10.0, "{points:?}");
        assert!(table("loop_strength", &points, Measure::Error).contains("0.25"));
    }

    #[test]
    fn a_map_cell_is_an_independent_single_run_with_both_values_set() {
        let spec = SweepSpec::parse_all(&["loop_strength=0.25:1:2", "dopamine=0.5:1.5:2"], 1, 60)
            .expect("valid");
        let base = crate::presets::preset("rotation")
            .and_then(|p| p.protocol().ok())
            .expect("preset");
        for job in spec.jobs() {
            let cell = spec.run(&base, job).expect("runs");
            // The same run made without the sweep's code: both values set by hand.
            let mut p = base.clone();
            p.config.loop_strength = job.value;
            p.config.dopamine = job.value2.expect("a map");
            p.config.seed = job.seed;
            let mut sim = p.simulation().expect("valid");
            sim.run_trials(60).expect("finite");
            let h = sim.history();
            let tail = &h[h.len() - 50..];
            let mean = tail.iter().map(|r| r.error_deg.abs()).sum::<f64>() / 50.0;
            assert_eq!(
                cell.final_error.to_bits(),
                mean.to_bits(),
                "cell λ {} DA {:?}",
                job.value,
                job.value2
            );
        }
    }

    #[test]
    fn merge_refuses_what_is_not_one_whole_sweep_of_one_experiment() {
        let spec = SweepSpec::parse_all(&["loop_strength=0.25:1:2", "dopamine=0.5:1.5:2"], 1, 50)
            .expect("valid");
        let rotation = crate::presets::preset("rotation")
            .and_then(|p| p.protocol().ok())
            .expect("preset");
        let mut other = rotation.clone();
        other.config.rotation_deg = -45.0;
        let run = |base: &Protocol, jobs: Vec<Job>| -> Vec<Outcome> {
            jobs.into_iter()
                .map(|j| spec.run(base, j).expect("runs"))
                .collect()
        };
        // Shards of two experiments (another --set), however alike their grids.
        let mut mixed = run(&rotation, spec.shard(1, 2).expect("shard"));
        mixed.extend(run(&other, spec.shard(2, 2).expect("shard")));
        assert_eq!(check_outcomes(&mixed), Ok(()));
        let e = check_complete(&mixed).expect_err("two experiments");
        assert!(e.contains("two experiments"), "{e}");
        assert_ne!(fingerprint(&rotation), fingerprint(&other));
        let whole = run(&rotation, spec.jobs());
        assert_eq!(check_complete(&whole), Ok(()));
        // A map's run twice (a shard merged twice).
        let mut twice = whole.clone();
        twice.push(whole[3].clone());
        let (_, e) = check_outcomes(&twice).expect_err("duplicate");
        assert!(
            e.contains("appears twice") && e.contains("`dopamine`"),
            "{e}"
        );
        // Results without their grid (older files) that miss a row of the map.
        let mut gridless: Vec<Outcome> = whole
            .iter()
            .cloned()
            .map(|o| Outcome {
                grid: None,
                experiment: None,
                ..o
            })
            .collect();
        assert_eq!(check_complete(&gridless), Ok(()));
        gridless.retain(|o| o.value != 1.0);
        gridless.push(Outcome {
            value: 1.0,
            ..gridless[0].clone()
        });
        let e = check_complete(&gridless).expect_err("a row is missing");
        assert!(e.contains("is missing"), "{e}");
        // Runs of 0 trials, and nothing at all.
        let mut zero = whole.clone();
        zero[0].trials = 0;
        for o in &mut zero {
            o.trials = 0;
        }
        assert!(check_outcomes(&zero).is_err_and(|(_, e)| e.contains("0 trials")));
        assert!(check_complete(&[]).is_err_and(|e| e.contains("no sweep results")));
        // An axis whose ends are equal has one value, not three.
        let e = SweepSpec::parse_all(&["loop_strength=1:1:3"], 1, 60).expect_err("one value");
        assert!(e.contains("gives one value, not 3"), "{e}");
    }

    #[test]
    fn a_map_of_two_parameters_runs_every_cell_and_merges_shards_whole() {
        let spec = SweepSpec::parse_all(&["loop_strength=0.25:1:2", "dopamine=0.5:1.5:3"], 2, 60)
            .expect("valid");
        assert_eq!(spec.values2(), vec![0.5, 1.0, 1.5]);
        let jobs = spec.jobs();
        assert_eq!(jobs.len(), 2 * 3 * 2);
        assert_eq!((jobs[2].index2, jobs[2].value2), (Some(1), Some(1.0)));
        let base = crate::presets::preset("rotation")
            .and_then(|p| p.protocol().ok())
            .expect("preset");
        let run = |jobs: Vec<Job>| -> Vec<Outcome> {
            jobs.into_iter()
                .map(|j| spec.run(&base, j).expect("runs"))
                .collect()
        };
        let whole = run(spec.jobs());
        let mut shards: Vec<Outcome> = (1..=3)
            .flat_map(|k| run(spec.shard(k, 3).expect("shard")))
            .collect();
        assert_eq!(check_outcomes(&shards), Ok(()));
        assert_eq!(check_complete(&shards), Ok(()));
        shards.reverse();
        assert_eq!(summarize(&shards), summarize(&whole), "merged = whole");
        let table = map_table(
            "loop_strength",
            "dopamine",
            &summarize(&whole),
            Measure::Error,
        );
        assert!(
            table.contains("rows: loop_strength, columns: dopamine"),
            "{table}"
        );
        assert_eq!(table.lines().count(), 4, "{table}");
        // A missing shard and a second axis off the grid are named.
        let missing: Vec<Outcome> = shards[..shards.len() - 1].to_vec();
        let e = check_complete(&missing).expect_err("a run is missing");
        assert!(e.contains("11 of the sweep's 12 runs"), "{e}");
        let mut off = whole.clone();
        off[0].value2 = Some(0.7);
        assert!(check_complete(&off).is_err_and(|e| e.contains("`dopamine` = 0.7")));
        // A grid no bgloop makes (a hostile file) is refused before anything is sized by it.
        for (seeds, count) in [(4_000_000_000, 2), (2, 0), (0, 2)] {
            let mut huge = whole[..1].to_vec();
            if let Some(g) = &mut huge[0].grid {
                g.seeds = seeds;
                g.count = count;
            }
            let e = check_complete(&huge).expect_err("refused");
            assert!(e.contains("is not one bgloop makes"), "{e}");
        }
        // The same parameter twice, or three parameters, is refused.
        assert!(SweepSpec::parse_all(&["dopamine=0.5:1:2", "dopamine=0.5:1:2"], 1, 60).is_err());
        assert!(SweepSpec::parse_all(&["dopamine=0.5:1:2"; 3], 1, 60).is_err());
    }

    #[test]
    fn a_run_that_diverges_is_a_marked_cell_never_a_hole() {
        let mut base = Protocol::default();
        base.apply([
            ("g_sc", "3"),
            ("dopamine", "2"),
            ("g_gs", "0"),
            ("cortical_inhibition", "0"),
            ("cortical_drive", "0.5"),
            ("cue_strength", "2"),
            ("g_ct", "3"),
        ])
        .expect("valid");
        let spec = SweepSpec::parse("cortical_recurrence=1:3.8:2", 1, 60).expect("valid");
        let outcomes: Vec<Outcome> = spec
            .jobs()
            .into_iter()
            .map(|j| spec.run(&base, j).expect("a divergence is an outcome"))
            .collect();
        assert!(outcomes[0].diverged.is_none(), "{:?}", outcomes[0]);
        let why = outcomes[1].diverged.as_deref().expect("diverged");
        assert!(why.contains("diverged"), "{why}");
        assert_eq!(check_outcomes(&outcomes), Ok(()));
        assert_eq!(check_complete(&outcomes), Ok(()));
        let points = summarize(&outcomes);
        assert_eq!((points[0].n, points[0].diverged), (1, 0));
        assert_eq!((points[1].n, points[1].diverged), (0, 1));
        let text = table("cortical_recurrence", &points, Measure::Error);
        assert!(text.contains("every run diverged   (1 diverged)"), "{text}");
        // The outcome's JSON says why; an older reader's fields are unchanged.
        let line = serde_json::to_string(&outcomes[1]).expect("json");
        assert!(line.contains("\"diverged\":"), "{line}");
        let back: Outcome = serde_json::from_str(&line).expect("reads back");
        assert_eq!(back, outcomes[1]);
    }
}
