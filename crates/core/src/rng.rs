//! The one seeded random generator of a run, and its Gaussian sampler.
//!
//! Uniform bits come from xoshiro256++ (64-bit integer arithmetic only, so it is as fast in wasm as
//! natively); Gaussian samples from Marsaglia & Tsang's ziggurat in Doornik's 128-layer form, whose
//! tables are computed at start-up with `libm`: identical bits on every platform.

use crate::math;
use rand_core::{Rng as _, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

const LAYERS: usize = 128;
const TAIL_START: f64 = 3.442_619_855_899;
const LAYER_AREA: f64 = 9.912_563_035_262_17e-3;
const TWO_POW_M53: f64 = 1.0 / (1u64 << 53) as f64;

/// Ziggurat tables: layer edges `x` and the ratio `r[i] = x[i+1] / x[i]`.
#[derive(Clone, Debug)]
struct Ziggurat {
    x: [f64; LAYERS + 1],
    r: [f64; LAYERS],
}

impl Ziggurat {
    fn new() -> Self {
        let mut x = [0.0; LAYERS + 1];
        let mut f = math::exp(-0.5 * TAIL_START * TAIL_START);
        x[0] = LAYER_AREA / f;
        x[1] = TAIL_START;
        x[LAYERS] = 0.0;
        for i in 2..LAYERS {
            x[i] = math::sqrt(-2.0 * math::ln(LAYER_AREA / x[i - 1] + f));
            f = math::exp(-0.5 * x[i] * x[i]);
        }
        let mut r = [0.0; LAYERS];
        for i in 0..LAYERS {
            r[i] = x[i + 1] / x[i];
        }
        Ziggurat { x, r }
    }
}

/// A seeded generator: uniform and standard-normal samples, reproducible bit for bit.
#[derive(Clone, Debug)]
pub struct Rng {
    bits: Xoshiro256PlusPlus,
    zig: Ziggurat,
}

impl Rng {
    /// A generator whose whole stream is fixed by `seed`.
    pub fn new(seed: u64) -> Self {
        Rng {
            bits: Xoshiro256PlusPlus::seed_from_u64(seed),
            zig: Ziggurat::new(),
        }
    }

    /// 64 uniform random bits.
    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        self.bits.next_u64()
    }

    /// Uniform in the open interval (0, 1).
    #[inline]
    pub fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) * TWO_POW_M53
    }

    /// Uniform integer in `0..n` (n ≥ 1), by Lemire's multiply-shift (bias < 2⁻³²·n).
    pub fn below(&mut self, n: u32) -> u32 {
        (((self.next_u64() >> 32) * u64::from(n)) >> 32) as u32
    }

    /// A standard normal sample 𝒩(0, 1).
    ///
    /// The common case (≈ 98.8% of draws: the point falls inside its layer's rectangle) is inlined
    /// into the network's loops; the wedge and tail tests, and any redraw, are out of line.
    #[inline(always)]
    pub fn normal(&mut self) -> f64 {
        let bits = self.next_u64();
        let u = 2.0 * (((bits >> 11) as f64 + 0.5) * TWO_POW_M53) - 1.0;
        let i = (bits & (LAYERS as u64 - 1)) as usize;
        if u.abs() < self.zig.r[i] {
            return u * self.zig.x[i];
        }
        self.normal_edge(u, i)
    }

    /// The rest of a draw whose point fell outside its layer's rectangle: the tail (layer 0) or the
    /// wedge test, then fresh draws until one is accepted — the same stream as one loop would give.
    #[cold]
    #[inline(never)]
    fn normal_edge(&mut self, mut u: f64, mut i: usize) -> f64 {
        loop {
            if i == 0 {
                return self.tail(u < 0.0);
            }
            let x = u * self.zig.x[i];
            let xi = self.zig.x[i];
            let xi1 = self.zig.x[i + 1];
            let f0 = math::exp(-0.5 * (xi * xi - x * x));
            let f1 = math::exp(-0.5 * (xi1 * xi1 - x * x));
            if f1 + self.uniform() * (f0 - f1) < 1.0 {
                return x;
            }
            let bits = self.next_u64();
            u = 2.0 * (((bits >> 11) as f64 + 0.5) * TWO_POW_M53) - 1.0;
            i = (bits & (LAYERS as u64 - 1)) as usize;
            if u.abs() < self.zig.r[i] {
                return u * self.zig.x[i];
            }
        }
    }

    /// Marsaglia's tail sampler beyond the ziggurat's base.
    fn tail(&mut self, negative: bool) -> f64 {
        loop {
            let x = math::ln(self.uniform()) / TAIL_START;
            let y = math::ln(self.uniform());
            if -2.0 * y >= x * x {
                return if negative {
                    x - TAIL_START
                } else {
                    TAIL_START - x
                };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream_other_seed_other_stream() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        let mut c = Rng::new(8);
        let xs: Vec<f64> = (0..100).map(|_| a.normal()).collect();
        let ys: Vec<f64> = (0..100).map(|_| b.normal()).collect();
        let zs: Vec<f64> = (0..100).map(|_| c.normal()).collect();
        assert_eq!(xs, ys);
        assert_ne!(xs, zs);
    }

    #[test]
    fn normal_has_the_moments_and_tails_of_a_gaussian() {
        let mut rng = Rng::new(42);
        let n = 2_000_000;
        let (mut s1, mut s2, mut s4, mut beyond2, mut beyond3) = (0.0, 0.0, 0.0, 0usize, 0usize);
        for _ in 0..n {
            let x = rng.normal();
            s1 += x;
            s2 += x * x;
            s4 += x * x * x * x;
            beyond2 += usize::from(x.abs() > 2.0);
            beyond3 += usize::from(x.abs() > 3.0);
        }
        let nf = n as f64;
        let mean = s1 / nf;
        let var = s2 / nf - mean * mean;
        assert!(mean.abs() < 0.003, "mean {mean}");
        assert!((var - 1.0).abs() < 0.005, "variance {var}");
        assert!((s4 / nf - 3.0).abs() < 0.03, "kurtosis {}", s4 / nf);
        let p2 = beyond2 as f64 / nf;
        let p3 = beyond3 as f64 / nf;
        assert!((p2 - 0.045_500).abs() < 0.0005, "P(|x|>2) = {p2}");
        assert!((p3 - 0.002_700).abs() < 0.0002, "P(|x|>3) = {p3}");
    }

    #[test]
    fn uniform_is_open_and_below_is_in_range() {
        let mut rng = Rng::new(3);
        let mut counts = [0usize; 8];
        for _ in 0..80_000 {
            let u = rng.uniform();
            assert!(u > 0.0 && u < 1.0);
            counts[rng.below(8) as usize] += 1;
        }
        for c in counts {
            assert!((9_000..11_000).contains(&c), "{counts:?}");
        }
    }
}
