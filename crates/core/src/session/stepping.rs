//! Stepping: every way of advancing the session goes through one `advance`, which brings run B
//! level with run A.

use super::{Session, MAX_STEP_MS, MAX_TRIALS_PER_CALL};
use crate::experiment::{Divergence, Simulation};
use crate::i18n::Msg;
use crate::record::TrialRecord;
use crate::schema;

/// An error as the session's stepping calls report it: its sentence.
fn text(e: impl std::fmt::Display) -> String {
    e.to_string()
}

impl Session {
    /// Moves run A with `f`, then brings run B level with it — even when A fails, so what is
    /// exported is the same with or without a feed. Every stepping call goes through here, so
    /// none can leave B behind.
    pub(super) fn advance<T>(
        &mut self,
        f: impl FnOnce(&mut Simulation) -> Result<T, Divergence>,
    ) -> Result<T, String> {
        let moved = f(&mut self.a);
        let level = self.keep_up();
        let moved = moved.map_err(|e| crate::i18n::Said::said_in(&e, self.words))?;
        level?;
        Ok(moved)
    }

    /// Advances simulated time by `ms` (checked); returns how many trials of run A ended. Run B
    /// keeps up trial for trial.
    pub fn step(&mut self, ms: f64) -> Result<u32, String> {
        let ms = schema::in_range("ms", ms, 0.0, MAX_STEP_MS).map_err(text)?;
        self.advance(|a| a.advance(ms))
            .map(|done| done.len() as u32)
    }

    /// Runs A's trial in progress (or a new one) for at most `ms` (checked), stopping at its end;
    /// returns its record if it ended (B then runs the same trial whole).
    pub fn step_trial_slice(&mut self, ms: f64) -> Result<Option<TrialRecord>, String> {
        let ms = schema::in_range("ms", ms, 0.0, MAX_STEP_MS).map_err(text)?;
        self.advance(|a| a.run_trial_slice(ms))
    }

    /// Runs to the end of run A's trial in progress, or one whole trial, and brings run B level;
    /// returns A's record.
    pub fn step_trial(&mut self) -> Result<TrialRecord, String> {
        self.advance(Simulation::run_trial)
    }

    /// Runs `n` whole trials of each run (checked); returns how many ran.
    pub fn run_trials(&mut self, n: f64) -> Result<u32, String> {
        let n = schema::whole("n", n, 0, MAX_TRIALS_PER_CALL).map_err(text)?;
        self.advance(|a| a.run_trials(n))
    }

    /// Brings run B to as many finished trials as run A (unless B is fed from elsewhere).
    pub(super) fn keep_up(&mut self) -> Result<(), String> {
        if self.feed.active() {
            return Ok(());
        }
        if let Some(b) = &mut self.b {
            while b.trials_done() < self.a.trials_done() {
                b.run_trial().map_err(|e| {
                    let said = crate::i18n::Said::said_in(&e, self.words);
                    self.words
                        .format(&Msg::new("rejected-run-b").text("error", said))
                })?;
            }
        }
        Ok(())
    }
}
