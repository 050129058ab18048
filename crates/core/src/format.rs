//! The one number formatter shared by every front end (CLI CSV, browser export, permalinks,
//! messages), so the same value is the same text everywhere.

/// Formats a number as the shortest decimal text that reads back to the same `f64`
/// (`1`, `0.1`, `29.999999999999996`), in scientific notation when very small or large
/// (`1e-300`, `2.5e20`); negative zero prints as `0`, non-finite values as `NaN`, `inf`, `-inf`.
pub fn num(x: f64) -> String {
    if x == 0.0 {
        "0".to_string()
    } else if x.is_finite() && (x.abs() < 1e-7 || x.abs() >= 1e16) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

/// How many characters of a reader's text an error message quotes.
pub const QUOTED: usize = 40;

/// `text` cut to `max` characters, with `…` when it was cut: the one way user text is shortened
/// for a message (a hostile key of a megabyte must not become a megabyte of error).
pub fn short(text: &str, max: usize) -> String {
    let mut chars = text.chars();
    let mut out: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{num, short};

    #[test]
    fn short_cuts_with_an_ellipsis_only_when_it_cuts() {
        assert_eq!(short("loop", 4), "loop");
        assert_eq!(short("loops", 4), "loop…");
        assert_eq!(short("λλλλλ", 2), "λλ…");
    }

    #[test]
    fn shortest_round_trip() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(-0.0), "0");
        assert_eq!(num(0.1), "0.1");
        assert_eq!(num(-2.5), "-2.5");
        assert_eq!(num(1e-300), "1e-300");
        assert_eq!(num(-2.5e20), "-2.5e20");
        assert_eq!(num(f64::MAX).parse::<f64>().ok(), Some(f64::MAX));
        for x in [
            0.1 + 0.2,
            1.0 / 3.0,
            12.14,
            1e-9,
            123456.789,
            5e-324,
            9007199254740993.0,
        ] {
            assert_eq!(num(x).parse::<f64>().ok(), Some(x));
        }
    }
}
