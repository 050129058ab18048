//! Regimes: why a run did or did not adapt, read from its records — the one classifier and the one
//! vocabulary of sweeps, maps, the page's readout and docs/model.md ("Where the model is
//! meaningful"). Also the adaptation times: trials until a run adapted, and the half-step time of
//! a new rotation step.
//!
//! The thresholds are stated here and in docs/model.md, and each is tested at its edge.

use crate::record::TrialRecord;
use crate::result::{self, Window};
use serde::{Deserialize, Serialize};

/// A run "adapted" when its mean |error| over the final window is at most this many degrees: the
/// half-width of the rotation task's reward window (10°), so the average reach is rewarded.
pub const ADAPTED_DEG: f64 = 10.0;
/// "No movement": fewer than this fraction of the final window's reaches were executed.
pub const MOVING_FRACTION: f64 = 0.5;
/// "Never rewarded": fewer than this fraction of all the run's reaches were rewarded (at most one
/// lucky hit in a hundred: too few for learning to build on).
pub const REWARDED_FRACTION: f64 = 0.01;
/// "Adapted then lost": some window of the run was adapted, and the final one is worse by more
/// than this many degrees.
pub const LOST_MARGIN_DEG: f64 = 5.0;
/// Reaches averaged by the running means of [`trials_to_adapt`] and [`half_step_time`].
pub const RUNNING: usize = 10;

/// Why a run ended where it did. Checked in the order of [`Measures::regime`]: no movement,
/// never rewarded, adapted, adapted then lost, oscillating, not adapted — the first that applies
/// is the regime.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Regime {
    /// Moving and rewarded but not adapted, and the loop at the run's settings oscillates (claim
    /// C4's probe: without exploration noise, GPi's SD > 0.02 with most power in 5–40 Hz): the
    /// rhythm, not exploration, drives the reaches.
    Oscillating,
    /// Most reaches of the final window were not executed: the arm barely moves.
    NoMovement,
    /// Fewer than 1 % of the run's reaches were rewarded: exploration never found the reward, so
    /// nothing could be learned.
    NeverRewarded,
    /// The final window is adapted (mean |error| ≤ [`ADAPTED_DEG`]).
    Adapted,
    /// An earlier window was adapted, the final one is not (worse by more than
    /// [`LOST_MARGIN_DEG`]).
    AdaptedThenLost,
    /// Moving, rewarded now and then, but not adapted.
    NotAdapted,
}

impl Regime {
    /// Every regime, in legend order.
    pub const ALL: [Regime; 6] = [
        Regime::Adapted,
        Regime::NotAdapted,
        Regime::AdaptedThenLost,
        Regime::NeverRewarded,
        Regime::NoMovement,
        Regime::Oscillating,
    ];

    /// The regime's name in links, JSONL and catalogs (`no-movement`, …).
    pub fn key(self) -> &'static str {
        match self {
            Regime::Oscillating => "oscillating",
            Regime::NoMovement => "no-movement",
            Regime::NeverRewarded => "never-rewarded",
            Regime::Adapted => "adapted",
            Regime::AdaptedThenLost => "adapted-then-lost",
            Regime::NotAdapted => "not-adapted",
        }
    }

    /// The regime in English words (the CLI's tables; the page says it through its catalog).
    pub fn words(self) -> &'static str {
        match self {
            Regime::Oscillating => "oscillating",
            Regime::NoMovement => "no movement",
            Regime::NeverRewarded => "never rewarded",
            Regime::Adapted => "adapted",
            Regime::AdaptedThenLost => "adapted then lost",
            Regime::NotAdapted => "not adapted",
        }
    }

    /// The regime named by `key`.
    pub fn parse(key: &str) -> Option<Regime> {
        Regime::ALL.into_iter().find(|r| r.key() == key)
    }
}

/// What a run measured, over its final window (the result of [`crate::result`]) and over the run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Measures {
    /// Mean |error| over the final window, degrees (every trial, as the result computes it).
    pub error_deg: f64,
    /// Fraction of the final window's reaches executed.
    pub executed: f64,
    /// Mean reward over the final window.
    pub reward: f64,
    /// Mean reach time over the final window's executed reaches, ms (`None`: none executed).
    pub reach_ms: Option<f64>,
    /// Trials until the run adapted ([`trials_to_adapt`]); `None`: it never did.
    pub adapt_trials: Option<u32>,
    /// Fraction of the whole run's reaches rewarded.
    pub rewarded: f64,
    /// The lowest mean |error| of any [`result::LAST`]-trial window of the run, degrees.
    pub best_error_deg: f64,
}

