//! Reading back numbers JSON could not write: serde_json writes a NaN or an infinity as `null`.
//! A scene handed from one wasm module to the other as JSON (a figure) may carry them (a
//! diverged trial's rates), so its float lists read `null` back as NaN (`#[serde(deserialize_with
//! = …)]`) and draw as they did before the hand-over.

use serde::{Deserialize, Deserializer};

/// A list of `f32` in which `null` stands for NaN.
pub fn f32s<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<f32>, D::Error> {
    let read: Vec<Option<f32>> = Vec::deserialize(d)?;
    Ok(read.into_iter().map(|x| x.unwrap_or(f32::NAN)).collect())
}

/// A list of `f64` in which `null` stands for NaN.
pub fn f64s<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<f64>, D::Error> {
    let read: Vec<Option<f64>> = Vec::deserialize(d)?;
    Ok(read.into_iter().map(|x| x.unwrap_or(f64::NAN)).collect())
}

/// An `f64` for which `null` stands for NaN.
pub fn f64_or_nan<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::NAN))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize, Deserialize)]
    struct Probe {
        #[serde(deserialize_with = "f32s")]
        a: Vec<f32>,
        #[serde(deserialize_with = "f64s")]
        b: Vec<f64>,
        #[serde(deserialize_with = "f64_or_nan")]
        c: f64,
    }

    #[test]
    fn a_nan_written_as_null_reads_back_as_nan_and_numbers_exactly() {
        let p = Probe {
            a: vec![0.1, f32::NAN, 3.5e-7],
            b: vec![0.1 + 0.2, f64::INFINITY],
            c: f64::NAN,
        };
        let text = serde_json::to_string(&p).expect("writes");
        assert_eq!(
            text,
            r#"{"a":[0.1,null,3.5e-7],"b":[0.30000000000000004,null],"c":null}"#
        );
        let back: Probe = serde_json::from_str(&text).expect("reads");
        assert_eq!(back.a[0].to_bits(), 0.1f32.to_bits());
        assert!(back.a[1].is_nan() && back.b[1].is_nan() && back.c.is_nan());
        assert_eq!(back.b[0].to_bits(), (0.1f64 + 0.2).to_bits());
    }
}
