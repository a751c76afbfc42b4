//! Compiles `src/cli/time.rs` (the `claimcheck time` command, part of the
//! binary) against the library and runs its unit tests, until the command
//! is wired into `main.rs` where they run with `cargo test --bin claimcheck`.

#[allow(dead_code)]
#[path = "../src/cli/time.rs"]
mod time;
