//! The reaching task: targets and their visual codes, the hand driven by the cortical population
//! vector, the rotated cursor, the error and the reward.

use crate::config::{Config, RewardKind};
use crate::math;

/// Direction of target `index` of `count` evenly spaced targets, the first at 0°, in degrees.
pub fn target_deg(index: u32, count: u32) -> f64 {
    360.0 * f64::from(index) / f64::from(count.max(1))
}

/// The visual codes of a target for each unit of a ring of `cos`/`sin` directions.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetCode {
    /// Broad code to cortex: v = 1 + cos(θ − θ_tgt).
    pub broad: Vec<f64>,
    /// Sharp code to striatum: vˢ = exp(κ_v·(cos(θ − θ_tgt) − 1)).
    pub sharp: Vec<f64>,
}

impl TargetCode {
    /// The codes of a target at `target_rad` for units at directions (cos θᵢ, sin θᵢ).
    pub fn new(target_rad: f64, cos: &[f64], sin: &[f64], sharpness: f64) -> Self {
        let (ct, st) = (math::cos(target_rad), math::sin(target_rad));
        // cos(θ − θ_tgt) = cosθ·cosθ_tgt + sinθ·sinθ_tgt
        let similarity: Vec<f64> = cos.iter().zip(sin).map(|(c, s)| c * ct + s * st).collect();
        TargetCode {
            broad: similarity.iter().map(|x| 1.0 + x).collect(),
            sharp: similarity
                .iter()
                .map(|x| math::exp(sharpness * (x - 1.0)))
                .collect(),
        }
    }
}

/// The hand: integrates the population vector from the go signal until it covers the target
/// distance (1).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Hand {
    /// Position (x, y), in target distances.
    pub x: f64,
    /// Position (x, y), in target distances.
    pub y: f64,
}

impl Hand {
    /// Moves by k_hand·(z/N)·dt; returns true once |h| ≥ 1.
    pub fn advance(&mut self, z: (f64, f64), gain_per_unit: f64) -> bool {
        self.x += gain_per_unit * z.0;
        self.y += gain_per_unit * z.1;
        self.x * self.x + self.y * self.y >= 1.0
    }

    /// Direction in degrees (0 at the origin).
    pub fn direction_deg(&self) -> f64 {
        math::to_deg(math::atan2(self.y, self.x))
    }
}

/// What a finished reach earned.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outcome {
    /// Direction of the hand, degrees.
    pub hand_deg: f64,
    /// Direction of the cursor (hand rotated by φ), degrees in (−180, 180].
    pub cursor_deg: f64,
    /// Cursor error relative to the target, degrees in (−180, 180].
    pub error_deg: f64,
    /// Reward in [0, 1] (0 if the reach was not executed).
    pub reward: f64,
}

/// Scores a reach: cursor = hand rotated by `rotation_deg`; reward graded or binary; no reward if
/// not executed.
pub fn score(
    config: &Config,
    hand: Hand,
    rotation_deg: f64,
    target_deg: f64,
    executed: bool,
) -> Outcome {
    let hand_deg = hand.direction_deg();
    let cursor_deg = math::wrap_deg(hand_deg + rotation_deg);
    let error_deg = math::wrap_deg(cursor_deg - target_deg);
    let w = config.reward_width_deg;
    let reward = match config.reward {
        RewardKind::Graded => math::exp(-error_deg * error_deg / (2.0 * w * w)),
        RewardKind::Binary => f64::from(u8::from(error_deg.abs() < w)),
    };
    Outcome {
        hand_deg,
        cursor_deg,
        error_deg,
        reward: if executed { reward } else { 0.0 },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_is_the_rotated_hand_and_error_is_wrapped() {
        let mut c = Config::default();
        c.reward = RewardKind::Binary;
        let hand = Hand { x: 0.0, y: 1.0 }; // 90°
        let o = score(&c, hand, 30.0, 0.0, true);
        assert!((o.hand_deg - 90.0).abs() < 1e-12);
        assert!((o.cursor_deg - 120.0).abs() < 1e-12);
        assert!((o.error_deg - 120.0).abs() < 1e-12);
        assert_eq!(o.reward, 0.0);
        let near = Hand {
            x: math::cos(math::to_rad(-25.0)),
            y: math::sin(math::to_rad(-25.0)),
        };
        let o = score(&c, near, 30.0, 0.0, true);
        assert!((o.error_deg - 5.0).abs() < 1e-9);
        assert_eq!(o.reward, 1.0);
        assert_eq!(
            score(&c, near, 30.0, 0.0, false).reward,
            0.0,
            "no reward without execution"
        );
        let o = score(&c, near, 30.0, 350.0, true);
        assert!((o.error_deg - 15.0).abs() < 1e-9, "{}", o.error_deg);
    }

    #[test]
    fn graded_reward_is_gaussian_in_the_error() {
        let c = Config::default();
        let at = |deg: f64| Hand {
            x: math::cos(math::to_rad(deg)),
            y: math::sin(math::to_rad(deg)),
        };
        assert!((score(&c, at(0.0), 0.0, 0.0, true).reward - 1.0).abs() < 1e-12);
        let r = score(&c, at(10.0), 0.0, 0.0, true).reward;
        assert!((r - math::exp(-0.5)).abs() < 1e-9, "{r}");
    }

    #[test]
    fn codes_peak_at_the_target() {
        let n = 16;
        let th: Vec<f64> = (0..n)
            .map(|i| std::f64::consts::TAU * i as f64 / n as f64)
            .collect();
        let cos: Vec<f64> = th.iter().map(|&t| math::cos(t)).collect();
        let sin: Vec<f64> = th.iter().map(|&t| math::sin(t)).collect();
        let code = TargetCode::new(math::to_rad(target_deg(2, 8)), &cos, &sin, 8.0);
        assert!((code.broad[4] - 2.0).abs() < 1e-12);
        assert!((code.sharp[4] - 1.0).abs() < 1e-12);
        assert!(code.broad[12].abs() < 1e-12);
        assert!(code.sharp[12] < 1e-6);
    }
}
