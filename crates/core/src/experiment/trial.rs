//! One trial in progress: its schedule (cue, go, end), the target's codes, the hand, and the sums
//! over the movement that learning needs.

use super::TrialOptions;
use crate::config::Config;
use crate::learning::ReachActivity;
use crate::math;
use crate::record::Phase;
use crate::task::{Hand, TargetCode};

/// Sums over the movement (go → target distance): mean rates for learning, mean |z|/N.
#[derive(Clone, Debug)]
pub(super) struct ReachSums {
    cortex: Vec<f64>,
    striatum: Vec<f64>,
    steps: usize,
    amplitude: f64,
}

impl ReachSums {
    fn new(n: usize) -> Self {
        ReachSums {
            cortex: vec![0.0; n],
            striatum: vec![0.0; n],
            steps: 0,
            amplitude: 0.0,
        }
    }

    /// Adds one step of the movement.
    pub(super) fn add(&mut self, cortex: &[f64], striatum: &[f64], amplitude: f64) {
        for i in 0..self.cortex.len() {
            self.cortex[i] += cortex[i];
            self.striatum[i] += striatum[i];
        }
        self.steps += 1;
        self.amplitude += amplitude;
    }

    /// Mean cortical and striatal rates over the movement.
    pub(super) fn means(&self) -> (Vec<f64>, Vec<f64>) {
        let steps = self.steps.max(1) as f64;
        (
            self.cortex.iter().map(|x| x / steps).collect(),
            self.striatum.iter().map(|x| x / steps).collect(),
        )
    }

    /// Mean |z|/N over the movement (0 if there was none).
    pub(super) fn amplitude(&self) -> f64 {
        if self.steps > 0 {
            self.amplitude / self.steps as f64
        } else {
            0.0
        }
    }
}

/// A trial in progress.
#[derive(Clone, Debug)]
pub(super) struct Trial {
    /// Which trial, where, under what.
    pub(super) setup: Setup,
    pub(super) step: usize,
    pub(super) cue_steps: usize,
    pub(super) go_step: usize,
    pub(super) last_step: usize,
    /// The target's sharp code vˢ (to striatum).
    pub(super) sharp: Vec<f64>,
    /// The gate of consolidation.
    pub(super) gate: Vec<f64>,
    pub(super) hand: Hand,
    /// Steps from the go signal to the target distance, once reached.
    pub(super) reach_steps: Option<usize>,
    pub(super) sums: ReachSums,
}

/// Which trial, where, under what: the part of a trial fixed by the schedule and the draw.
#[derive(Clone, Copy, Debug)]
pub(super) struct Setup {
    pub(super) number: u32,
    pub(super) phase: Phase,
    pub(super) target: usize,
    pub(super) target_deg: f64,
    pub(super) rotation_deg: f64,
    pub(super) gpi_output: f64,
    pub(super) options: TrialOptions,
}

impl Trial {
    /// A trial of `setup` for a ring with unit directions `cos`/`sin`; returns it and the code the
    /// cortex receives (the broad code through K, or the normalised sharp code without an innate
    /// map).
    pub(super) fn new(c: &Config, setup: Setup, cos: &[f64], sin: &[f64]) -> (Trial, Vec<f64>) {
        let n = cos.len();
        let code = TargetCode::new(math::to_rad(setup.target_deg), cos, sin, c.visual_sharpness);
        let (cortex_code, gate) = if c.innate_cue_map {
            let gate = code.broad.iter().map(|v| v / 2.0).collect();
            (code.broad, gate)
        } else {
            let mass: f64 = code.sharp.iter().sum();
            let scale = n as f64 / mass;
            (
                code.sharp.iter().map(|v| v * scale).collect(),
                code.sharp.clone(),
            )
        };
        let steps = |ms: f64| (ms / c.dt_ms).round() as usize;
        let trial = Trial {
            setup,
            step: 0,
            cue_steps: steps(c.cue_ms),
            go_step: steps(c.go_ms),
            last_step: steps(c.trial_ms).max(1),
            sharp: code.sharp,
            gate,
            hand: Hand::default(),
            reach_steps: None,
            sums: ReachSums::new(n),
        };
        (trial, cortex_code)
    }

    /// The cue amplitude a(t) at the current step.
    pub(super) fn cue(&self, c: &Config) -> f64 {
        if self.step < self.cue_steps {
            c.cue_strength
        } else {
            c.cue_hold
        }
    }

    /// Whether the hand moves at the current step (after go, until the target distance).
    pub(super) fn moving(&self) -> bool {
        self.step >= self.go_step && self.reach_steps.is_none()
    }

    /// Whether the trial is over after the current step.
    pub(super) fn over(&self) -> bool {
        let reached = self.reach_steps.is_some() && !self.setup.options.run_to_end;
        reached || self.step >= self.last_step
    }

    /// What learning needs from this reach, from the movement's mean rates.
    pub(super) fn activity<'a>(&'a self, means: &'a (Vec<f64>, Vec<f64>)) -> ReachActivity<'a> {
        ReachActivity {
            cortex: &means.0,
            striatum: &means.1,
            sharp: &self.sharp,
            gate: &self.gate,
        }
    }
}
