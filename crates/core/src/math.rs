//! Portable floating-point helpers.
//!
//! Every transcendental function the model uses comes from the `libm` crate, never from the
//! platform's math library, so a run gives bit-identical numbers natively and in WebAssembly.
//! (`+ - * /` and `sqrt` are exactly rounded by IEEE 754 everywhere; Rust never fuses them.)

/// Degrees per radian.
pub const DEG_PER_RAD: f64 = 180.0 / core::f64::consts::PI;

/// e^x (libm).
#[inline]
pub fn exp(x: f64) -> f64 {
    libm::exp(x)
}

/// Natural logarithm (libm).
#[inline]
pub fn ln(x: f64) -> f64 {
    libm::log(x)
}

/// Cosine (libm).
#[inline]
pub fn cos(x: f64) -> f64 {
    libm::cos(x)
}

/// Sine (libm).
#[inline]
pub fn sin(x: f64) -> f64 {
    libm::sin(x)
}

/// Square root (IEEE exact; libm for uniformity).
#[inline]
pub fn sqrt(x: f64) -> f64 {
    libm::sqrt(x)
}

/// Four-quadrant arctangent of y/x (libm); 0 for the origin.
#[inline]
pub fn atan2(y: f64, x: f64) -> f64 {
    libm::atan2(y, x)
}

/// √(x² + y²) without undue overflow (libm).
#[inline]
pub fn hypot(x: f64, y: f64) -> f64 {
    libm::hypot(x, y)
}

/// Radians to degrees.
#[inline]
pub fn to_deg(rad: f64) -> f64 {
    rad * DEG_PER_RAD
}

/// Degrees to radians.
#[inline]
pub fn to_rad(deg: f64) -> f64 {
    deg / DEG_PER_RAD
}

/// Wraps an angle in degrees into (−180°, 180°].
pub fn wrap_deg(a: f64) -> f64 {
    let mut w = a % 360.0;
    if w <= -180.0 {
        w += 360.0;
    } else if w > 180.0 {
        w -= 360.0;
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_lands_in_half_open_interval() {
        assert_eq!(wrap_deg(180.0), 180.0);
        assert_eq!(wrap_deg(-180.0), 180.0);
        assert_eq!(wrap_deg(190.0), -170.0);
        assert_eq!(wrap_deg(-190.0), 170.0);
        assert_eq!(wrap_deg(720.0 + 30.0), 30.0);
        assert_eq!(wrap_deg(0.0), 0.0);
    }

    #[test]
    fn degree_round_trip() {
        assert!((to_deg(to_rad(37.5)) - 37.5).abs() < 1e-12);
    }
}
