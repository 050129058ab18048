//! The fuzz harness for what people paste and send: permalinks and configs. Shared by the fast
//! subset in `cargo test` (tests/fuzz.rs) and the long run
//! `cargo run --release -p bgloop-core --example fuzz -- 1000000`.
//!
//! Every input must be handled without a panic; every rejection must name its field; whatever a
//! link decodes to must validate and survive an encode/decode round trip unchanged.

use bgloop_core::{permalink, schema, Config, Input};

/// A tiny deterministic generator (SplitMix64), so a failing input can be reproduced by its number.
pub struct Gen(u64);

impl Gen {
    /// A generator for input number `i`.
    pub fn new(i: u64) -> Self {
        Gen(i.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03)
    }

    /// 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const VALUES: &[&str] = &[
    "0",
    "1",
    "0.5",
    "-1",
    "2",
    "1e3",
    "1e+3",
    "1e-300",
    "1e400",
    "-0",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "Infinity",
    "0x10",
    "1,5",
    "",
    " ",
    "%20",
    "%",
    "%zz",
    "%E2%88%9E",
    "∞",
    "１",
    "binary",
    "graded",
    "on",
    "off",
    "true",
    "covariance",
    "<script>alert(1)</script>",
    "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    "javascript:alert(1)",
    "\"'><svg/onload=alert(1)>",
    "9007199254740993",
    "18446744073709551616",
    "3.0000000000000004",
    "0.1e1",
    ".5",
    "5.",
    "+3",
    "--1",
    "1e",
    "e5",
    "😀",
    "\u{0}",
    "\u{202e}",
    "rotation",
    "weak-loop",
    "babbling",
    "reach,learning",
    "loop_strength",
    "1/0",
];

const TRIALS: &[&str] = &[
    "1", "2", "150", "0", "-3", "1000000", "1000001", "x", "", "1e3",
];

const EXTRA_KEYS: &[&str] = &[
    "gpi_off_after",
    "washout_after",
    "@",
    "@5",
    "@5.",
    "b.",
    "b.b.seed",
    "b.@",
    "b.v",
    "b.hand",
    "v",
    "preset",
    "embed",
    "hide",
    "speed",
    "hand",
    "",
    "x",
    "__proto__",
    "constructor",
    "javascript:alert(1)",
    "<b>",
    "%3Cb%3E",
    "loop_strength%00",
    "LOOP_STRENGTH",
    "seed ",
    "📈",
];

/// A random link of the kinds people paste.
pub fn link(g: &mut Gen) -> String {
    let keys: Vec<&str> = schema().iter().map(|s| s.key).collect();
    let mut out = String::new();
    match g.below(6) {
        0 => out.push_str("https://example.org/bgloop/?x=1#"),
        1 => out.push('#'),
        2 => out.push('?'),
        3 => out.push_str("javascript:void(0)#"),
        _ => {}
    }
    let entries = if g.below(50) == 0 {
        600 + g.below(400)
    } else {
        g.below(12)
    };
    for i in 0..entries {
        if i > 0 {
            out.push(if g.below(30) == 0 { ';' } else { '&' });
        }
        let mut key = match g.below(8) {
            0 | 1 => g.pick(EXTRA_KEYS).to_string(),
            // Events: steps and ramps, on any key (live or not), at any trial.
            2 => format!("@{}.{}", g.pick(TRIALS), keys[g.below(keys.len())]),
            3 => format!(
                "@{}-{}.{}",
                g.pick(TRIALS),
                g.pick(TRIALS),
                keys[g.below(keys.len())]
            ),
            _ => keys[g.below(keys.len())].to_string(),
        };
        // Run B of a comparison.
        if g.below(6) == 0 {
            key = format!("b.{key}");
        }
        out.push_str(&key);
        if g.below(20) != 0 {
            out.push('=');
        }
        let value = match g.below(5) {
            0 => format!(
                "{}",
                (g.next() as f64 / u64::MAX as f64 - 0.5) * 10f64.powi(g.below(12) as i32 - 4)
            ),
            1 => (0..g.below(40))
                .map(|_| char::from_u32(g.below(0x3000) as u32).unwrap_or('?'))
                .collect(),
            2 if key.contains('@') => format!("{}..{}", g.pick(VALUES), g.pick(VALUES)),
            _ => g.pick(VALUES).to_string(),
        };
        out.push_str(&value);
    }
    if g.below(100) == 0 {
        out.push_str(&"a".repeat(10_000));
    }
    out
}

