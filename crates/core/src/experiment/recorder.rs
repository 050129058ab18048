//! What a run keeps for people: the capped history of trial records, the within-trial trace of
//! the trial in progress, and the hand paths of the last few reaches.

use crate::network::{Network, Population};
use crate::record::TrialRecord;
use crate::task::Hand;
use std::collections::VecDeque;

/// Within-trial samples for drawing: the hand path and all five rings, every `every_steps` steps.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Trace {
    /// Sampling interval, in steps.
    pub every_steps: usize,
    /// Sampling interval, ms.
    #[serde(deserialize_with = "crate::json_floats::f64_or_nan")]
    pub every_ms: f64,
    /// Units per ring.
    pub n: usize,
    /// Time of each sample from trial start, ms.
    #[serde(deserialize_with = "crate::json_floats::f32s")]
    pub time_ms: Vec<f32>,
    /// Hand position (x, y) per sample, interleaved.
    #[serde(deserialize_with = "crate::json_floats::f32s")]
    pub hand: Vec<f32>,
    /// Rates per sample: 5 rings × N, in [`Population::ALL`] order.
    #[serde(deserialize_with = "crate::json_floats::f32s")]
    pub rings: Vec<f32>,
    /// The trial these samples belong to.
    pub trial: u32,
    /// The target of that trial, degrees.
    #[serde(deserialize_with = "crate::json_floats::f64_or_nan")]
    pub target_deg: f64,
    /// The cursor rotation of that trial, degrees.
    #[serde(deserialize_with = "crate::json_floats::f64_or_nan")]
    pub rotation_deg: f64,
}

impl Trace {
    /// Number of samples.
    pub fn len(&self) -> usize {
        self.time_ms.len()
    }

    /// Whether there are no samples.
    pub fn is_empty(&self) -> bool {
        self.time_ms.is_empty()
    }

    /// The rates of `population` at sample `k` (empty if rings were not recorded).
    pub fn ring(&self, k: usize, population: Population) -> &[f32] {
        let base = (k * 5 + population as usize) * self.n;
        self.rings.get(base..base + self.n).unwrap_or(&[])
    }

    /// Whether the five rings were recorded.
    pub fn has_rings(&self) -> bool {
        !self.rings.is_empty()
    }

    /// Whether its lists fit together (a sample's hand position and five rings of `n` units, for
    /// each time): what a trace read back from outside (a figure handed between modules) must
    /// be before it is drawn.
    pub fn is_consistent(&self) -> bool {
        let samples = self.time_ms.len();
        let rings = samples.checked_mul(5).and_then(|x| x.checked_mul(self.n));
        self.n <= 1 << 16
            && (self.hand.is_empty() || self.hand.len() == 2 * samples)
            && (self.rings.is_empty() || Some(self.rings.len()) == rings)
    }
}

/// The most trial records a simulation keeps in memory; past it the oldest half is dropped (the
/// page's exports then hold the most recent records). 200,000 records take about 20 MB.
pub const HISTORY_CAP: usize = 200_000;

/// How many finished reach paths [`Simulation::recent_paths`] keeps.
pub const RECENT_PATHS: usize = 20;

/// The hand path of a finished trial, kept for drawing.
#[derive(Clone, Debug, PartialEq)]
pub struct ReachPath {
    /// The trial's number.
    pub trial: u32,
    /// Its target, degrees.
    pub target_deg: f64,
    /// Its cursor rotation, degrees.
    pub rotation_deg: f64,
    /// Hand positions, interleaved x, y.
    pub hand: Vec<f32>,
}

/// The history, trace and recent paths of a run.
#[derive(Clone, Debug)]
pub(super) struct Recorder {
    history: Vec<TrialRecord>,
    history_cap: usize,
    every_ms: Option<f64>,
    rings: bool,
    trace: Trace,
    recent_paths: VecDeque<ReachPath>,
}

impl Default for Recorder {
    fn default() -> Self {
        Recorder {
            history: Vec::new(),
            history_cap: HISTORY_CAP,
            every_ms: None,
            rings: true,
            trace: Trace::default(),
            recent_paths: VecDeque::new(),
        }
    }
}

impl Recorder {
    pub(super) fn history(&self) -> &[TrialRecord] {
        &self.history
    }

    pub(super) fn set_history_cap(&mut self, cap: usize) {
        self.history_cap = cap.max(2);
    }

    pub(super) fn trace(&self) -> &Trace {
        &self.trace
    }

    pub(super) fn recent_paths(&self) -> impl ExactSizeIterator<Item = &ReachPath> {
        self.recent_paths.iter()
    }

    pub(super) fn record_traces(&mut self, every_ms: Option<f64>) {
        self.every_ms = every_ms.filter(|ms| ms.is_finite() && *ms > 0.0);
        if self.every_ms.is_none() {
            self.trace = Trace::default();
        }
    }

    pub(super) fn record_rings(&mut self, rings: bool) {
        self.rings = rings;
    }

    /// Starts the trace of a new trial (if traces are on) with its first sample.
    pub(super) fn start_trial(
        &mut self,
        number: u32,
        (target_deg, rotation_deg): (f64, f64),
        dt_ms: f64,
        net: &Network,
    ) {
        let Some(every_ms) = self.every_ms else {
            return;
        };
        let every_steps = ((every_ms / dt_ms).round() as usize).max(1);
        self.trace = Trace {
            every_steps,
            every_ms: every_steps as f64 * dt_ms,
            n: net.n(),
            trial: number,
            target_deg,
            rotation_deg,
            ..Trace::default()
        };
        self.sample(0, dt_ms, Hand::default(), net);
    }

    /// Samples step `step` if traces are on and it falls on the sampling interval.
    pub(super) fn after_step(&mut self, step: usize, dt_ms: f64, hand: Hand, net: &Network) {
        if self.every_ms.is_some() && step % self.trace.every_steps.max(1) == 0 {
            self.sample(step, dt_ms, hand, net);
        }
    }

    fn sample(&mut self, step: usize, dt_ms: f64, hand: Hand, net: &Network) {
        let t = &mut self.trace;
        t.time_ms.push((step as f64 * dt_ms) as f32);
        t.hand.push(hand.x as f32);
        t.hand.push(hand.y as f32);
        if self.rings {
            for p in Population::ALL {
                t.rings.extend(net.rates(p).iter().map(|&x| x as f32));
            }
        }
    }

    /// Takes the records and drawing state of trials run elsewhere (a handover), as if they had
    /// finished here.
    pub(super) fn take_handover(
        &mut self,
        records: Vec<TrialRecord>,
        paths: Vec<ReachPath>,
        trace: Trace,
    ) {
        for record in records {
            if self.history.len() >= self.history_cap {
                self.history.drain(..self.history_cap / 2);
            }
            self.history.push(record);
        }
        self.recent_paths = paths.into();
        self.trace = trace;
    }

    /// Keeps a finished trial: its record (dropping the oldest half past the cap) and, while
    /// traces are on, its hand path.
    pub(super) fn finish_trial(&mut self, record: &TrialRecord, rotation_deg: f64) {
        if self.every_ms.is_some() {
            if self.recent_paths.len() == RECENT_PATHS {
                self.recent_paths.pop_front();
            }
            self.recent_paths.push_back(ReachPath {
                trial: record.trial,
                target_deg: record.target_deg,
                rotation_deg,
                hand: self.trace.hand.clone(),
            });
        }
        if self.history.len() >= self.history_cap {
            self.history.drain(..self.history_cap / 2);
        }
        self.history.push(record.clone());
    }
}
