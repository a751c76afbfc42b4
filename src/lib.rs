//! claimcheck: checks that articles agree on who holds which title, and
//! what happened when and where.
//!
//! The pipeline, one module per stage, data flowing one way:
//!
//! ```text
//! paths ─► corpus ─► segment ─► grammar (nom) ─► claim ─► normalize ─► temporal
//!                                                                         │
//! report ◄── graph (petgraph) ◄── checks (YAML rules) ◄───────────────────┘
//! ```
//!
//! The library never prints and never exits; `src/main.rs` and `src/cli/`
//! own the terminal.

pub mod corpus;
pub mod source;
pub mod temporal;