impl Measures {
    /// The measures of `records` (a run from its first trial), over its last
    /// [`result::LAST`] trials. `None` if there are no records or no reach in the final window.
    pub fn of(records: &[TrialRecord]) -> Option<Measures> {
        let last = records.last()?.trial;
        let r = result::over(records, Window::last(last));
        let f = r.figures?;
        let rewarded =
            records.iter().filter(|r| r.reward > 0.0).count() as f64 / records.len() as f64;
        Some(Measures {
            error_deg: f.error_deg.mean,
            executed: f.executed,
            reward: f.reward,
            reach_ms: f.reach_ms,
            adapt_trials: trials_to_adapt(records),
            rewarded,
            best_error_deg: best_window(records),
        })
    }

    /// The regime these measures show; `oscillating` says whether the loop at the run's settings
    /// oscillates ([`crate::claims::probe_rhythm_of`]). What the reader sees comes first: a run
    /// that barely moves is "no movement" and an adapted one "adapted", whatever the loop does
    /// without noise; the rhythm explains only a run that moves, is rewarded and still fails.
    pub fn regime(&self, oscillating: bool) -> Regime {
        if self.executed < MOVING_FRACTION {
            Regime::NoMovement
        } else if self.rewarded < REWARDED_FRACTION {
            Regime::NeverRewarded
        } else if self.error_deg <= ADAPTED_DEG {
            Regime::Adapted
        } else if self.best_error_deg <= ADAPTED_DEG
            && self.error_deg > self.best_error_deg + LOST_MARGIN_DEG
        {
            Regime::AdaptedThenLost
        } else if oscillating {
            Regime::Oscillating
        } else {
            Regime::NotAdapted
        }
    }
}

/// The lowest mean |error| over any window of [`result::LAST`] consecutive trials, computed as the
/// result computes it (every trial of the window, made or not); infinity for a shorter run.
fn best_window(records: &[TrialRecord]) -> f64 {
    let n = result::LAST as usize;
    if records.len() < n {
        return f64::INFINITY;
    }
    records
        .windows(n)
        .map(|w| w.iter().map(|r| r.error_deg.abs()).sum::<f64>() / n as f64)
        .fold(f64::INFINITY, f64::min)
}

/// Trials until the run adapted: the trial (counted from the run's first) at which the mean
/// |error| of the last [`RUNNING`] executed reaches first falls to [`ADAPTED_DEG`] or below.
pub fn trials_to_adapt(records: &[TrialRecord]) -> Option<u32> {
    let first = records.first()?.trial;
    let mut recent: std::collections::VecDeque<f64> = std::collections::VecDeque::new();
    for r in records.iter().filter(|r| r.executed) {
        recent.push_back(r.error_deg.abs());
        if recent.len() > RUNNING {
            recent.pop_front();
        }
        if recent.len() == RUNNING && recent.iter().sum::<f64>() / RUNNING as f64 <= ADAPTED_DEG {
            return Some(r.trial - first + 1);
        }
    }
    None
}

