//! Stepping: every way of advancing the session goes through one `advance`, which brings run B
//! level with run A.

use super::{Session, MAX_STEP_MS, MAX_TRIALS_PER_CALL};
use crate::experiment::{Divergence, Simulation};
use crate::i18n::{Catalog, Msg, Said};
use crate::record::TrialRecord;
use crate::schema::{self, ParamError};

/// Why a stepping call stopped: an argument out of its range, or a run that left the model's safe
/// range (run B's is said as B's). Said in any language ([`Said`]); `Display` says it in English.
#[derive(Clone, Debug, PartialEq)]
pub enum StepError {
    /// An argument out of its range.
    Argument(ParamError),
    /// Run A (the only run unless comparing) diverged.
    Diverged(Divergence),
    /// Run B diverged while it was brought level with run A.
    DivergedB(Divergence),
}

impl Said for StepError {
    fn said_in(&self, words: &Catalog) -> String {
        match self {
            StepError::Argument(e) => e.said_in(words),
            StepError::Diverged(d) => d.said_in(words),
            StepError::DivergedB(d) => {
                words.format(&Msg::new("rejected-run-b").text("error", d.said_in(words)))
            }
        }
    }
}

impl std::fmt::Display for StepError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.said_in(Catalog::english()))
    }
}

impl std::error::Error for StepError {}

impl Session {
    /// Moves run A with `f`, then brings run B level with it — even when A fails, so what is
    /// exported is the same with or without a feed. Every stepping call goes through here, so
    /// none can leave B behind.
    pub(super) fn advance<T>(
        &mut self,
        f: impl FnOnce(&mut Simulation) -> Result<T, Divergence>,
    ) -> Result<T, StepError> {
        let moved = f(&mut self.a);
        let level = self.keep_up();
        let moved = moved.map_err(StepError::Diverged)?;
        level?;
        Ok(moved)
    }

    /// Advances simulated time by `ms` (checked); returns how many trials of run A ended. Run B
    /// keeps up trial for trial.
    pub fn step(&mut self, ms: f64) -> Result<u32, StepError> {
        let ms = schema::in_range("ms", ms, 0.0, MAX_STEP_MS).map_err(StepError::Argument)?;
        self.advance(|a| a.advance(ms))
            .map(|done| done.len() as u32)
    }

    /// Runs A's trial in progress (or a new one) for at most `ms` (checked), stopping at its end;
    /// returns its record if it ended (B then runs the same trial whole).
    pub fn step_trial_slice(&mut self, ms: f64) -> Result<Option<TrialRecord>, StepError> {
        let ms = schema::in_range("ms", ms, 0.0, MAX_STEP_MS).map_err(StepError::Argument)?;
        self.advance(|a| a.run_trial_slice(ms))
    }

    /// Runs to the end of run A's trial in progress, or one whole trial, and brings run B level;
    /// returns A's record.
    pub fn step_trial(&mut self) -> Result<TrialRecord, StepError> {
        self.advance(Simulation::run_trial)
    }

    /// Runs `n` whole trials of each run (checked); returns how many ran.
    pub fn run_trials(&mut self, n: f64) -> Result<u32, StepError> {
        let n = schema::whole("n", n, 0, MAX_TRIALS_PER_CALL).map_err(StepError::Argument)?;
        self.advance(|a| a.run_trials(n))
    }

    /// Brings run B to as many finished trials as run A (unless B is fed from elsewhere).
    pub(super) fn keep_up(&mut self) -> Result<(), StepError> {
        if self.feed.active() {
            return Ok(());
        }
        if let Some(b) = &mut self.b {
            while b.trials_done() < self.a.trials_done() {
                b.run_trial().map_err(StepError::DivergedB)?;
            }
        }
        Ok(())
    }
}
