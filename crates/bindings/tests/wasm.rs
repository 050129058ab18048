//! The bindings as JavaScript sees them, run by wasm-bindgen-test in Node and in headless Chromium
//! (`scripts/wasm-tests.sh`).
#![cfg(target_arch = "wasm32")]

use std::fmt;

/// Lets `expect_err` show a Playground that was unexpectedly built.
struct Built;

impl fmt::Debug for Built {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a Playground")
    }
}

use bgloop_bindings::Playground;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsError, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn js(value: serde_json::Value) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .expect("serialisable")
}

/// The view's field `key`, as JSON.
fn view_of(pg: &Playground, key: &str) -> serde_json::Value {
    let view: serde_json::Value =
        serde_wasm_bindgen::from_value(pg.view(JsValue::UNDEFINED).expect("view")).expect("object");
    view[key].clone()
}

fn message(e: JsError) -> String {
    let v: JsValue = e.into();
    v.dyn_into::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn bad_configs_are_errors_that_name_the_field_and_range() {
    let e = Playground::new(js(serde_json::json!({ "loop_strength": 7 })))
        .map(|_| Built)
        .expect_err("rejected");
    assert_eq!(message(e), "`loop_strength` = 7 is out of range 0–2");
    let pg = Playground::new(JsValue::UNDEFINED).expect("defaults");
    let e = pg
        .configure(js(
            serde_json::json!({ "ring_size": 3, "reward": "gaussian" }),
        ))
        .expect_err("rejected");
    let m = message(e);
    assert!(
        m.contains("`ring_size` = 3 must be a whole number in 8–256 units"),
        "{m}"
    );
    assert!(
        m.contains("`reward` = \"gaussian\" is not one of: graded, binary"),
        "{m}"
    );
    let e = pg
        .configure(js(serde_json::json!({ "no_such_key": 1 })))
        .expect_err("rejected");
    assert!(message(e).contains("unknown parameter \"no_such_key\""));
    let e = pg
        .configure(JsValue::from_str("loop_strength=1"))
        .expect_err("rejected");
    assert!(message(e).contains("must be an object"));
    let e = pg.step(f64::NAN).expect_err("rejected");
    assert_eq!(message(e), "`ms` = NaN is out of range 0–600000");
    let e = pg
        .column("nope".into(), JsValue::UNDEFINED)
        .expect_err("rejected");
    assert!(message(e).starts_with("column \"nope\" is not one of"));
    assert!(view_of(&pg, "pending") == false, "nothing changed");
    assert_eq!(pg.trial_count(), 0);
}

#[wasm_bindgen_test]
fn configure_is_all_or_nothing_and_reset_applies_it() {
    let pg = Playground::new(JsValue::UNDEFINED).expect("defaults");
    assert!(pg
        .configure(js(
            serde_json::json!({ "loop_strength": 0.5, "dopamine": 9 })
        ))
        .is_err());
    assert!(
        view_of(&pg, "pending") == false,
        "a rejected configure changes nothing"
    );
    pg.configure(js(serde_json::json!({ "loop_strength": 0.5 })))
        .expect("valid");
    assert_eq!(view_of(&pg, "pending"), true);
    pg.reset(None).expect("reset");
    assert!(view_of(&pg, "pending") == false);
    assert_eq!(view_of(&pg, "config")["loop_strength"], 0.5);
}

/// The wasm run must equal, character for character, the golden CSV written by the native build.
#[wasm_bindgen_test]
fn wasm_reproduces_the_native_golden_run_bit_for_bit() {
    let pg = Playground::new(JsValue::UNDEFINED).expect("defaults");
    pg.use_preset("rotation".into()).expect("preset");
    pg.reset(Some(1.0)).expect("reset");
    pg.run_trials(12.0).expect("runs");
    assert_eq!(
        pg.csv(),
        include_str!("../../core/tests/golden/rotation_seed1.csv")
    );
    let pg = Playground::new(JsValue::UNDEFINED).expect("defaults");
    pg.use_preset("babbling".into()).expect("preset");
    pg.reset(Some(7.0)).expect("reset");
    pg.run_trials(12.0).expect("runs");
    assert_eq!(
        pg.csv(),
        include_str!("../../core/tests/golden/babbling_seed7.csv")
    );
}

/// A small deterministic generator for the property test.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[(self.next() as usize) % xs.len()]
    }
}

const NUMBERS: [f64; 11] = [
    -1.0,
    0.0,
    0.25,
    1.0,
    3.0,
    7.5,
    64.0,
    1e9,
    f64::NAN,
    f64::INFINITY,
    -0.0,
];
const KEYS: [&str; 10] = [
    "loop_strength",
    "dopamine",
    "ring_size",
    "dt_ms",
    "seed",
    "reward",
    "targets",
    "trial_ms",
    "bogus",
    "",
];
const TEXTS: [&str; 8] = [
    "binary",
    "graded",
    "1e3",
    "NaN",
    "<img src=x onerror=alert(1)>",
    "",
    "0x10",
    "on",
];

/// One random call of the API; whether it succeeded.
fn random_call(pg: &Playground, rng: &mut Lcg) -> bool {
    match rng.next() % 10 {
        0 => {
            let key = rng.pick(&KEYS);
            let v = if rng.next() % 2 == 0 {
                serde_json::json!(rng.pick(&NUMBERS))
            } else {
                serde_json::json!(rng.pick(&TEXTS))
            };
            pg.configure(js(serde_json::json!({ key: v }))).is_ok()
        }
        1 => {
            let seed = (rng.next() % 2 == 0).then(|| rng.pick(&NUMBERS));
            pg.reset(seed).is_ok()
        }
        2 => pg.step(rng.pick(&NUMBERS) * 3.0).is_ok(),
        3 => pg
            .run_trials(rng.pick(&[0.0, 1.0, 2.0, -1.0, 0.5, f64::NAN]))
            .is_ok(),
        4 => pg.step_trial(JsValue::UNDEFINED).is_ok(),
        5 => pg
            .use_preset(
                rng.pick(&["rotation", "babbling", "dynamics", "nope", ""])
                    .into(),
            )
            .is_ok(),
        6 => pg
            .record_traces(rng.pick(&NUMBERS), rng.next() % 2 == 0)
            .is_ok(),
        7 => pg
            .column(
                rng.pick(&["error_deg", "reward", "reach_ms", "x"]).into(),
                JsValue::UNDEFINED,
            )
            .is_ok(),
        8 => pg.configure(JsValue::from_f64(rng.pick(&NUMBERS))).is_ok(),
        _ => pg.view(JsValue::from_f64(0.0)).is_ok(),
    }
}

#[wasm_bindgen_test]
fn random_api_sequences_never_poison_the_object() {
    let mut rng = Lcg(12345);
    let pg = Playground::new(JsValue::UNDEFINED).expect("defaults");
    let mut errors = 0;
    for _ in 0..4000 {
        let ok = random_call(&pg, &mut rng);
        errors += usize::from(!ok);
        // The object answers after every call.
        assert!(pg.view(JsValue::UNDEFINED).is_ok());
        let _ = pg.trial_count();
    }
    assert!(
        errors > 100,
        "the sequence exercised the error paths ({errors})"
    );
    // And still simulates.
    pg.configure(js(
        serde_json::json!({ "dt_ms": 0.5, "trial_ms": 600, "ring_size": 32 }),
    ))
    .expect("valid");
    pg.reset(Some(3.0)).expect("reset");
    let before = pg.trial_count();
    pg.run_trials(3.0).expect("runs");
    assert_eq!(pg.trial_count(), before + 3);
}
