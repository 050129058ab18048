//! The commands, one file each; `main.rs` only dispatches. [`start`] is what several commands
//! start from.

pub(crate) mod bench;
pub(crate) mod claims;
pub(crate) mod figure;
pub(crate) mod merge;
pub(crate) mod phenomena;
pub(crate) mod presets;
pub(crate) mod run;
pub(crate) mod schema;
pub(crate) mod share;
pub(crate) mod start;
pub(crate) mod summary;
pub(crate) mod sweep;
