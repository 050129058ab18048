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

#[cfg(test)]
mod tests {
    use super::num;

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
