//! The `claimcheck` binary: argument parsing, output and exit codes.
//! All printing and exiting happens here and in `cli/`.

mod cli;

/// mimalloc instead of the system allocator: extraction makes many small,
/// short-lived allocations per document on every thread, where glibc's
/// arenas spent about a fifth of a run on tiny articles (issue 19).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc 3's `mi_option_e` (the sys crate
/// names no constant for it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> std::process::ExitCode {
    // Freed memory goes back to the system after 10 ms (mimalloc 2's
    // default), not mimalloc 3's second: a long run's peak stays where
    // glibc's was (the 16x Reuters check: 310 MB with a second, 284 MB
    // with 10 ms), and purging at once (0) cost a 20 MB one-line document
    // a second of system time re-faulting its large buffers.
    // SAFETY: sets a process-wide option before any thread is started.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 10) };
    std::process::ExitCode::from(cli::run())
}