/// Checks one link; returns a description of what went wrong, if anything.
pub fn check_link(text: &str) -> Result<(), String> {
    let decoded = std::panic::catch_unwind(|| permalink::decode(text))
        .map_err(|_| "decode panicked".to_string())?;
    let experiment = &decoded.experiment;
    for (_, p) in experiment.runs() {
        p.config
            .validate()
            .map_err(|e| format!("decoded config does not validate: {e}"))?;
        if let Some(b) = &experiment.b {
            let has = |e: &bgloop_core::Event| {
                b.schedule
                    .events()
                    .iter()
                    .any(|x| x.trial == e.trial && x.key == e.key)
            };
            if !experiment.a.schedule.events().iter().all(has) {
                return Err("run B lost an event of run A".into());
            }
        }
    }
    for r in &decoded.rejected {
        // Events are named by their whole text (shortened).
        let key = r.key.as_str();
        let names = if r.key.is_empty() {
            r.reason.starts_with("an entry without a key")
        } else {
            r.reason.contains(&format!("`{key}`"))
                || r.reason.contains(&format!("{key:?}"))
                || (key.starts_with('@') && r.reason.contains(key.trim_end_matches('…')))
        };
        if !names {
            return Err(format!("rejection does not name its field: {r:?}"));
        }
    }
    let view: Vec<(&str, &str)> = decoded
        .view
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let link = permalink::encode(decoded.preset, experiment, &view);
    let again = permalink::decode(&link);
    if again.experiment != decoded.experiment
        || !again.rejected.is_empty()
        || again.view != decoded.view
    {
        return Err(format!("encode/decode round trip changed the link: {link}"));
    }
    Ok(())
}

/// Random settings sent to a config (as JS objects, `--set` pairs or messages do); checks that
/// errors name their key, that a rejected value changes nothing, and that what `validate` then
/// refuses is only a combination (every key it names holds a value in its own range).
pub fn check_settings(g: &mut Gen) -> Result<(), String> {
    let keys: Vec<&str> = schema().iter().map(|s| s.key).collect();
    let mut c = Config::default();
    for _ in 0..g.below(8) + 1 {
        let key = if g.below(6) == 0 {
            g.pick(EXTRA_KEYS)
        } else {
            keys[g.below(keys.len())]
        };
        let input = match g.below(4) {
            0 => Input::Num(f64::from_bits(g.next())),
            1 => Input::Num(
                (g.next() as f64 / u64::MAX as f64 - 0.3) * 10f64.powi(g.below(8) as i32 - 2),
            ),
            2 => Input::Bool(g.below(2) == 0),
            _ => Input::Text(g.pick(VALUES).to_string()),
        };
        let before = c.clone();
        match std::panic::catch_unwind(move || {
            let mut c2 = before;
            let r = c2.set(key, input);
            (c2, r)
        }) {
            Err(_) => return Err(format!("set({key:?}) panicked")),
            Ok((next, Err(e))) => {
                if e.key != key
                    || !(e.message.contains(&format!("`{key}`"))
                        || e.message.contains("unknown parameter"))
                {
                    return Err(format!("error does not name {key:?}: {}", e.message));
                }
                if next != c {
                    return Err(format!("a rejected value changed the config ({key})"));
                }
            }
            Ok((next, Ok(()))) => c = next,
        }
    }
    if let Err(e) = c.validate() {
        for x in &e.errors {
            if x.key.is_empty() || !x.message.contains(&format!("`{}`", x.key)) {
                return Err(format!("validation error without its key: {e}"));
            }
            // Each value was accepted by `set`, so only a combination may be refused.
            let own = bgloop_core::spec(&x.key)
                .zip(c.get(&x.key))
                .map(|(spec, v)| {
                    let input = match v {
                        bgloop_core::Value::Num(n) => Input::Num(n),
                        bgloop_core::Value::Choice(t) => Input::Text(t.to_string()),
                    };
                    spec.check(&input)
                });
            if !matches!(own, Some(Ok(_))) {
                return Err(format!(
                    "`{}` was accepted by set but is refused on its own: {e}",
                    x.key
                ));
            }
        }
    }
    Ok(())
}

/// Runs inputs `start..start+count`; returns the failures (input number and what went wrong).
pub fn run(start: u64, count: u64) -> Vec<(u64, String)> {
    let mut failures = Vec::new();
    for i in start..start + count {
        let mut g = Gen::new(i);
        let text = link(&mut g);
        if let Err(e) = check_link(&text) {
            failures.push((
                i,
                format!(
                    "{e}\n  link: {:?}",
                    text.chars().take(300).collect::<String>()
                ),
            ));
        }
        if let Err(e) = check_settings(&mut g) {
            failures.push((i, e));
        }
        if failures.len() >= 10 {
            break;
        }
    }
    failures
}