/// The half-step time of a rotation step of `step_deg` at trial `from`: trials from `from` until
/// the mean signed error of the last [`RUNNING`] executed reaches (from `from` on) is below half
/// the step, in the step's direction — how fast a run learns a new step, whatever its accuracy
/// before. `None` if it never is.
pub fn half_step_time(records: &[TrialRecord], from: u32, step_deg: f64) -> Option<u32> {
    let sign = step_deg.signum();
    let mut recent: std::collections::VecDeque<f64> = std::collections::VecDeque::new();
    for r in records.iter().filter(|r| r.trial >= from && r.executed) {
        recent.push_back(sign * r.error_deg);
        if recent.len() > RUNNING {
            recent.pop_front();
        }
        if recent.len() == RUNNING
            && recent.iter().sum::<f64>() / (RUNNING as f64) < step_deg.abs() / 2.0
        {
            return Some(r.trial - from + 1);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Phase;

    fn reach(trial: u32, error_deg: f64, executed: bool, reward: f64) -> TrialRecord {
        TrialRecord {
            trial,
            phase: Phase::Rotation,
            target_deg: 0.0,
            hand_deg: 0.0,
            cursor_deg: error_deg,
            error_deg,
            reward,
            rpe: 0.0,
            executed,
            reach_ms: executed.then_some(150.0),
            amplitude: 0.1,
        }
    }

    fn run(errors: impl Fn(u32) -> (f64, bool, f64), n: u32) -> Vec<TrialRecord> {
        (1..=n)
            .map(|t| {
                let (e, x, r) = errors(t);
                reach(t, e, x, r)
            })
            .collect()
    }

    fn regime(records: &[TrialRecord]) -> Regime {
        Measures::of(records).expect("reaches").regime(false)
    }

    #[test]
    fn each_regime_at_its_threshold() {
        // Adapted at exactly ADAPTED_DEG, not adapted just above.
        let at = run(|_| (ADAPTED_DEG, true, 1.0), 200);
        assert_eq!(regime(&at), Regime::Adapted);
        let above = run(|_| (ADAPTED_DEG + 0.5, true, 1.0), 200);
        assert_eq!(regime(&above), Regime::NotAdapted);
        // No movement: under half the final window executed (one in three here).
        let still = run(|t| (3.0, t % 3 == 0, 1.0), 200);
        assert_eq!(regime(&still), Regime::NoMovement);
        let half = run(|t| (3.0, t % 2 == 0, 1.0), 200);
        assert_eq!(regime(&half), Regime::Adapted, "half executed still moves");
        // Never rewarded: 1 hit in 200 (0.5 %) vs 2 in 200 (1 %).
        let one = run(|t| (30.0, true, f64::from(u8::from(t == 7))), 200);
        assert_eq!(regime(&one), Regime::NeverRewarded);
        let two = run(|t| (30.0, true, f64::from(u8::from(t == 7 || t == 9))), 200);
        assert_eq!(regime(&two), Regime::NotAdapted);
        // Adapted then lost: adapted at trials 51–100, then 20° off.
        let lost = run(
            |t| (if (51..=100).contains(&t) { 3.0 } else { 20.0 }, true, 0.5),
            200,
        );
        assert_eq!(regime(&lost), Regime::AdaptedThenLost);
        // …but a final window within the margin of the best is not "lost".
        let near = run(|t| (if t <= 100 { 9.0 } else { 13.0 }, true, 0.5), 200);
        assert_eq!(regime(&near), Regime::NotAdapted);
        // Reaches made and not made are counted alike, in the final window and in the best one
        // (as the result counts them): a steady mix is not "lost".
        let mixed = run(
            |t| {
                if t % 5 < 3 {
                    (2.0, true, 1.0)
                } else {
                    (40.0, false, 0.0)
                }
            },
            200,
        );
        assert_eq!(regime(&mixed), Regime::NotAdapted);
        // The loop's rhythm explains a run that moves, is rewarded and fails — no other.
        let with_rhythm = |r: &[TrialRecord]| Measures::of(r).expect("reaches").regime(true);
        assert_eq!(with_rhythm(&near), Regime::Oscillating);
        assert_eq!(with_rhythm(&at), Regime::Adapted);
        assert_eq!(with_rhythm(&still), Regime::NoMovement);
        assert_eq!(with_rhythm(&one), Regime::NeverRewarded);
        assert_eq!(with_rhythm(&lost), Regime::AdaptedThenLost);
    }

    #[test]
    fn adaptation_and_half_step_times() {
        // |error| 30° for 20 trials, then 2°: the 10-reach mean is (7·2 + 3·30)/10 = 10.4 at
        // trial 27 and (8·2 + 2·30)/10 = 7.6 ≤ 10 at trial 28.
        let rec = run(|t| (if t <= 20 { 30.0 } else { 2.0 }, true, 0.0), 60);
        assert_eq!(trials_to_adapt(&rec), Some(28));
        assert_eq!(trials_to_adapt(&run(|_| (30.0, true, 0.0), 60)), None);
        // A 20° step at trial 11: signed error 20° for 10 trials, then 0. Half the step is 10°:
        // the mean of the last 10 is below it once 6 of them are 0 (trial 26, 16 trials on).
        let step = run(
            |t| (if (11..=20).contains(&t) { 20.0 } else { 0.0 }, true, 0.0),
            40,
        );
        assert_eq!(half_step_time(&step, 11, 20.0), Some(16));
        // Unexecuted reaches are skipped; a negative step counts the other way.
        let neg = run(
            |t| {
                (
                    if (11..=20).contains(&t) { -20.0 } else { 0.0 },
                    t != 25,
                    0.0,
                )
            },
            40,
        );
        assert_eq!(half_step_time(&neg, 11, -20.0), Some(17));
        assert_eq!(
            half_step_time(&step, 11, -20.0),
            Some(10),
            "wrong-way errors are 'below'"
        );
        assert_eq!(
            half_step_time(&run(|_| (20.0, true, 0.0), 40), 11, 20.0),
            None
        );
    }
}
