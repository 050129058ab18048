//! The one seeded random generator of a run, and its Gaussian sampler.
//!
//! Uniform bits come from xoshiro256++ (Blackman & Vigna; 64-bit integer arithmetic only, so it is
//! as fast in wasm as natively), seeded through SplitMix64 exactly as the `rand_xoshiro` crate seeds
//! it (a test checks the two streams agree); its state can be read and restored, so a run can be
//! handed between threads. Gaussian samples from Marsaglia & Tsang's ziggurat in Doornik's 128-layer form, whose
//! tables are computed at start-up with `libm`: identical bits on every platform.

use crate::math;

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

/// xoshiro256++'s 256-bit state.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Xoshiro256PlusPlus([u64; 4]);

impl Xoshiro256PlusPlus {
    /// The state SplitMix64 expands `seed` into (as `rand_xoshiro`'s `seed_from_u64`).
    fn seed_from_u64(seed: u64) -> Self {
        let mut x = seed;
        Xoshiro256PlusPlus(std::array::from_fn(|_| {
            x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        }))
    }

    #[inline(always)]
    fn next_u64(&mut self) -> u64 {
        let s = &mut self.0;
        let result = s[0].wrapping_add(s[3]).rotate_left(23).wrapping_add(s[0]);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
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

    /// The generator's whole state: continuing from [`Rng::from_state`] of it gives the same
    /// stream as continuing this generator.
    pub fn state(&self) -> [u64; 4] {
        self.bits.0
    }

    /// A generator in `state` (from [`Rng::state`]); `None` for the all-zero state, which
    /// xoshiro never reaches.
    pub fn from_state(state: [u64; 4]) -> Option<Self> {
        (state != [0; 4]).then(|| Rng {
            bits: Xoshiro256PlusPlus(state),
            zig: Ziggurat::new(),
        })
    }

    /// 64 uniform random bits.
    #[inline(always)]
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
    fn the_stream_is_rand_xoshiros_and_survives_a_state_round_trip() {
        use rand_core::{Rng as _, SeedableRng};
        for seed in [0, 1, 2, 42, u64::MAX] {
            let mut ours = Rng::new(seed);
            let mut theirs = rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(seed);
            for _ in 0..1000 {
                assert_eq!(ours.next_u64(), theirs.next_u64(), "seed {seed}");
            }
            let _ = ours.normal();
            let mut copy = Rng::from_state(ours.state()).expect("non-zero state");
            for _ in 0..100 {
                assert_eq!(ours.normal().to_bits(), copy.normal().to_bits());
            }
        }
        assert!(Rng::from_state([0; 4]).is_none());
    }

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
